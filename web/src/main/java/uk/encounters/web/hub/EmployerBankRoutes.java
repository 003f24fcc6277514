package uk.encounters.web.hub;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.encounters.marketplace.employer.BankLine;
import uk.encounters.marketplace.employer.BankPlan;
import uk.encounters.marketplace.employer.EmployerBankImport;
import uk.encounters.marketplace.hub.HubRepository.Hub;
import uk.encounters.marketplace.offer.Sectors;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.CsvImport;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.Routes;

/**
 * The hub's employer bank: a coordinator imports an agency's or a chamber's contact list, sees
 * what each line would do (a new organisation or one already in the hub, a new volunteer or one
 * already known, and every problem), and saves it whole. Nothing is saved while a line has errors,
 * unless the coordinator chooses to skip those lines.
 */
public final class EmployerBankRoutes {

    static final List<String> COLUMNS = List.of(
            "organisation",
            "postcode",
            "sector",
            "size",
            "contact_name",
            "contact_email",
            "volunteer_name",
            "volunteer_email",
            "safeguarding_checked_until",
            "agency");
    private static final List<String> REQUIRED = List.of("organisation", "postcode", "sector", "size");

    /** The page, with the file just checked when there is one. */
    public record ImportPage(Hub hub, String columns, List<String> sectors, CsvImport.Preview preview) {}

    private final EmployerBankImport bank;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;
    private final PathEntity<Hub> hub;

    public EmployerBankRoutes(
            EmployerBankImport bank, Blocking blocking, Templates templates, Clock clock, PathEntity<Hub> hub) {
        this.bank = bank;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
        this.hub = hub;
    }

    /** Its routes (under /hubs/:hubId). */
    public void mount(Routes routes) {
        routes.hub().loading(hub).get("/employers/import", this::initImport);
        routes.hub().uploads().loading(hub).post("/import/employers", this::processImport);
    }

    public void initImport(RoutingContext ctx) {
        showPage(ctx, 200, null);
    }

    public void processImport(RoutingContext ctx) {
        long hubId = hub.of(ctx).id();
        CsvImport<BankLine> checked = CsvImport.check(CsvImport.textOf(ctx, "file", "csv"), REQUIRED, new BankRows());
        BankPlan plan = blocking.call(() -> bank.plan(hubId, checked.valid()));
        CsvImport<BankLine> file = withPlan(checked, plan, LocalDate.now(clock));
        Form form = Form.of(ctx);
        String action = "/hubs/" + hubId + "/import/employers";
        if (!file.saveNow(form)) {
            int status = file.previewStatus(form);
            showPage(ctx, status, file.preview("lines", action, status));
            return;
        }
        EmployerBankImport.Imported imported;
        try {
            imported = blocking.call(() -> bank.save(CurrentUser.actor(ctx), hubId, file.valid(), file.badRows()));
        } catch (EmployerBankImport.Refused e) {
            // the hub changed since the preview (or skipping lines left another without its agency)
            CsvImport<BankLine> refused =
                    new CsvImport<>(file.text(), file.rows(), file.valid(), Optional.of(e.getMessage()));
            showPage(ctx, 422, refused.preview("lines", action, 422));
            return;
        }
        Flash.set(ctx, message(imported, file.badRows()));
        ctx.redirect("/hubs/" + hubId + "/employers");
    }

    /**
     * The file with each good line's fate in its summary, and the lines the plan refuses (another
     * hub's organisation, an agency not found) turned into lines with errors.
     */
    static CsvImport<BankLine> withPlan(CsvImport<BankLine> checked, BankPlan plan, LocalDate today) {
        Map<Integer, BankPlan.Planned> byLine =
                plan.lines().stream().collect(Collectors.toMap(p -> p.line().line(), Function.identity()));
        List<CsvImport.RowReport> rows = new ArrayList<>();
        for (CsvImport.RowReport row : checked.rows()) {
            BankPlan.Planned planned = byLine.get(row.line());
            if (planned == null) {
                rows.add(row);
            } else {
                rows.add(new CsvImport.RowReport(
                        row.line(),
                        BankLineWords.describe(planned, today),
                        planned.ok() ? List.of() : List.of(planned.problem())));
            }
        }
        List<BankLine> valid = plan.lines().stream()
                .filter(BankPlan.Planned::ok)
                .map(BankPlan.Planned::line)
                .toList();
        return new CsvImport<>(checked.text(), rows, valid, checked.problem());
    }

    /** "Imported 12 lines: 5 new organisations, 2 already in the hub, 9 new volunteers ..." */
    static String message(EmployerBankImport.Imported imported, long skipped) {
        String message = "Imported the list: "
                + count(imported.organisationsAdded(), "new organisation", "new organisations")
                + ", "
                + count(
                        imported.organisationsFound(),
                        "organisation already in the hub",
                        "organisations already in the hub")
                + ", " + count(imported.volunteersAdded(), "new volunteer", "new volunteers")
                + ", " + count(imported.volunteersKnown(), "volunteer already known", "volunteers already known")
                + "; " + count(imported.contactsInvited(), "contact invited", "contacts invited")
                + " to manage their organisation.";
        if (imported.contactsWithAccounts() > 0) {
            message += " "
                    + count(
                            imported.contactsWithAccounts(),
                            "contact who already has an account was",
                            "contacts who already have an account were")
                    + " asked by email to accept their new organisations: nothing is theirs until they do.";
        }
        if (skipped > 0) {
            message += " " + count((int) skipped, "line with errors was", "lines with errors were") + " skipped.";
        }
        return message;
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private void showPage(RoutingContext ctx, int status, CsvImport.Preview preview) {
        Hub shown = hub.of(ctx);
        templates.render(
                ctx,
                status,
                "hub/employer-import",
                "Import employers into " + shown.name(),
                new ImportPage(shown, String.join(",", COLUMNS), Sectors.ALL, preview));
    }
}

package uk.encounters.web.admin;

import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.encounters.marketplace.calendar.BankHolidayRepository;
import uk.encounters.marketplace.calendar.BankHolidays;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.CsvImport;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.Routes;

/**
 * The England and Wales bank holidays every hub's calendar leaves out: the file shipped in the app
 * until an administrator uploads GOV.UK's newer bank-holidays.json. An upload is checked, then
 * previewed (how many dates each year), then saved; the newest saved upload is the one in use.
 */
public final class BankHolidayRoutes {

    public record BankHolidayPage(
            String source, LocalDate uploadedOn, List<YearCount> inUse, Preview preview, String fileError) {}

    public record YearCount(int year, long dates) {}

    /** A checked upload waiting to be saved: its counts, and its text carried to the save button. */
    public record Preview(List<YearCount> years, LocalDate first, LocalDate last, String json) {}

    private final BankHolidayRepository bankHolidays;
    private final Blocking blocking;
    private final Templates templates;

    public BankHolidayRoutes(BankHolidayRepository bankHolidays, Blocking blocking, Templates templates) {
        this.bankHolidays = bankHolidays;
        this.blocking = blocking;
        this.templates = templates;
    }

    /** Its routes (under /admin). */
    public void mount(Routes routes) {
        Routes admin = routes.admin();
        admin.get("/bank-holidays", this::showBankHolidays);
        admin.uploads().post("/import/bank-holidays", this::processBankHolidays);
    }

    public void showBankHolidays(RoutingContext ctx) {
        render(ctx, 200, null, Form.blank());
    }

    public void processBankHolidays(RoutingContext ctx) {
        Form form = Form.of(ctx);
        String json = CsvImport.textOf(ctx, "file", "json");
        boolean save = "save".equals(form.text("action", "Action", 10));
        BankHolidays days;
        try {
            days = BankHolidays.parse(json);
        } catch (BankHolidays.Invalid e) {
            form.error("file", json.isBlank() ? "Choose GOV.UK's bank-holidays.json to upload" : e.getMessage());
            render(ctx, 422, null, form);
            return;
        }
        if (!save) {
            render(
                    ctx,
                    200,
                    new Preview(
                            counts(days), days.days().firstKey(), days.days().lastKey(), json),
                    form);
            return;
        }
        blocking.call(() -> {
            bankHolidays.replace(days, CurrentUser.actor(ctx));
            return null;
        });
        Flash.set(
                ctx,
                "Saved: every hub's calendar now leaves out these "
                        + days.days().size() + " bank holidays.");
        ctx.redirect("/admin/bank-holidays");
    }

    private void render(RoutingContext ctx, int status, Preview preview, Form form) {
        Optional<BankHolidayRepository.Upload> upload = blocking.call(bankHolidays::newestUpload);
        BankHolidays inUse = upload.map(BankHolidayRepository.Upload::days).orElseGet(BankHolidays::shipped);
        String source = upload.map(u -> "Uploaded by " + (u.uploadedBy() == null ? "an administrator" : u.uploadedBy()))
                .orElse("The file shipped with the app (GOV.UK's dates to 2027, 2028 computed by the statutory rules)");
        templates.render(
                ctx,
                status,
                "admin/bank-holidays",
                "Bank holidays",
                new BankHolidayPage(
                        source,
                        upload.map(u -> u.uploadedAt().toLocalDate()).orElse(null),
                        counts(inUse),
                        preview,
                        (String) ((Map<?, ?>) form.model().get("fieldErrors")).get("file")),
                form);
    }

    private static List<YearCount> counts(BankHolidays days) {
        return days.perYear().entrySet().stream()
                .map(e -> new YearCount(e.getKey(), e.getValue()))
                .toList();
    }
}

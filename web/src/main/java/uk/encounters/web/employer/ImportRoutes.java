package uk.encounters.web.employer;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import uk.encounters.marketplace.employer.Employer;
import uk.encounters.marketplace.employer.Volunteer;
import uk.encounters.marketplace.employer.VolunteerChanges;
import uk.encounters.marketplace.employer.VolunteerDetails;
import uk.encounters.marketplace.employer.VolunteerRepository;
import uk.encounters.marketplace.offer.EmployerOfferChanges;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.CsvImport;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.form.SelectOptions;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * Bulk import of volunteers or offers from CSV, for cornerstone employers with many of either.
 * Upload, see every row's problems, then save: nothing is saved from a file with errors until
 * they are fixed or the bad rows are skipped on purpose.
 */
public final class ImportRoutes {

    /**
     * The page, with the preview of a file just checked, if any (what templates/partials/csv-preview.hbs
     * reads: {@code kind} and {@code file} are null before a file is sent).
     */
    public record ImportPage(
            long employerId,
            String volunteerColumns,
            String offerColumns,
            List<String> types,
            String kind,
            String action,
            CsvImport<?> file,
            String problem,
            int goodRows,
            long badRows,
            boolean saveAttempted,
            List<SelectOptions.Option> hubs,
            List<CsvImport.Carried> carry) {}

    static final List<String> VOLUNTEER_COLUMNS = List.of("name", "email", "safeguarding_checked_until");
    static final List<String> OFFER_COLUMNS = List.of(
            "type",
            "title",
            "topics",
            "sector",
            "year_from",
            "year_to",
            "pupils",
            "sessions",
            "from",
            "until",
            "weekdays",
            "dates",
            "periods",
            "where",
            "travel_km",
            "cost",
            "send_adaptable",
            "volunteer_email",
            "requirements");
    private static final String TITLE = "Import volunteers or offers";
    private static final List<String> OFFER_REQUIRED =
            List.of("type", "year_from", "year_to", "pupils", "from", "until");

    private final VolunteerRepository volunteers;
    private final VolunteerChanges volunteerChanges;
    private final EmployerOfferChanges offerChanges;
    private final PathEntity<Employer> employer;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    /** @param employer the organisation {@code :employerId} names */
    public ImportRoutes(
            VolunteerRepository volunteers,
            VolunteerChanges volunteerChanges,
            EmployerOfferChanges offerChanges,
            PathEntity<Employer> employer,
            Blocking blocking,
            Templates templates,
            Clock clock) {
        this.volunteers = volunteers;
        this.volunteerChanges = volunteerChanges;
        this.offerChanges = offerChanges;
        this.employer = employer;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /** Its routes (under /employers/:employerId). */
    public void mount(Routes routes) {
        Routes employer = routes.employer();
        employer.loading(this.employer).get("/import", this::initImport);
        employer.uploads().loading(this.employer).post("/import/volunteers", this::processVolunteerImport);
        employer.uploads().loading(this.employer).post("/import/offers", this::processOfferImport);
    }

    public void initImport(RoutingContext ctx) {
        templates.render(ctx, "employer/import", TITLE, page(ctx, null, null, 200, null));
    }

    public void processVolunteerImport(RoutingContext ctx) {
        long employerId = PathId.required(ctx, "employerId");
        CsvImport<VolunteerDetails> file = CsvImport.check(
                CsvImport.textOf(ctx, "file", "csv"), List.of("name", "email"), new ImportRows.Volunteers());
        if (!readyToSave(ctx, file, "volunteers", null)) {
            return;
        }
        long added = blocking.call(
                () -> volunteerChanges.importAll(CurrentUser.actor(ctx), employerId, file.valid(), file.badRows()));
        Flash.set(
                ctx,
                "Imported " + file.valid().size() + " volunteers: " + added + " new, "
                        + (file.valid().size() - added) + " updated" + skipped(file) + ".");
        ctx.redirect("/employers/" + employerId + "#volunteers");
    }

    public void processOfferImport(RoutingContext ctx) {
        Employer importing = employer.of(ctx);
        long employerId = importing.id();
        Form form = Form.of(ctx);
        Optional<Long> hubId = OfferHub.read(form, importing);
        if (hubId.isEmpty()) {
            templates.render(ctx, 422, "employer/import", TITLE, page(ctx, null, null, 422, null), form);
            return;
        }
        List<Volunteer> theirs = blocking.call(() -> volunteers.findByEmployer(employerId));
        CsvImport<EmployerOfferChanges.NewOffer> file = CsvImport.check(
                CsvImport.textOf(ctx, "file", "csv"),
                OFFER_REQUIRED,
                new ImportRows.Offers(importing, theirs, LocalDate.now(clock)));
        if (!readyToSave(ctx, file, "offers", hubId.get())) {
            return;
        }
        blocking.call(() -> {
            offerChanges.importAll(CurrentUser.actor(ctx), employerId, hubId.get(), file.valid(), file.badRows());
            return null;
        });
        Flash.set(
                ctx,
                "Imported " + file.valid().size() + " offers; they are live for the next matching round" + skipped(file)
                        + ".");
        ctx.redirect("/employers/" + employerId + "#offers");
    }

    /**
     * Shows the preview unless the person asked to save and may; true when they may.
     *
     * @param hubId the hub offers are made to, posted again with the save; null for volunteers
     */
    private boolean readyToSave(RoutingContext ctx, CsvImport<?> file, String kind, Long hubId) {
        Form form = Form.of(ctx);
        if (file.saveNow(form)) {
            return true;
        }
        int status = file.previewStatus(form);
        templates.render(ctx, status, "employer/import", TITLE, page(ctx, file, kind, status, hubId));
        return false;
    }

    private static String skipped(CsvImport<?> file) {
        return file.badRows() == 0 ? "" : "; " + file.badRows() + " rows with errors were skipped";
    }

    /** The page, with the preview of {@code file} when one was sent (as CsvImport.Preview has it). */
    private ImportPage page(RoutingContext ctx, CsvImport<?> file, String kind, int status, Long hubId) {
        Employer importing = employer.of(ctx);
        long employerId = importing.id();
        return new ImportPage(
                employerId,
                String.join(",", VOLUNTEER_COLUMNS),
                String.join(",", OFFER_COLUMNS),
                Arrays.stream(EncounterType.values()).map(EncounterType::code).toList(),
                kind,
                file == null ? null : "/employers/" + employerId + "/import/" + kind,
                file,
                file == null ? null : file.problem().orElse(null),
                file == null ? 0 : file.valid().size(),
                file == null ? 0 : file.badRows(),
                file != null && status == 422 && file.problem().isEmpty(),
                OfferHub.options(importing, Form.of(ctx).value(OfferHub.FIELD)),
                hubId == null ? List.of() : List.of(new CsvImport.Carried(OfferHub.FIELD, String.valueOf(hubId))));
    }
}

package uk.encounters.web.school;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.pupil.PupilChanges;
import uk.encounters.marketplace.pupil.PupilReferences;
import uk.encounters.marketplace.pupil.PupilRepository;
import uk.encounters.marketplace.pupil.WondeLinkRepository;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.CsvImport;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * A school's pupils: imported from the management information system's CSV export, or a year
 * group made up by count. Pseudonymous references only: our template has no column for names, and
 * a SIMS, Arbor or Bromcom export is read for its UPNs (made into references at once), year groups
 * and flags alone, its own text never shown again.
 */
public final class PupilRoutes {

    static final List<String> COLUMNS = List.of("reference", "year_group", "disadvantaged", "send", "eal");

    /**
     * The pupils on roll by year group, the forms to add more, a checked file when there is one,
     * and the school's link to Wonde.
     */
    public record PupilsPage(
            long schoolId,
            String columns,
            List<PupilRepository.YearGroupCount> yearGroups,
            CsvImport.Preview preview,
            WondePanel wonde) {}

    /**
     * @param configured whether this installation reads Wonde at all
     * @param link       the school's link and its last pull, or null when it has none
     * @param notShown   refused rows beyond those kept to show
     */
    public record WondePanel(boolean configured, WondeLinkRepository.WondeLink link, int notShown) {}

    private final PupilRepository pupils;
    private final PupilChanges changes;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;
    private final PupilReferences references;
    private final WondeLinkRepository wondeLinks;
    private final boolean wondeConfigured;

    /** @param wondeConfigured whether this installation reads Wonde (WONDE_API_TOKEN) */
    public PupilRoutes(
            PupilRepository pupils,
            PupilChanges changes,
            Blocking blocking,
            Templates templates,
            Clock clock,
            PupilReferences references,
            WondeLinkRepository wondeLinks,
            boolean wondeConfigured) {
        this.references = references;
        this.wondeLinks = wondeLinks;
        this.wondeConfigured = wondeConfigured;
        this.pupils = pupils;
        this.changes = changes;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /** Its routes (under /schools/:schoolId). */
    public void mount(Routes routes) {
        Routes school = routes.school();
        school.get("/pupils", this::showPupils);
        school.uploads().post("/import/pupils", this::processPupilImport);
        school.post("/pupils/year-group", this::processYearGroupForm);
    }

    public void showPupils(RoutingContext ctx) {
        showPage(ctx, 200, Form.blank(), null);
    }

    public void processPupilImport(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        String text = CsvImport.textOf(ctx, "file", "csv");
        PupilExport export = PupilExport.of(text);
        CsvImport<PupilRepository.PupilRow> file = CsvImport.check(
                text,
                export.requiredColumns(),
                export.ourTemplate() ? new TemplatePupilRows() : new MisPupilRows(export, schoolId, references));
        Form form = Form.of(ctx);
        if (!file.saveNow(form)) {
            int status = file.previewStatus(form);
            String action = "/schools/" + schoolId + "/import/pupils";
            CsvImport.Preview preview = export.ourTemplate()
                    ? file.preview("pupils", action, status)
                    : keptOnly(file).preview("pupils", action, status, skipped(file.badRows()));
            showPage(ctx, status, Form.blank(), preview.recognisedAs(export.recognised()));
            return;
        }
        // an export's bad rows were left out of the text its preview carried; they are counted still
        long skipped = file.badRows() + carriedSkipped(form);
        LocalDate today = LocalDate.now(clock);
        PupilRepository.Imported imported = blocking.call(
                () -> changes.importPupils(CurrentUser.actor(ctx), schoolId, file.valid(), skipped, today));
        Flash.set(
                ctx,
                "Imported " + file.valid().size() + " pupils: " + imported.added() + " new, " + imported.updated()
                        + " updated"
                        + (skipped == 0 ? "" : "; " + skipped + " rows with errors were skipped") + ".");
        ctx.redirect("/schools/" + schoolId + "/pupils");
    }

    /**
     * An export checked, with the text its save form carries cut down to our template's columns
     * for the good rows: the export's own text holds names and dates of birth, and UPNs, which must
     * not go back to the browser. The references are already made, so the save needs no UPN.
     */
    private static CsvImport<PupilRepository.PupilRow> keptOnly(CsvImport<PupilRepository.PupilRow> file) {
        StringBuilder text = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (PupilRepository.PupilRow row : file.valid()) {
            text.append(row.reference())
                    .append(',')
                    .append(row.yearGroup())
                    .append(',')
                    .append(row.disadvantaged() ? "yes" : "no")
                    .append(',')
                    .append(row.send() ? "yes" : "no")
                    .append(',')
                    .append(row.eal() ? "yes" : "no")
                    .append('\n');
        }
        return new CsvImport<>(text.toString(), file.rows(), file.valid(), file.problem());
    }

    private static List<CsvImport.Carried> skipped(long badRows) {
        return badRows == 0 ? List.of() : List.of(new CsvImport.Carried("skipped", String.valueOf(badRows)));
    }

    /** The bad rows of an export left out of the carried text; a count for the audit entry and the message only. */
    private static long carriedSkipped(Form form) {
        Integer skipped = form.optionalInteger("skipped", "Skipped rows", 0, CsvImport.MAX_ROWS);
        return skipped == null || form.hasErrors() ? 0 : skipped;
    }

    /** For a school without an export: a year group of made-up references, by count. */
    public void processYearGroupForm(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        Form form = Form.of(ctx);
        int year = form.integer("yearGroup", "Year group", 7, 13);
        int count = form.integer("count", "Number of pupils", 1, 600);
        int disadvantaged = form.integer("disadvantagedCount", "Of whom disadvantaged", 0, 600);
        if (!form.hasErrors() && disadvantaged > count) {
            form.error("disadvantagedCount", "Of whom disadvantaged cannot be more than the number of pupils");
        }
        if (form.hasErrors()) {
            showPage(ctx, 422, form, null);
            return;
        }
        int academicYear = AcademicYear.containing(LocalDate.now(clock)).startYear();
        blocking.call(() -> {
            changes.addYearGroup(CurrentUser.actor(ctx), schoolId, year, count, disadvantaged, academicYear);
            return null;
        });
        Flash.set(ctx, "Added " + count + " pupils to Year " + year + ".");
        ctx.redirect("/schools/" + schoolId + "/pupils");
    }

    /** @param preview a checked file, or null */
    void showPage(RoutingContext ctx, int status, Form form, CsvImport.Preview preview) {
        long schoolId = PathId.required(ctx, "schoolId");
        LocalDate today = LocalDate.now(clock);
        WondeLinkRepository.WondeLink link =
                blocking.call(() -> wondeLinks.find(schoolId)).orElse(null);
        PupilsPage page = new PupilsPage(
                schoolId,
                String.join(",", COLUMNS),
                blocking.call(() -> pupils.countByYearGroup(schoolId, today)),
                preview,
                new WondePanel(
                        wondeConfigured,
                        link,
                        link == null ? 0 : link.refused() - link.refusals().size()));
        templates.render(ctx, status, "school/pupils", "Pupils", page, form);
    }

    /** "Year 9", "Y9" and "9" are one year group; anything else is passed on for the form to refuse. */
    static String yearGroup(String value) {
        String digits = value.strip().toLowerCase(Locale.ROOT).replaceFirst("^(year|yr|y)\\s*", "");
        return digits.matches("\\d{1,2}") ? digits : value;
    }
}

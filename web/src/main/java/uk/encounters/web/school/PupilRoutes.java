package uk.encounters.web.school;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.csv.CsvTable;
import uk.encounters.marketplace.pupil.PupilRepository;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.CsvImport;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.RateLimit;
import uk.encounters.web.security.Routes;

/**
 * A school's pupils: imported from the management information system's CSV export, or a year
 * group made up by count. Pseudonymous references only; the page refuses names by having no
 * column for them.
 */
public final class PupilRoutes {

    static final List<String> COLUMNS = List.of("reference", "year_group", "disadvantaged", "send", "eal");
    private static final Set<String> YES = Set.of("yes", "y", "true", "1", "x");
    private static final Set<String> NO = Set.of("no", "n", "false", "0", "");

    private final Database database;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    public PupilRoutes(Database database, Blocking blocking, Templates templates, Clock clock) {
        this.database = database;
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
        showPage(ctx, 200, Form.blank(), Map.of());
    }

    public void processPupilImport(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        CsvImport<PupilRepository.PupilRow> file = CsvImport.check(
                CsvImport.textOf(ctx, "file", "csv"), List.of("reference", "year_group"), new PupilRows());
        Form form = Form.of(ctx);
        if (!file.saveNow(form)) {
            int status = file.previewStatus(form);
            showPage(
                    ctx,
                    status,
                    Form.blank(),
                    file.previewModel("pupils", "/schools/" + schoolId + "/import/pupils", status));
            return;
        }
        long actor = CurrentUser.of(ctx).id();
        String ip = RateLimit.clientAddress(ctx);
        LocalDate today = LocalDate.now(clock);
        PupilRepository.Imported imported = blocking.call(() -> database.dsl().transactionResult(c -> {
            var result = new PupilRepository(c.dsl()).importRows(schoolId, file.valid(), today);
            new AuditLog(c.dsl())
                    .record(
                            actor,
                            "pupils_imported",
                            "school",
                            schoolId,
                            Map.of("added", result.added(), "updated", result.updated(), "skipped", file.badRows()),
                            ip);
            return result;
        }));
        Flash.set(
                ctx,
                "Imported " + file.valid().size() + " pupils: " + imported.added() + " new, " + imported.updated()
                        + " updated"
                        + (file.badRows() == 0 ? "" : "; " + file.badRows() + " rows with errors were skipped") + ".");
        ctx.redirect("/schools/" + schoolId + "/pupils");
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
            showPage(ctx, 422, form, Map.of());
            return;
        }
        long actor = CurrentUser.of(ctx).id();
        String ip = RateLimit.clientAddress(ctx);
        int academicYear = AcademicYear.containing(LocalDate.now(clock)).startYear();
        blocking.call(() -> database.dsl().transactionResult(c -> {
            new PupilRepository(c.dsl()).createYearGroup(schoolId, year, count, disadvantaged, academicYear);
            new AuditLog(c.dsl())
                    .record(
                            actor,
                            "year_group_created",
                            "school",
                            schoolId,
                            Map.of("year_group", year, "pupils", count),
                            ip);
            return null;
        }));
        Flash.set(ctx, "Added " + count + " pupils to Year " + year + ".");
        ctx.redirect("/schools/" + schoolId + "/pupils");
    }

    private void showPage(RoutingContext ctx, int status, Form form, Map<String, Object> preview) {
        long schoolId = PathId.required(ctx, "schoolId");
        Map<String, Object> model = new HashMap<>(form.model());
        model.putAll(preview);
        model.put("schoolId", schoolId);
        model.put("columns", String.join(",", COLUMNS));
        model.put(
                "yearGroups",
                blocking.call(
                        () -> new PupilRepository(database.dsl()).countByYearGroup(schoolId, LocalDate.now(clock))));
        templates.render(ctx, status, "school/pupils", "Pupils", model);
    }

    /** "Year 9", "Y9" and "9" are one year group; anything else is passed on for the form to refuse. */
    static String yearGroup(String value) {
        String digits = value.strip().toLowerCase(Locale.ROOT).replaceFirst("^(year|yr|y)\\s*", "");
        return digits.matches("\\d{1,2}") ? digits : value;
    }

    private static final class PupilRows implements CsvImport.RowShape<PupilRepository.PupilRow> {

        private final Set<String> seen = new HashSet<>();

        @Override
        public MultiMap fields(CsvTable.Row row) {
            return MultiMap.caseInsensitiveMultiMap()
                    .add("reference", row.get("reference"))
                    .add("yearGroup", yearGroup(row.get("year_group")));
        }

        @Override
        public Optional<PupilRepository.PupilRow> read(Form form, CsvTable.Row row) {
            String reference = form.required("reference", "The pupil's reference", 40);
            int year = form.integer("yearGroup", "Year group", 7, 13);
            boolean disadvantaged = flag(form, row, "disadvantaged", "Disadvantaged");
            boolean send = flag(form, row, "send", "SEND");
            boolean eal = flag(form, row, "eal", "EAL");
            if (!reference.isEmpty() && !seen.add(reference)) {
                form.error("reference", "Reference " + reference + " appears twice in the file");
            }
            return form.hasErrors()
                    ? Optional.empty()
                    : Optional.of(new PupilRepository.PupilRow(reference, year, disadvantaged, send, eal));
        }

        @Override
        public String summary(CsvTable.Row row) {
            return row.get("reference") + ", Year " + row.get("year_group");
        }

        private static boolean flag(Form form, CsvTable.Row row, String column, String label) {
            String value = row.get(column).toLowerCase(Locale.ROOT);
            if (!YES.contains(value) && !NO.contains(value)) {
                form.error(column, label + " must be yes or no (or blank for no), not \"" + row.get(column) + "\"");
            }
            return YES.contains(value);
        }
    }
}

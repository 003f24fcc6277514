package uk.encounters.web.school;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.csv.CsvTable;
import uk.encounters.marketplace.csv.CsvWriter;
import uk.encounters.marketplace.pupil.EncounterLog;
import uk.encounters.marketplace.pupil.PupilRepository;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.CsvImport;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.RateLimit;
import uk.encounters.web.security.Routes;

/** The careers log for one pupil, and the evidence files governors, Ofsted and Compass ask for. */
public final class EvidenceRoutes {

    private final Database database;
    private final Blocking blocking;
    private final Templates templates;

    public EvidenceRoutes(Database database, Blocking blocking, Templates templates) {
        this.database = database;
        this.blocking = blocking;
        this.templates = templates;
    }

    /** Its routes (under /schools/:schoolId). */
    public void mount(Routes routes) {
        Routes school = routes.school();
        school.get("/pupils/log", this::showPupilLog);
        school.get("/pupils/log.csv", this::downloadPupilLog);
        school.uploads().post("/import/log", this::processLogImport);
        school.get("/evidence/encounters.csv", this::downloadEncounters);
        school.get("/evidence/bookings.csv", this::downloadBookings);
    }

    /** A pupil's log by reference: a GET form, so a log can be bookmarked or printed. */
    public void showPupilLog(RoutingContext ctx) {
        showLog(ctx, 0, Form.ofQuery(ctx), Map.of());
    }

    private void showLog(RoutingContext ctx, int forcedStatus, Form form, Map<String, Object> preview) {
        long schoolId = PathId.required(ctx, "schoolId");
        String reference = form.text("reference", "The pupil's reference", 40);
        List<EncounterLog.Entry> entries = reference.isEmpty() || form.hasErrors()
                ? List.of()
                : blocking.call(() -> new EncounterLog(database.dsl()).forPupil(schoolId, reference));
        if (!reference.isEmpty() && entries.isEmpty() && !form.hasErrors()) {
            form.error("reference", "No encounters are recorded for a pupil with the reference " + reference);
        }
        Map<String, Object> model = new HashMap<>(form.model());
        model.putAll(preview);
        model.put("schoolId", schoolId);
        model.put("reference", reference);
        // a reference may hold &, # or spaces: encoded, it stays one query value
        model.put(
                "download",
                "/schools/" + schoolId + "/pupils/log.csv?reference="
                        + URLEncoder.encode(reference, StandardCharsets.UTF_8));
        model.put("entries", entries);
        model.put(
                "attended",
                entries.stream().filter(EncounterLog.Entry::attended).count());
        int status = forcedStatus != 0 ? forcedStatus : form.hasErrors() ? 422 : 200;
        templates.render(ctx, status, "school/pupil-log", "Careers log", model);
    }

    /**
     * A log sent on by a pupil's previous school (the file {@link #downloadPupilLog} makes), added
     * to one of this school's pupils as history: checked row by row, saved whole or not at all.
     */
    public void processLogImport(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        Form form = Form.of(ctx);
        String reference = form.required("reference", "The pupil's reference here", 40);
        Optional<Long> pupil = reference.isEmpty()
                ? Optional.empty()
                : blocking.call(() -> new PupilRepository(database.dsl()).findByReference(schoolId, reference));
        if (!reference.isEmpty() && pupil.isEmpty()) {
            form.error("reference", "No pupil here has the reference " + reference + ": import or add them first");
        }
        CsvImport<EncounterLog.Transferred> file =
                CsvImport.check(CsvImport.textOf(ctx, "file", "csv"), List.of("date", "type"), new TransferredRows());
        if (form.hasErrors() || !file.saveNow(form)) {
            int status = form.hasErrors() ? 422 : file.previewStatus(form);
            Map<String, Object> preview =
                    new HashMap<>(file.previewModel("encounters", "/schools/" + schoolId + "/import/log", status));
            preview.put("carry", List.of(Map.of("name", "reference", "value", reference)));
            showLog(ctx, status, form, preview);
            return;
        }
        long actor = CurrentUser.of(ctx).id();
        String ip = RateLimit.clientAddress(ctx);
        int added = blocking.call(() -> database.dsl().transactionResult(c -> {
            int count = new EncounterLog(c.dsl()).importTransferred(pupil.get(), file.valid());
            new AuditLog(c.dsl())
                    .record(
                            actor,
                            "careers_log_imported",
                            "pupil",
                            pupil.get(),
                            Map.of("rows", file.valid().size(), "added", count),
                            ip);
            return count;
        }));
        Flash.set(
                ctx,
                "Added " + added + " encounters from the previous school to " + reference + "'s log"
                        + (added < file.valid().size()
                                ? " (" + (file.valid().size() - added) + " were here already)"
                                : "")
                        + ".");
        ctx.redirect("/schools/" + schoolId + "/pupils/log?reference="
                + java.net.URLEncoder.encode(reference, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** One pupil's log as a file, to send on when they move school. */
    public void downloadPupilLog(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        String reference = Form.ofQuery(ctx).text("reference", "The pupil's reference", 40);
        if (reference.isEmpty()) {
            ctx.redirect("/schools/" + schoolId + "/pupils/log");
            return;
        }
        List<EncounterLog.Entry> entries =
                blocking.call(() -> new EncounterLog(database.dsl()).forPupil(schoolId, reference));
        if (entries.isEmpty()) {
            ctx.fail(404);
            return;
        }
        send(ctx, "careers-log-" + reference.replaceAll("[^A-Za-z0-9-]", "_") + ".csv", encounters(entries));
    }

    /** Every encounter of every pupil, one row each. */
    public void downloadEncounters(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        List<EncounterLog.Entry> entries = blocking.call(() -> new EncounterLog(database.dsl()).forSchool(schoolId));
        send(ctx, "encounters-by-pupil.csv", encounters(entries));
    }

    /** Every delivered booking with its attendance, one row each. */
    public void downloadBookings(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        CsvWriter csv = new CsvWriter()
                .row("booking", "date", "type", "benchmark", "employer", "year_group", "places", "attended", "absent");
        blocking.call(() -> new EncounterLog(database.dsl()).bookings(schoolId))
                .forEach(b -> csv.row(
                        b.bookingId(),
                        b.startsOn(),
                        b.type().label(),
                        b.type().benchmark(),
                        b.employer(),
                        b.yearGroup(),
                        b.places(),
                        b.attended(),
                        b.absent()));
        send(ctx, "encounters-by-booking.csv", csv);
    }

    /** Rows of a previous school's log: the columns this app writes, the type by label or code. */
    private static final class TransferredRows implements CsvImport.RowShape<EncounterLog.Transferred> {
        @Override
        public MultiMap fields(CsvTable.Row row) {
            return MultiMap.caseInsensitiveMultiMap()
                    .add("date", row.get("date"))
                    .add("provider", row.get("provider"));
        }

        @Override
        public Optional<EncounterLog.Transferred> read(Form form, CsvTable.Row row) {
            LocalDate date = form.date("date", "Date");
            String provider = form.text("provider", "Provider", 200);
            Optional<EncounterType> type = EncounterType.named(row.get("type"));
            if (type.isEmpty()) {
                form.error("type", "The type \"" + row.get("type") + "\" is not one this log records");
            }
            String attended = row.get("attended").toLowerCase(java.util.Locale.ROOT);
            if (!List.of("", "yes", "no").contains(attended)) {
                form.error("attended", "Attended must be yes or no");
            }
            return form.hasErrors()
                    ? Optional.empty()
                    : Optional.of(new EncounterLog.Transferred(
                            date,
                            type.get(),
                            provider.isEmpty() ? "Previous school" : provider,
                            !attended.equals("no")));
        }

        @Override
        public String summary(CsvTable.Row row) {
            return row.get("date") + ", " + row.get("type") + ", " + row.get("provider");
        }
    }

    private static CsvWriter encounters(List<EncounterLog.Entry> entries) {
        CsvWriter csv = new CsvWriter()
                .row(
                        "pupil_reference",
                        "year_group",
                        "disadvantaged",
                        "date",
                        "type",
                        "benchmark",
                        "provider",
                        "attended",
                        "booking");
        entries.forEach(e -> csv.row(
                e.reference(),
                e.yearGroup(),
                e.disadvantaged() ? "yes" : "no",
                e.occurredOn(),
                e.typeLabel(),
                e.benchmark(),
                e.provider(),
                e.attended() ? "yes" : "no",
                e.bookingId()));
        return csv;
    }

    private static void send(RoutingContext ctx, String fileName, CsvWriter csv) {
        ctx.response()
                .putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .putHeader("Cache-Control", "no-store")
                .end(csv.toString());
    }
}

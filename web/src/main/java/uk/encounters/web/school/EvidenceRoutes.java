package uk.encounters.web.school;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import uk.encounters.marketplace.calendar.HubCalendarSettings;
import uk.encounters.marketplace.csv.CsvTable;
import uk.encounters.marketplace.csv.CsvWriter;
import uk.encounters.marketplace.pupil.EncounterLog;
import uk.encounters.marketplace.pupil.Hours;
import uk.encounters.marketplace.pupil.PupilChanges;
import uk.encounters.marketplace.pupil.PupilRepository;
import uk.encounters.marketplace.pupil.WorkplaceHoursTarget;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.CsvImport;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/** The careers log for one pupil, and the evidence files governors, Ofsted and Compass ask for. */
public final class EvidenceRoutes {

    /**
     * A pupil's log by reference (none asked for yet: no entries), and a previous school's log checked.
     *
     * @param workplaceExperiences attended ones that count for Benchmark 6
     * @param hours                the hours recorded for them, told against {@code hoursTarget}
     */
    public record PupilLogPage(
            long schoolId,
            String reference,
            String download,
            List<EncounterLog.Entry> entries,
            long attended,
            long workplaceExperiences,
            Hours hours,
            WorkplaceHoursTarget hoursTarget,
            CsvImport.Preview preview) {}

    private final EncounterLog log;
    private final PupilRepository pupils;
    private final PupilChanges changes;
    private final HubCalendarSettings calendars;
    private final Blocking blocking;
    private final Templates templates;

    public EvidenceRoutes(
            EncounterLog log,
            PupilRepository pupils,
            PupilChanges changes,
            HubCalendarSettings calendars,
            Blocking blocking,
            Templates templates) {
        this.log = log;
        this.pupils = pupils;
        this.changes = changes;
        this.calendars = calendars;
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
        showLog(ctx, 0, Form.ofQuery(ctx), null);
    }

    /** @param preview a checked file, or null */
    private void showLog(RoutingContext ctx, int forcedStatus, Form form, CsvImport.Preview preview) {
        long schoolId = PathId.required(ctx, "schoolId");
        String reference = form.text("reference", "The pupil's reference", 40);
        List<EncounterLog.Entry> entries = reference.isEmpty() || form.hasErrors()
                ? List.of()
                : blocking.call(() -> log.forPupil(schoolId, reference));
        if (!reference.isEmpty() && entries.isEmpty() && !form.hasErrors()) {
            form.error("reference", "No encounters are recorded for a pupil with the reference " + reference);
        }
        PupilLogPage page = new PupilLogPage(
                schoolId,
                reference,
                // a reference may hold &, # or spaces: encoded, it stays one query value
                "/schools/" + schoolId + "/pupils/log.csv?reference="
                        + URLEncoder.encode(reference, StandardCharsets.UTF_8),
                entries,
                entries.stream().filter(EncounterLog.Entry::attended).count(),
                entries.stream()
                        .filter(e -> e.attended() && e.workplaceExperience())
                        .count(),
                entries.stream().map(EncounterLog.Entry::hoursCounted).reduce(Hours.ZERO, Hours::plus),
                blocking.call(() -> calendars.hoursTargetOfSchool(schoolId)),
                preview);
        int status = forcedStatus != 0 ? forcedStatus : form.hasErrors() ? 422 : 200;
        templates.render(ctx, status, "school/pupil-log", "Careers log", page, form);
    }

    /**
     * A log sent on by a pupil's previous school (the file {@link #downloadPupilLog} makes), added
     * to one of this school's pupils as history: checked row by row, saved whole or not at all.
     */
    public void processLogImport(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        Form form = Form.of(ctx);
        // a name of its own: the page's other form, the log lookup, has "reference"
        String reference = form.required("importReference", "The pupil's reference here", 40);
        Optional<Long> pupil = reference.isEmpty()
                ? Optional.empty()
                : blocking.call(() -> pupils.findByReference(schoolId, reference));
        if (!reference.isEmpty() && pupil.isEmpty()) {
            form.error(
                    "importReference", "No pupil here has the reference " + reference + ": import or add them first");
        }
        CsvImport<EncounterLog.Transferred> file =
                CsvImport.check(CsvImport.textOf(ctx, "file", "csv"), List.of("date", "type"), new TransferredRows());
        if (form.hasErrors() || !file.saveNow(form)) {
            int status = form.hasErrors() ? 422 : file.previewStatus(form);
            CsvImport.Preview preview = file.preview(
                    "encounters",
                    "/schools/" + schoolId + "/import/log",
                    status,
                    List.of(new CsvImport.Carried("importReference", reference)));
            showLog(ctx, status, form, preview);
            return;
        }
        int added = blocking.call(() -> changes.importCareersLog(CurrentUser.actor(ctx), pupil.get(), file.valid()));
        Flash.set(
                ctx,
                "Added " + added + " encounters from the previous school to " + reference + "'s log"
                        + (added < file.valid().size()
                                ? " (" + (file.valid().size() - added) + " were here already)"
                                : "")
                        + ".");
        ctx.redirect("/schools/" + schoolId + "/pupils/log?reference="
                + URLEncoder.encode(reference, StandardCharsets.UTF_8));
    }

    /** One pupil's log as a file, to send on when they move school. */
    public void downloadPupilLog(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        String reference = Form.ofQuery(ctx).text("reference", "The pupil's reference", 40);
        if (reference.isEmpty()) {
            ctx.redirect("/schools/" + schoolId + "/pupils/log");
            return;
        }
        List<EncounterLog.Entry> entries = blocking.call(() -> log.forPupil(schoolId, reference));
        if (entries.isEmpty()) {
            ctx.fail(404);
            return;
        }
        send(ctx, "careers-log-" + reference.replaceAll("[^A-Za-z0-9-]", "_") + ".csv", encounters(entries));
    }

    /** Every encounter of every pupil, one row each. */
    public void downloadEncounters(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        List<EncounterLog.Entry> entries = blocking.call(() -> log.forSchool(schoolId));
        send(ctx, "encounters-by-pupil.csv", encounters(entries));
    }

    /** Every delivered booking with its attendance, one row each. */
    public void downloadBookings(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        CsvWriter csv = new CsvWriter()
                .row(
                        "booking",
                        "date",
                        "type",
                        "benchmark",
                        "employer",
                        "year_group",
                        "places",
                        "attended",
                        "absent",
                        "hours");
        blocking.call(() -> log.bookings(schoolId))
                .forEach(b -> csv.row(
                        b.bookingId(),
                        b.startsOn(),
                        b.type().label(),
                        b.benchmark(),
                        b.employer(),
                        b.yearGroup(),
                        b.places(),
                        b.attended(),
                        b.absent(),
                        b.workplaceExperience() ? b.hours().figure() : ""));
        send(ctx, "encounters-by-booking.csv", csv);
    }

    /** Rows of a previous school's log: the columns this app writes, the type by label or code. */
    private static final class TransferredRows implements CsvImport.RowShape<EncounterLog.Transferred> {
        /** Hours of one entry: a placement of several days is one entry. */
        private static final Hours MOST = Hours.of(1000);

        @Override
        public MultiMap fields(CsvTable.Row row) {
            return MultiMap.caseInsensitiveMultiMap()
                    .add("date", row.get("date"))
                    .add("provider", row.get("provider"))
                    .add("hours", row.get("hours"));
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
            Hours hours = form.optionalHours("hours", "Hours", MOST);
            if (form.hasErrors()) {
                return Optional.empty();
            }
            EncounterType kind = type.get();
            // the previous school counted it for Benchmark 5: online and not interactive, so not a
            // workplace experience here either
            if (kind.workplaceExperience() && row.get("benchmark").strip().equals("5")) {
                kind = EncounterType.ONLINE_INSIGHT;
            }
            if (hours != null && (!kind.workplaceExperience() || attended.equals("no"))) {
                form.error("hours", "Hours are kept only for a workplace experience attended: leave them blank");
                return Optional.empty();
            }
            return Optional.of(new EncounterLog.Transferred(
                    date, kind, provider.isEmpty() ? "Previous school" : provider, !attended.equals("no"), hours));
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
                        "booking",
                        "hours");
        entries.forEach(e -> csv.row(
                e.reference(),
                e.yearGroup(),
                e.disadvantaged() ? "yes" : "no",
                e.occurredOn(),
                e.typeLabel(),
                e.benchmark(),
                e.provider(),
                e.attended() ? "yes" : "no",
                e.bookingId(),
                e.workplaceExperience() && e.hours() != null ? e.hours().figure() : ""));
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

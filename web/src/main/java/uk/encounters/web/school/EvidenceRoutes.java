package uk.encounters.web.school;

import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.csv.CsvWriter;
import uk.encounters.marketplace.pupil.EncounterLog;
import uk.encounters.web.Blocking;
import uk.encounters.web.Form;
import uk.encounters.web.Templates;

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

    /** A pupil's log by reference: a GET form, so a log can be bookmarked or printed. */
    public void showPupilLog(RoutingContext ctx) {
        long schoolId = Long.parseLong(ctx.pathParam("schoolId"));
        Form form = Form.ofQuery(ctx);
        String reference = form.text("reference", "The pupil's reference", 40);
        List<EncounterLog.Entry> entries = reference.isEmpty() || form.hasErrors() ? List.of()
                : blocking.call(() -> new EncounterLog(database.dsl()).forPupil(schoolId, reference));
        if (!reference.isEmpty() && entries.isEmpty() && !form.hasErrors()) {
            form.error("reference", "No encounters are recorded for a pupil with the reference " + reference);
        }
        Map<String, Object> model = new HashMap<>(form.model());
        model.put("schoolId", schoolId);
        model.put("reference", reference);
        model.put("entries", entries);
        model.put("attended", entries.stream().filter(EncounterLog.Entry::attended).count());
        templates.render(ctx, form.hasErrors() ? 422 : 200, "school/pupil-log", "Careers log", model);
    }

    /** One pupil's log as a file, to send on when they move school. */
    public void downloadPupilLog(RoutingContext ctx) {
        long schoolId = Long.parseLong(ctx.pathParam("schoolId"));
        String reference = Form.ofQuery(ctx).text("reference", "The pupil's reference", 40);
        if (reference.isEmpty()) {
            ctx.redirect("/schools/" + schoolId + "/pupils/log");
            return;
        }
        List<EncounterLog.Entry> entries = blocking.call(() -> new EncounterLog(database.dsl()).forPupil(schoolId, reference));
        if (entries.isEmpty()) {
            ctx.fail(404);
            return;
        }
        send(ctx, "careers-log-" + reference.replaceAll("[^A-Za-z0-9-]", "_") + ".csv", encounters(entries));
    }

    /** Every encounter of every pupil, one row each. */
    public void downloadEncounters(RoutingContext ctx) {
        long schoolId = Long.parseLong(ctx.pathParam("schoolId"));
        List<EncounterLog.Entry> entries = blocking.call(() -> new EncounterLog(database.dsl()).forSchool(schoolId));
        send(ctx, "encounters-by-pupil.csv", encounters(entries));
    }

    /** Every delivered booking with its attendance, one row each. */
    public void downloadBookings(RoutingContext ctx) {
        long schoolId = Long.parseLong(ctx.pathParam("schoolId"));
        CsvWriter csv = new CsvWriter().row("booking", "date", "type", "benchmark", "employer", "year_group", "places",
                "attended", "absent");
        blocking.call(() -> new EncounterLog(database.dsl()).bookings(schoolId)).forEach(b -> csv.row(b.bookingId(),
                b.startsOn(), b.type().label(), b.type().benchmark(), b.employer(), b.yearGroup(), b.places(),
                b.attended(), b.absent()));
        send(ctx, "encounters-by-booking.csv", csv);
    }

    private static CsvWriter encounters(List<EncounterLog.Entry> entries) {
        CsvWriter csv = new CsvWriter().row("pupil_reference", "year_group", "disadvantaged", "date", "type", "benchmark",
                "provider", "attended", "booking");
        entries.forEach(e -> csv.row(e.reference(), e.yearGroup(), e.disadvantaged() ? "yes" : "no", e.occurredOn(),
                e.typeLabel(), e.benchmark(), e.provider(), e.attended() ? "yes" : "no", e.bookingId()));
        return csv;
    }

    private static void send(RoutingContext ctx, String fileName, CsvWriter csv) {
        ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .putHeader("Cache-Control", "no-store")
                .end(csv.toString());
    }
}

package uk.encounters.web.school;

import io.vertx.ext.web.RoutingContext;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import uk.encounters.marketplace.calendar.ClockTime;
import uk.encounters.marketplace.school.VisitorArrangementChanges;
import uk.encounters.marketplace.school.VisitorArrangements;
import uk.encounters.marketplace.school.VisitorArrangementsRepository;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * The school's arrangements for visitors: where volunteers come, whom they ask for, parking,
 * signing in, and the school's usual session times. Every booking at the school shows them.
 */
public final class VisitorArrangementRoutes {

    public record VisitorsPage(long schoolId) {}

    private final VisitorArrangementsRepository arrangements;
    private final VisitorArrangementChanges changes;
    private final Blocking blocking;
    private final Templates templates;

    public VisitorArrangementRoutes(
            VisitorArrangementsRepository arrangements,
            VisitorArrangementChanges changes,
            Blocking blocking,
            Templates templates) {
        this.arrangements = arrangements;
        this.changes = changes;
        this.blocking = blocking;
        this.templates = templates;
    }

    /** Its routes (under /schools/:schoolId). */
    public void mount(Routes routes) {
        Routes school = routes.school();
        school.get("/visitors", this::initVisitorsForm);
        school.post("/visitors", this::processVisitorsForm);
    }

    public void initVisitorsForm(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        VisitorArrangements saved = blocking.call(() -> arrangements.findOrUsual(schoolId));
        Map<String, String> values = new HashMap<>();
        values.put("address", saved.address());
        values.put("meetingPoint", saved.meetingPoint());
        values.put("parking", saved.parking());
        values.put("signInRules", saved.signInRules());
        values.put("contactName", saved.contactName());
        values.put("contactPhone", saved.contactPhone());
        values.put("morningStart", saved.morningStart().toString());
        values.put("morningEnd", saved.morningEnd().toString());
        values.put("afternoonStart", saved.afternoonStart().toString());
        values.put("afternoonEnd", saved.afternoonEnd().toString());
        showForm(ctx, 200, Form.withValues(values));
    }

    public void processVisitorsForm(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        Form form = Form.of(ctx);
        String address = form.lines("address", "Address for visitors", 500);
        String meetingPoint = form.text("meetingPoint", "Where to go on arrival", 300);
        String parking = form.lines("parking", "Parking", 500);
        String signInRules = form.lines("signInRules", "Signing in and ID", 500);
        String contactName = form.text("contactName", "Whom visitors ask for", 200);
        String contactPhone = form.phone("contactPhone", "Their phone number");
        LocalTime morningStart = form.time("morningStart", "Morning start time");
        LocalTime morningEnd = endAfterStart(form, "morningEnd", "Morning end time", morningStart);
        LocalTime afternoonStart = form.time("afternoonStart", "Afternoon start time");
        LocalTime afternoonEnd = endAfterStart(form, "afternoonEnd", "Afternoon end time", afternoonStart);
        if (form.hasErrors()) {
            showForm(ctx, 422, form);
            return;
        }
        VisitorArrangements saved = new VisitorArrangements(
                address,
                meetingPoint,
                parking,
                signInRules,
                contactName,
                contactPhone,
                morningStart,
                morningEnd,
                afternoonStart,
                afternoonEnd);
        blocking.call(() -> {
            changes.save(CurrentUser.actor(ctx), schoolId, saved);
            return null;
        });
        Flash.set(ctx, "Saved. Volunteers coming to your school see these arrangements with their booking.");
        ctx.redirect("/schools/" + schoolId + "/visitors");
    }

    /** A session's end, which must come after its start. */
    private static LocalTime endAfterStart(Form form, String name, String label, LocalTime start) {
        LocalTime end = form.time(name, label);
        if (start != null && end != null && !end.isAfter(start)) {
            form.error(name, label + " must be later than the start, " + ClockTime.words(start));
        }
        return end;
    }

    private void showForm(RoutingContext ctx, int status, Form form) {
        long schoolId = PathId.required(ctx, "schoolId");
        templates.render(ctx, status, "school/visitors", "Arrangements for visitors", new VisitorsPage(schoolId), form);
    }
}

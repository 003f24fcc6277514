package uk.encounters.web.school;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import uk.encounters.marketplace.pupil.SchoolActivityRepository;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * Activities a school arranged itself, recorded in about a minute: who ran it, what it was, when,
 * and who was there (the whole year group, or a class list, less anyone absent); corrected or
 * deleted later. Many at once come from a file ({@link ActivityImportRoutes}). They count like the
 * marketplace's encounters.
 */
public final class ActivityRoutes {

    public record DeletePage(long schoolId, SchoolActivityRepository.Activity activity) {}

    private final SchoolActivityRepository activities;
    private final ActivityForm activityForm;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;
    private final PathEntity<SchoolActivityRepository.Activity> activity;

    public ActivityRoutes(
            SchoolActivityRepository activities,
            ActivityForm activityForm,
            Blocking blocking,
            Templates templates,
            Clock clock) {
        this.activities = activities;
        this.activityForm = activityForm;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
        this.activity = new PathEntity<>(
                "activity",
                blocking,
                ctx -> activities.find(PathId.required(ctx, "schoolId"), PathId.required(ctx, "activityId")));
    }

    /** Its routes (under /schools/:schoolId). */
    public void mount(Routes routes) {
        Routes school = routes.school();
        school.get("/activities", this::showActivities);
        school.post("/activities", this::processNewActivity);
        Routes one = school.under("/activities/:activityId").loading(activity);
        one.get("/edit", this::initEditActivity);
        one.post("", this::processEditActivity);
        one.get("/delete", this::initDeleteActivity);
        one.post("/delete", this::processDeleteActivity);
    }

    public void showActivities(RoutingContext ctx) {
        Map<String, String> defaults = new HashMap<>();
        defaults.put("type", EncounterType.CAREERS_TALK.code());
        defaults.put("date", LocalDate.now(clock).toString());
        defaults.put("yearGroup", "9");
        defaults.put("who", ActivityRegister.WHOLE_YEAR_GROUP);
        activityForm.show(ctx, 200, Form.withValues(defaults), null, null);
    }

    public void processNewActivity(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        Form form = Form.of(ctx);
        Optional<ActivityForm.Recorded> recorded = activityForm.read(form, schoolId);
        if (recorded.isEmpty()) {
            activityForm.show(ctx, 422, form, null, null);
            return;
        }
        blocking.call(() -> activities.record(
                CurrentUser.actor(ctx),
                schoolId,
                recorded.get().details(),
                recorded.get().register()));
        Flash.set(ctx, "Recorded: " + recorded.get().describe() + ".");
        ctx.redirect("/schools/" + schoolId + "/activities");
    }

    public void initEditActivity(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        SchoolActivityRepository.Activity a = activity.of(ctx);
        Map<String, Boolean> register = blocking.call(() -> activities.register(schoolId, a.id()));
        Map<String, String> values = new HashMap<>();
        values.put("provider", a.provider());
        values.put("type", a.type().code());
        values.put("date", a.occurredOn().toString());
        values.put("yearGroup", a.yearGroup() == null ? "" : String.valueOf(a.yearGroup()));
        values.put("hours", a.hours() == null ? "" : a.hours().figure());
        values.put("who", ActivityRegister.CLASS_LIST);
        values.put("pupils", String.join(" ", register.keySet()));
        values.put(
                "absent",
                String.join(
                        " ",
                        register.entrySet().stream()
                                .filter(e -> !e.getValue())
                                .map(Map.Entry::getKey)
                                .toList()));
        activityForm.show(ctx, 200, Form.withValues(values), a, null);
    }

    public void processEditActivity(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        SchoolActivityRepository.Activity existing = activity.of(ctx);
        Form form = Form.of(ctx);
        Optional<ActivityForm.Recorded> recorded = activityForm.read(form, schoolId);
        if (recorded.isEmpty()) {
            activityForm.show(ctx, 422, form, existing, null);
            return;
        }
        boolean corrected = blocking.call(() -> activities.correct(
                CurrentUser.actor(ctx),
                schoolId,
                existing.id(),
                recorded.get().details(),
                recorded.get().register()));
        Flash.set(ctx, corrected ? "Corrected: " + recorded.get().describe() + "." : "That activity has been deleted.");
        ctx.redirect("/schools/" + schoolId + "/activities");
    }

    /** Deleting cannot be undone, so it is asked for on a page of its own. */
    public void initDeleteActivity(RoutingContext ctx) {
        templates.render(
                ctx,
                "school/activity-delete",
                "Delete an activity",
                new DeletePage(PathId.required(ctx, "schoolId"), activity.of(ctx)));
    }

    /** Deletes only what the confirmation page confirmed; any other post goes back to that page. */
    public void processDeleteActivity(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        long activityId = activity.of(ctx).id();
        if (!"yes".equals(Form.of(ctx).text("confirm", "Confirmation", 3))) {
            ctx.redirect("/schools/" + schoolId + "/activities/" + activityId + "/delete");
            return;
        }
        boolean deleted = blocking.call(() -> activities.delete(CurrentUser.actor(ctx), schoolId, activityId));
        if (!deleted) {
            // deleted meanwhile, by another click
            ctx.fail(404);
            return;
        }
        Flash.set(ctx, "Deleted the activity and its pupils' encounters.");
        ctx.redirect("/schools/" + schoolId + "/activities");
    }
}

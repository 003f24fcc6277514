package uk.encounters.web.school;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import uk.encounters.marketplace.pupil.SchoolActivityRepository;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.CsvImport;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * Many activities a school arranged itself, from one file with a row per pupil per activity; its
 * preview is shown on the activities page, beside the form for one.
 */
public final class ActivityImportRoutes {

    private final SchoolActivityRepository activities;
    private final ActivityForm activityForm;
    private final Blocking blocking;
    private final Clock clock;

    /** @param activityForm the activities page, which shows a file's preview */
    public ActivityImportRoutes(
            SchoolActivityRepository activities, ActivityForm activityForm, Blocking blocking, Clock clock) {
        this.activities = activities;
        this.activityForm = activityForm;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** Its route (under /schools/:schoolId). */
    public void mount(Routes routes) {
        routes.school().uploads().post("/import/activities", this::processActivityImport);
    }

    /**
     * Rows with the same date, type and provider are one activity. Checked row by row; saved
     * whole, or not at all.
     */
    public void processActivityImport(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        Form form = Form.of(ctx);
        Map<String, SchoolActivityRepository.Pupil> pupils = blocking.call(() -> activities.pupils(schoolId));
        CsvImport<ActivityRows.Row> file = CsvImport.check(
                CsvImport.textOf(ctx, "file", "csv"),
                ActivityRows.COLUMNS,
                new ActivityRows(pupils, LocalDate.now(clock)));
        if (!file.saveNow(form)) {
            int status = file.previewStatus(form);
            activityForm.show(
                    ctx,
                    status,
                    Form.withValues(Map.of(
                            "type",
                            EncounterType.CAREERS_TALK.code(),
                            "who",
                            ActivityRegister.WHOLE_YEAR_GROUP,
                            "date",
                            LocalDate.now(clock).toString())),
                    null,
                    file.preview("activities", "/schools/" + schoolId + "/import/activities", status));
            return;
        }
        Map<SchoolActivityRepository.Details, Map<Long, Boolean>> grouped = ActivityRows.group(file.valid());
        blocking.call(() -> activities.recordAll(CurrentUser.actor(ctx), schoolId, grouped));
        Flash.set(
                ctx,
                "Recorded " + grouped.size() + (grouped.size() == 1 ? " activity" : " activities") + " for "
                        + file.valid().size() + " pupil places.");
        ctx.redirect("/schools/" + schoolId + "/activities");
    }
}

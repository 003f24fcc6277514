package uk.encounters.web.school;

import io.vertx.ext.web.RoutingContext;
import uk.encounters.marketplace.pupil.PupilChanges;
import uk.encounters.marketplace.pupil.WondePull;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;
import uk.encounters.web.wonde.WondePulls;

/**
 * A school's link to Wonde, on its pupils page: the careers leader (or the coordinator) enters the
 * school's Wonde id once the school has granted the app access in Wonde, and can pull the pupils
 * at once rather than wait for the night.
 */
public final class WondeRoutes {

    private final PupilRoutes pupilsPage;
    private final PupilChanges changes;
    private final WondePulls pulls;
    private final Blocking blocking;

    /** @param pupilsPage the page the forms are on, shown again with a form's errors */
    public WondeRoutes(PupilRoutes pupilsPage, PupilChanges changes, WondePulls pulls, Blocking blocking) {
        this.pupilsPage = pupilsPage;
        this.changes = changes;
        this.pulls = pulls;
        this.blocking = blocking;
    }

    /** Its routes (under /schools/:schoolId). */
    public void mount(Routes routes) {
        Routes school = routes.school();
        school.post("/pupils/wonde", this::processWondeLinkForm);
        school.post("/pupils/wonde/pull", this::processWondePull);
    }

    /** Wonde's ids for schools are letters and digits ("A1930499544"). */
    public void processWondeLinkForm(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        Form form = Form.of(ctx);
        String wondeSchoolId = form.required("wondeSchoolId", "Wonde school id", 40);
        if (!form.hasErrors() && !wondeSchoolId.matches("[A-Za-z0-9]+")) {
            form.error("wondeSchoolId", "Wonde school id may hold only letters and digits, as in A1930499544");
        }
        if (!pulls.configured()) {
            form.error("wondeSchoolId", "Wonde is not set up for this installation: ask its administrator");
        }
        if (form.hasErrors()) {
            pupilsPage.showPage(ctx, 422, form, null);
            return;
        }
        blocking.call(() -> {
            changes.linkToWonde(CurrentUser.actor(ctx), schoolId, wondeSchoolId);
            return null;
        });
        Flash.set(
                ctx,
                "Linked to the Wonde school " + wondeSchoolId + ". Pupils are pulled each night, or now with"
                        + " \"Pull pupils from Wonde now\".");
        ctx.redirect("/schools/" + schoolId + "/pupils#wonde");
    }

    public void processWondePull(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        if (!pulls.configured()) {
            Flash.set(ctx, "This installation does not read pupils from Wonde: ask its administrator.");
            ctx.redirect("/schools/" + schoolId + "/pupils");
            return;
        }
        WondePulls.Result result = blocking.call(() -> pulls.pullNow(CurrentUser.actor(ctx), schoolId));
        Flash.set(
                ctx,
                switch (result) {
                    case WondePulls.Pulled pulled -> summary(pulled.outcome());
                    case WondePulls.Failed failed -> "Nothing was changed: " + failed.reason();
                    case WondePulls.Busy busy ->
                        "The pupils are being pulled from Wonde already (or the school is not linked): look again in a minute.";
                });
        ctx.redirect("/schools/" + schoolId + "/pupils#wonde");
    }

    private static String summary(WondePull.Outcome outcome) {
        return "Pulled the pupils from Wonde: " + outcome.added() + " added, " + outcome.updated() + " updated, "
                + outcome.unchanged() + " unchanged, " + outcome.archived() + " archived as leavers, "
                + outcome.refused() + " refused.";
    }
}

package uk.encounters.web.school;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import uk.encounters.marketplace.request.RequestChanges;
import uk.encounters.marketplace.request.RequestPlan;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * "What to request next", all at once: the requests that would reach every pupil without an
 * encounter this year, shown for a check, then posted together in one transaction.
 */
public final class RequestPlanRoutes {

    /** The plan page: the proposals, a fingerprint of them, and where they go. */
    public record PlanPage(
            long schoolId, List<RequestPlan.Proposal> proposals, String fingerprint, int pupils, boolean changed) {}

    private final RequestPlan plan;
    private final RequestChanges changes;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    public RequestPlanRoutes(
            RequestPlan plan, RequestChanges changes, Blocking blocking, Templates templates, Clock clock) {
        this.plan = plan;
        this.changes = changes;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /** Its routes (under /schools/:schoolId). */
    public void mount(Routes routes) {
        Routes school = routes.school();
        school.get("/requests/plan", this::showPlan);
        school.post("/requests/plan", this::processPlan);
    }

    public void showPlan(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        List<RequestPlan.Proposal> proposals = proposals(schoolId);
        render(ctx, 200, schoolId, proposals, false);
    }

    /**
     * Posts the proposals the careers leader checked. The plan is worked out again here; when it
     * changed since the page was shown (a round matched requests meanwhile), the new plan is
     * shown for another check and nothing is posted.
     */
    public void processPlan(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        Form form = Form.of(ctx);
        String checked = form.text("fingerprint", "The requests you checked", 100);
        List<RequestPlan.Proposal> proposals = proposals(schoolId);
        if (proposals.isEmpty()) {
            Flash.set(ctx, "Nothing to request now: every pupil has an encounter this year or one asked for.");
            ctx.redirect("/schools/" + schoolId + "/progress");
            return;
        }
        if (!fingerprint(proposals).equals(checked)) {
            render(ctx, 409, schoolId, proposals, true);
            return;
        }
        Optional<List<Long>> posted =
                blocking.call(() -> changes.postPlan(CurrentUser.actor(ctx), schoolId, proposals));
        if (posted.isEmpty()) {
            Flash.set(ctx, NOT_IN_HUB);
            ctx.redirect("/schools/" + schoolId + "/requests");
            return;
        }
        List<Long> ids = posted.get();
        Flash.set(
                ctx,
                "Posted " + ids.size() + (ids.size() == 1 ? " request" : " requests")
                        + ": they go into the next matching round.");
        ctx.redirect("/schools/" + schoolId + "/requests");
    }

    /** Said when a school that left its hub posts: nothing would match what it asks. */
    static final String NOT_IN_HUB = "Nothing was posted: your school is not in a Careers Hub at the moment, so no"
            + " matching round would plan for it. A hub's coordinator can add it again.";

    private List<RequestPlan.Proposal> proposals(long schoolId) {
        LocalDate today = LocalDate.now(clock);
        return blocking.call(() -> plan.forSchool(schoolId, today));
    }

    private void render(
            RoutingContext ctx, int status, long schoolId, List<RequestPlan.Proposal> proposals, boolean changed) {
        int pupils = proposals.stream()
                .mapToInt(p -> p.details().placement()
                        ? p.details().pupils()
                        : p.details().pupils() * p.details().sessions())
                .sum();
        templates.render(
                ctx,
                status,
                "school/request-plan",
                "What to request next",
                new PlanPage(schoolId, proposals, fingerprint(proposals), pupils, changed));
    }

    /**
     * What was shown, so a post can tell whether the plan changed meanwhile. Built from text, not
     * from the records' hash codes: an enum's hash differs from one process to the next, and the
     * post may reach another instance than the page came from.
     */
    static String fingerprint(List<RequestPlan.Proposal> proposals) {
        String shown = proposals.stream()
                .map(p -> p.details().type().code() + " " + p.what() + " "
                        + p.details().windowStart() + " " + p.details().windowEnd())
                .collect(Collectors.joining("\n"));
        return Integer.toHexString(shown.hashCode());
    }
}

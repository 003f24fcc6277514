package uk.encounters.web.hub;

import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.privacy.LeaverRetention;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/** The coordinator's setting for how long the hub's schools' leavers are kept (docs/privacy.md). */
public final class RetentionRoutes {

    public record RetentionPage(long hubId, int defaultYears, int mostYears) {}

    private final LeaverRetention retention;
    private final Blocking blocking;
    private final Templates templates;

    public RetentionRoutes(LeaverRetention retention, Blocking blocking, Templates templates) {
        this.retention = retention;
        this.blocking = blocking;
        this.templates = templates;
    }

    /** Its routes (under /hubs/:hubId). */
    public void mount(Routes routes) {
        Routes hub = routes.hub();
        hub.get("/retention", this::showRetention);
        hub.post("/retention", this::processRetention);
    }

    public void showRetention(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        int years = blocking.call(() -> retention.yearsFor(hubId));
        render(ctx, 200, hubId, Form.withValues(Map.of("years", String.valueOf(years))));
    }

    public void processRetention(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        Form form = Form.of(ctx);
        int years = form.integer(
                "years", "Years to keep leavers", LeaverRetention.DEFAULT_YEARS, LeaverRetention.MOST_YEARS);
        if (form.hasErrors()) {
            render(ctx, 422, hubId, form);
            return;
        }
        Actor actor = CurrentUser.actor(ctx);
        blocking.call(() -> {
            retention.save(hubId, years, actor.userId(), actor.ipAddress());
            return null;
        });
        Flash.set(
                ctx,
                "Saved: leavers are kept until the end of the "
                        + (years == 1 ? "academic year" : years + " academic years") + " after the one they left in.");
        ctx.redirect("/hubs/" + hubId + "/retention");
    }

    private void render(RoutingContext ctx, int status, long hubId, Form form) {
        RetentionPage page = new RetentionPage(hubId, LeaverRetention.DEFAULT_YEARS, LeaverRetention.MOST_YEARS);
        templates.render(ctx, status, "hub/retention", "How long leavers are kept", page, form);
    }
}

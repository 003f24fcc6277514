package uk.encounters.web.health;

import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;
import uk.encounters.web.Blocking;
import uk.encounters.web.security.Routes;

/** Probes for load balancers and orchestrators: liveness and readiness. */
public final class HealthRoutes {

    private final BooleanSupplier ready;
    private final Blocking blocking;

    /** @param ready whether PostgreSQL answers and every migration is applied; blocking */
    public HealthRoutes(BooleanSupplier ready, Blocking blocking) {
        this.ready = ready;
        this.blocking = blocking;
    }

    /** The probes: no session, no access rule but "anyone", mounted before the session is read. */
    public void mount(Routes routes) {
        Routes anyone = routes.anyone();
        anyone.get("/health", this::showHealth);
        anyone.get("/ready", this::showReadiness);
    }

    /** The process is up and serving HTTP; says nothing about the database. */
    public void showHealth(RoutingContext ctx) {
        plain(ctx, 200, "ok");
    }

    /** Ready for traffic: PostgreSQL answers and every migration is applied. */
    public void showReadiness(RoutingContext ctx) {
        if (blocking.call(ready::getAsBoolean)) {
            plain(ctx, 200, "ready");
        } else {
            ctx.response().putHeader("Retry-After", "5");
            plain(ctx, 503, "not ready: the database is unreachable or not migrated");
        }
    }

    private static void plain(RoutingContext ctx, int status, String body) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(body + "\n");
    }
}

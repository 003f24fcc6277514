package uk.encounters.web.form;

import io.vertx.ext.web.RoutingContext;

/** A one-off message shown on the next page after a redirect (POST-redirect-GET). */
public final class Flash {

    private static final String KEY = "flash";

    private Flash() {}

    public static void set(RoutingContext ctx, String message) {
        if (ctx.session() != null) {
            ctx.session().put(KEY, message);
        }
    }

    public static String take(RoutingContext ctx) {
        return ctx.session() == null ? null : ctx.session().remove(KEY);
    }
}

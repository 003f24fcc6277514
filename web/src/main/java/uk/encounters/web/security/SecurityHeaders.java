package uk.encounters.web.security;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/** Headers on every response: no inline script, no framing, no sniffing, no referrer leaks. */
public final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    private final boolean https;

    public SecurityHeaders(boolean https) {
        this.https = https;
    }

    public void add(RoutingContext ctx) {
        MultiMap headers = ctx.response().headers();
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        // Sign-in links carry their token in the path; never send it to another site.
        headers.set("Referrer-Policy", "same-origin");
        if (https) {
            headers.set("Strict-Transport-Security", "max-age=31536000");
        }
        ctx.addHeadersEndHandler(v -> {
            if (CurrentUser.of(ctx) != null && !ctx.response().headers().contains("Cache-Control")) {
                ctx.response().putHeader("Cache-Control", "no-store");
            }
        });
        ctx.next();
    }
}

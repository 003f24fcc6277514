package uk.encounters.web.feedback;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import uk.encounters.marketplace.account.SecretToken;

/**
 * What lets a pupil answer a booking once without saying who they are: a random value their browser
 * keeps for that booking's path only, of which the app stores just the SHA-256. It names no pupil,
 * session or device, and no other booking's page ever receives it.
 */
final class RespondentCookie {

    private static final String NAME = "respondent";
    private static final Duration KEPT = Duration.ofDays(30);

    private final boolean https;

    RespondentCookie(boolean https) {
        this.https = https;
    }

    /** The hash of the browser's value for the booking, giving the browser one first if it has none. */
    String respondent(RoutingContext ctx, String path) {
        Cookie kept = ctx.request().getCookie(NAME);
        if (kept != null && kept.getValue().matches("[A-Za-z0-9_-]{20,64}")) {
            return SecretToken.hashOf(kept.getValue());
        }
        String value = SecretToken.generate();
        ctx.response()
                .addCookie(Cookie.cookie(NAME, value)
                        .setPath(path)
                        .setHttpOnly(true)
                        .setSecure(https)
                        .setSameSite(CookieSameSite.LAX)
                        .setMaxAge(KEPT.toSeconds()));
        return SecretToken.hashOf(value);
    }
}

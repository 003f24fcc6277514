package uk.encounters.web.security;

import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import io.vertx.ext.web.handler.CSRFHandler;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The check that a form was sent from one of our own pages: Vert.x's {@link CSRFHandler} (the
 * form's token must equal the XSRF-TOKEN cookie and the session's token, and carry the secret's
 * signature), with what it lacks for a token it will never accept.
 *
 * <p>Vert.x shows a session's token on every page while the token is young, without checking its
 * signature. After a restart under another secret, every page showed the session's old token and
 * every form, Sign out included, was refused, reload or not. So a page first drops a session token
 * this secret did not sign, and Vert.x issues a fresh one. A form it refuses ({@link #refused}: its
 * token spent in another tab, past its 8 hours, from a session that has ended, signed by a previous
 * process, or forged) changes nothing; the page answering it gets a token that works from
 * {@link #issueFresh}, made as Vert.x makes its own.
 */
public final class CsrfCheck {

    /** Where Vert.x keeps the token: the form field, the session's key and the request's data. */
    public static final String TOKEN = CSRFHandler.DEFAULT_HEADER_NAME;

    private static final String COOKIE = CSRFHandler.DEFAULT_COOKIE_NAME;
    /** Marks a request the check has looked at, so a refusal is told from a later 403. */
    private static final String CHECKED = "csrfChecked";

    private static final String SIGNATURE = "HmacSHA256";
    private static final Base64.Encoder BASE64_URL = Base64.getUrlEncoder().withoutPadding();

    private final CSRFHandler handler;
    private final SecretKeySpec key;
    private final boolean secureCookie;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param secret what signs the tokens (SESSION_SECRET)
     * @param secureCookie whether the cookie is sent over https only
     * @param timeout how long a token lasts
     */
    public CsrfCheck(Vertx vertx, String secret, boolean secureCookie, Duration timeout) {
        this.handler = CSRFHandler.create(vertx, secret)
                .setCookieSecure(secureCookie)
                .setTimeout(timeout.toMillis())
                .setNagHttps(false);
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), SIGNATURE);
        this.secureCookie = secureCookie;
    }

    /** Runs on every request after the session handler (and on an upload's once its body is read). */
    public void check(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if ((method == HttpMethod.GET || method == HttpMethod.HEAD) && ctx.session() != null) {
            forgetTokenSignedElsewhere(ctx.session());
        }
        ctx.put(CHECKED, Boolean.TRUE);
        handler.handle(ctx);
    }

    /**
     * Whether this request failed because the check refused its form. Vert.x puts a token in the
     * request's data whenever it lets a request through, and only then.
     */
    public static boolean refused(RoutingContext ctx) {
        return ctx.get(CHECKED) != null && ctx.get(TOKEN) == null && ctx.statusCode() == 403;
    }

    /**
     * A new token for the page answering a refused form, in the session, the cookie and the
     * request's data (where the page's forms take it from), as Vert.x issues one for a page.
     */
    public void issueFresh(RoutingContext ctx) {
        byte[] salt = new byte[32];
        random.nextBytes(salt);
        String saltAndTime = BASE64_URL.encodeToString(salt) + "." + System.currentTimeMillis();
        String token = saltAndTime + "." + signature(saltAndTime);
        Session session = ctx.session();
        if (session != null && !session.isDestroyed()) {
            // Vert.x's form: the session id first, so a token outlives no change of session id
            session.put(TOKEN, session.id() + "/" + token);
        }
        ctx.response()
                .addCookie(Cookie.cookie(COOKIE, token)
                        .setPath("/")
                        .setSecure(secureCookie)
                        .setSameSite(CookieSameSite.STRICT));
        ctx.put(TOKEN, token);
    }

    /** Drops the session's token unless this secret signed it (another process's, before a restart). */
    private void forgetTokenSignedElsewhere(Session session) {
        String stored = session.get(TOKEN);
        if (stored != null && !signedHere(stored.substring(stored.indexOf('/') + 1))) {
            session.remove(TOKEN);
        }
    }

    /** Whether a token ({@code salt.time.signature}) carries this secret's signature. */
    boolean signedHere(String token) {
        int dot = token.lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        return MessageDigest.isEqual(
                signature(token.substring(0, dot)).getBytes(StandardCharsets.US_ASCII),
                token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(String data) {
        try {
            Mac mac = Mac.getInstance(SIGNATURE);
            mac.init(key);
            return BASE64_URL.encodeToString(mac.doFinal(data.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}

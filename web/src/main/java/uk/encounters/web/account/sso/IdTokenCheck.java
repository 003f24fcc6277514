package uk.encounters.web.account.sso;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import uk.encounters.marketplace.TypedText;
import uk.encounters.marketplace.account.SingleSignOn.Identity;

/**
 * What an ID token must say before anyone is signed in by it (OpenID Connect Core, 3.1.3.7). Vert.x
 * checks its signature against the provider's published keys, and drops a token whose signature,
 * issuer or audience is wrong; this checks all of those again, since a dropped token must not pass
 * silently, and what Vert.x leaves to the app: the nonce that binds it to this browser's sign-in, its
 * time, and that the provider verified the email address.
 */
final class IdTokenCheck {

    /** Clocks differ a little between us and the provider. */
    static final Duration LEEWAY = Duration.ofMinutes(2);

    /** Who signed in, or why nobody is (a plain sentence for the sign-in page). */
    record Result(Identity identity, String failure) {

        static Result refused(String failure) {
            return new Result(null, failure);
        }
    }

    private IdTokenCheck() {}

    static Result check(JsonObject token, IdentityProvider provider, String expectedNonce, Instant now) {
        String unverifiable = provider.label() + " did not confirm who you are. Try again, or sign in another way.";
        if (token == null) {
            // Vert.x leaves out a token it could not verify (signature, issuer, audience)
            return Result.refused(unverifiable);
        }
        if (!provider.issuer().equals(token.getString("iss"))) {
            return Result.refused(unverifiable);
        }
        if (!audienceHolds(token.getValue("aud"), provider.clientId())) {
            return Result.refused(unverifiable);
        }
        Long expires = number(token, "exp");
        Long issued = number(token, "iat");
        if (expires == null
                || Instant.ofEpochSecond(expires).plus(LEEWAY).isBefore(now)
                || (issued != null
                        && Instant.ofEpochSecond(issued).minus(LEEWAY).isAfter(now))) {
            return Result.refused(unverifiable);
        }
        String nonce = token.getString("nonce");
        if (nonce == null
                || !MessageDigest.isEqual(
                        nonce.getBytes(StandardCharsets.UTF_8), expectedNonce.getBytes(StandardCharsets.UTF_8))) {
            // a token issued for another sign-in, replayed into this one
            return Result.refused(unverifiable);
        }
        String subject = token.getString("sub");
        if (subject == null || subject.isBlank() || subject.length() > 255) {
            return Result.refused(unverifiable);
        }
        String email = token.getString("email");
        if (email == null || email.length() > 320 || !email.contains("@") || !TypedText.ONE_LINE.accepts(email)) {
            return Result.refused(provider.label() + " did not give your email address, so we cannot tell which"
                    + " account is yours. Sign in another way, or ask your coordinator.");
        }
        if (!emailVerified(token, provider)) {
            return Result.refused(provider.label() + " has not verified the email address " + email
                    + ", so it cannot sign you in here. Sign in another way, or ask your coordinator.");
        }
        return new Result(new Identity(provider.id(), provider.issuer(), subject, email.strip()), null);
    }

    /** The provider says the address is the person's: Google's email_verified, Entra ID's xms_edov. */
    private static boolean emailVerified(JsonObject token, IdentityProvider provider) {
        return isTrue(token.getValue("email_verified"))
                || (provider.isMicrosoft() && isTrue(token.getValue("xms_edov")));
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    private static boolean audienceHolds(Object audience, String clientId) {
        if (audience instanceof String single) {
            return single.equals(clientId);
        }
        return audience instanceof JsonArray many && many.contains(clientId);
    }

    private static Long number(JsonObject token, String claim) {
        return token.getValue(claim) instanceof Number n ? n.longValue() : null;
    }
}

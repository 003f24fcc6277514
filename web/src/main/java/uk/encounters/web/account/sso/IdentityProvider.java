package uk.encounters.web.account.sso;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One OpenID Connect identity provider people may sign in with: Microsoft Entra ID for a school or
 * trust's tenant, Google Workspace, or any other that publishes a discovery document.
 *
 * @param id          its name in the environment and in paths ({@code microsoft}, {@code google})
 * @param label       what the sign-in button says after "Sign in with"
 * @param issuer      its issuer (discovery at {@code issuer + /.well-known/openid-configuration})
 * @param clientSecret never logged: {@link #toString()} leaves it out
 */
public record IdentityProvider(String id, String label, String issuer, String clientId, String clientSecret) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,29}");

    public IdentityProvider {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "An identity provider's name is lower-case letters, digits and -, not '" + id + "'");
        }
        if (!issuer.startsWith("https://")
                && !issuer.startsWith("http://127.0.0.1")
                && !issuer.startsWith("http://localhost")) {
            throw new IllegalArgumentException(
                    "SSO_" + envName(id) + "_ISSUER must be an https address, not '" + issuer + "'");
        }
        issuer = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }

    /** Entra ID marks an email address its tenant has verified with the optional claim {@code xms_edov}. */
    boolean isMicrosoft() {
        return issuer.startsWith("https://login.microsoftonline.com/");
    }

    /** How the environment names it: {@code SSO_MICROSOFT_...}. */
    static String envName(String id) {
        return id.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    @Override
    public String toString() {
        return "IdentityProvider[" + id + ", " + issuer + ", client " + clientId + "]";
    }
}

package uk.encounters.web.wonde;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * How the app reads Wonde: the installation's one API token (WONDE_API_TOKEN; no token, no Wonde)
 * and the API's address (WONDE_API_URL, Wonde's own unless a test points it elsewhere). Each
 * school grants the app access in Wonde; the token is the same for all of them.
 */
public record WondeSettings(Optional<String> token, URI apiUrl) {

    public static final URI DEFAULT_API_URL = URI.create("https://api.wonde.com/v1.0");

    /** Read by {@code WebConfig}, which reads the environment once. */
    public static WondeSettings fromEnvironment(Map<String, String> env) {
        Optional<String> token = Optional.ofNullable(env.get("WONDE_API_TOKEN"))
                .map(String::strip)
                .filter(t -> !t.isEmpty());
        String url = Optional.ofNullable(env.get("WONDE_API_URL"))
                .map(String::strip)
                .filter(u -> !u.isEmpty())
                .orElse(DEFAULT_API_URL.toString());
        if (!url.matches("https?://[^\\s?#]+")) {
            throw new IllegalArgumentException("WONDE_API_URL must be an http or https address such as "
                    + DEFAULT_API_URL + ", not '" + url + "'");
        }
        if (token.isPresent() && !token.get().matches("[\\x21-\\x7e]+")) {
            throw new IllegalArgumentException("WONDE_API_TOKEN must be the token Wonde gave, without spaces");
        }
        return new WondeSettings(token, URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url));
    }

    public boolean configured() {
        return token.isPresent();
    }

    /** Never the token: configuration is logged at start. */
    @Override
    public String toString() {
        return configured() ? "Wonde at " + apiUrl : "no Wonde";
    }
}

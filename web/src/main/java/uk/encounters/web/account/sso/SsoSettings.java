package uk.encounters.web.account.sso;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The identity providers people may sign in with, read once from the environment:
 * {@code SSO_PROVIDERS=microsoft,google}, then for each {@code SSO_<NAME>_CLIENT_ID},
 * {@code SSO_<NAME>_CLIENT_SECRET}, {@code SSO_<NAME>_ISSUER} (Google's is known; Microsoft's names
 * the tenant: {@code https://login.microsoftonline.com/<tenant id>/v2.0}) and optionally
 * {@code SSO_<NAME>_LABEL}. Without SSO_PROVIDERS nobody signs in this way.
 */
public record SsoSettings(List<IdentityProvider> providers) {

    public static final SsoSettings NONE = new SsoSettings(List.of());

    static final String GOOGLE_ISSUER = "https://accounts.google.com";

    public SsoSettings {
        providers = List.copyOf(providers);
    }

    public static SsoSettings fromEnvironment(Map<String, String> env) {
        String names = env.getOrDefault("SSO_PROVIDERS", "").strip();
        if (names.isEmpty()) {
            return NONE;
        }
        List<IdentityProvider> providers = new ArrayList<>();
        for (String raw : names.split(",")) {
            String id = raw.strip();
            String prefix = "SSO_" + IdentityProvider.envName(id) + "_";
            String issuer = value(env, prefix + "ISSUER").orElseGet(() -> switch (id) {
                case "google" -> GOOGLE_ISSUER;
                case "microsoft" ->
                    throw new IllegalArgumentException(prefix + "ISSUER must name the"
                            + " tenant: https://login.microsoftonline.com/<tenant id>/v2.0");
                default -> throw new IllegalArgumentException(prefix + "ISSUER is not set");
            });
            providers.add(new IdentityProvider(
                    id,
                    value(env, prefix + "LABEL").orElse(defaultLabel(id)),
                    issuer,
                    value(env, prefix + "CLIENT_ID")
                            .orElseThrow(() -> new IllegalArgumentException(prefix + "CLIENT_ID is not set")),
                    value(env, prefix + "CLIENT_SECRET")
                            .orElseThrow(() -> new IllegalArgumentException(prefix + "CLIENT_SECRET is not set"))));
        }
        return new SsoSettings(providers);
    }

    public Optional<IdentityProvider> find(String id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public boolean any() {
        return !providers.isEmpty();
    }

    private static String defaultLabel(String id) {
        return switch (id) {
            case "microsoft" -> "Microsoft";
            case "google" -> "Google";
            default -> Character.toUpperCase(id.charAt(0)) + id.substring(1);
        };
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}

package uk.encounters.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.encounters.marketplace.account.Role;
import uk.encounters.web.account.sso.SsoSettings;
import uk.encounters.web.mail.MailSettings;
import uk.encounters.web.observe.LogFormat;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.wonde.WondeSettings;

/**
 * Everything the app reads from its environment, read once at start (see the configuration
 * table in docs/operations.md). Nothing else reads environment variables.
 */
public record WebConfig(
        int port,
        String baseUrl,
        Optional<String> databaseUrl,
        Optional<String> databaseUser,
        Optional<String> databasePassword,
        Path dataDirectory,
        Optional<Path> sharedDataDirectory,
        Optional<String> sessionSecret,
        boolean trustProxy,
        int maxConcurrentSolves,
        MailSettings mail,
        int metricsPort,
        String metricsHost,
        LogFormat logFormat,
        Duration sessionLifetime,
        Optional<Set<Role>> secondFactorChoice,
        Optional<String> pupilReferenceKey,
        WondeSettings wonde,
        SsoSettings sso) {

    /** Administrators and coordinators see many people's details: they confirm sign-in with a second factor. */
    public static final Set<Role> DEFAULT_SECOND_FACTOR_ROLES = Set.of(Role.ADMIN, Role.COORDINATOR);

    public static final int DEFAULT_PORT = 8080;
    /** /metrics is served on a port of its own, on the loopback unless METRICS_HOST says otherwise. */
    public static final int DEFAULT_METRICS_PORT = 9090;

    public static final String DEFAULT_METRICS_HOST = "127.0.0.1";

    public static WebConfig fromEnvironment(Map<String, String> env) {
        int port = parsePort("PORT", env.getOrDefault("PORT", String.valueOf(DEFAULT_PORT)));
        String baseUrl = nonBlank(env.get("BASE_URL")).orElse("http://localhost:" + port);
        return new WebConfig(
                port,
                baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl,
                nonBlank(env.get("DATABASE_URL")),
                nonBlank(env.get("DATABASE_USER")),
                nonBlank(env.get("DATABASE_PASSWORD")),
                Path.of(nonBlank(env.get("DATA_DIR")).orElse("data")),
                nonBlank(env.get("SHARED_DATA_DIR")).map(Path::of),
                nonBlank(env.get("SESSION_SECRET")),
                "true".equalsIgnoreCase(nonBlank(env.get("TRUST_PROXY")).orElse("false")),
                nonBlank(env.get("MAX_CONCURRENT_SOLVES"))
                        .map(WebConfig::parseSolves)
                        .orElse(Runtime.getRuntime().availableProcessors()),
                MailSettings.fromEnvironment(env),
                parsePort(
                        "METRICS_PORT", nonBlank(env.get("METRICS_PORT")).orElse(String.valueOf(DEFAULT_METRICS_PORT))),
                nonBlank(env.get("METRICS_HOST")).orElse(DEFAULT_METRICS_HOST),
                LogFormat.parse(nonBlank(env.get("LOG_FORMAT")).orElse("text")),
                nonBlank(env.get("SESSION_LIFETIME_SECONDS"))
                        .map(WebConfig::parseLifetime)
                        .orElse(CurrentUser.DEFAULT_LIFETIME),
                nonBlank(env.get("SECOND_FACTOR_ROLES")).map(WebConfig::parseRoles),
                nonBlank(env.get("PUPIL_REFERENCE_KEY")).map(WebConfig::parsePupilReferenceKey),
                WondeSettings.fromEnvironment(env),
                SsoSettings.fromEnvironment(env));
    }

    /** The same configuration with other mail settings. */
    public WebConfig withMail(MailSettings mail) {
        return copy(mail, sessionSecret, secondFactorChoice);
    }

    /** The same configuration with this secret signing forms' tokens (the demo's own, when SESSION_SECRET is unset). */
    public WebConfig withSessionSecret(String secret) {
        return copy(mail, Optional.of(secret), secondFactorChoice);
    }

    /** The roles that confirm sign-in with a second factor: SECOND_FACTOR_ROLES, else administrators and coordinators. */
    public Set<Role> secondFactorRoles() {
        return secondFactorChoice.orElse(DEFAULT_SECOND_FACTOR_ROLES);
    }

    /** The same configuration with a second factor required of these roles only (none: the demo's throwaway people). */
    public WebConfig withSecondFactorRoles(Set<Role> roles) {
        return copy(mail, sessionSecret, Optional.of(Set.copyOf(roles)));
    }

    /** This configuration with the parts the withers above change; the rest as it is. */
    private WebConfig copy(MailSettings mail, Optional<String> sessionSecret, Optional<Set<Role>> secondFactorChoice) {
        return new WebConfig(
                port,
                baseUrl,
                databaseUrl,
                databaseUser,
                databasePassword,
                dataDirectory,
                sharedDataDirectory,
                sessionSecret,
                trustProxy,
                maxConcurrentSolves,
                mail,
                metricsPort,
                metricsHost,
                logFormat,
                sessionLifetime,
                secondFactorChoice,
                pupilReferenceKey,
                wonde,
                sso);
    }

    /** Cookies get the Secure flag, and HSTS is sent, when the public address is https. */
    public boolean https() {
        return baseUrl.startsWith("https://");
    }

    @Override
    public String toString() {
        return "WebConfig[port=" + port + ", baseUrl=" + baseUrl + ", database="
                + (databaseUrl.isPresent() ? "DATABASE_URL" : "embedded")
                + ", dataDirectory=" + dataDirectory + ", trustProxy=" + trustProxy
                + ", maxConcurrentSolves=" + maxConcurrentSolves + ", mail=" + mail
                + ", metrics=" + metricsHost + ":" + metricsPort + ", logFormat=" + logFormat
                + ", sessionLifetime=" + sessionLifetime + ", secondFactorRoles=" + secondFactorRoles() + "]";
    }

    private static int parsePort(String variable, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a number from 0 to 65535, not '" + value + "'");
        }
    }

    /** "admin,coordinator", or "none". */
    private static Set<Role> parseRoles(String value) {
        if (value.strip().equalsIgnoreCase("none")) {
            return Set.of();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String code : value.split(",")) {
            roles.add(java.util.Arrays.stream(Role.values())
                    .filter(r -> r.code().equals(code.strip()))
                    .findFirst()
                    .orElseThrow(() ->
                            new IllegalArgumentException("SECOND_FACTOR_ROLES takes roles from admin, coordinator,"
                                    + " careers_leader and employer, separated by commas, or none; not '" + code.strip()
                                    + "'")));
        }
        return roles;
    }

    private static Duration parseLifetime(String value) {
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds < 1 || seconds > Duration.ofDays(1).toSeconds()) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "SESSION_LIFETIME_SECONDS must be a number of seconds from 1 to 86400, not '" + value + "'");
        }
    }

    /** The key of every school's pupil references: guessable keys would let UPNs be tried against them. */
    private static String parsePupilReferenceKey(String value) {
        if (value.length() < 32) {
            throw new IllegalArgumentException(
                    "PUPIL_REFERENCE_KEY must be 32 characters or more (openssl rand -hex 32 makes one)");
        }
        return value;
    }

    /** A solve takes about a core for its time limit: more at once than cores only slows each one down. */
    private static int parseSolves(String value) {
        try {
            int solves = Integer.parseInt(value.trim());
            if (solves < 1) {
                throw new NumberFormatException();
            }
            return solves;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "MAX_CONCURRENT_SOLVES must be a whole number of 1 or more, not '" + value + "'");
        }
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }
}

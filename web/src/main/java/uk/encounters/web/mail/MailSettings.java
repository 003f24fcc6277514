package uk.encounters.web.mail;

import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.StartTLSOptions;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where notifications are sent, read once from the environment. Without SMTP_HOST nothing is sent:
 * messages wait in the outbox (readable, links redacted, on the admin outbox page), unless
 * MAIL_FOLDER names a folder to write each message to as a text file, links and all (the demo's).
 * The password never appears in {@link #toString()}, so the settings are safe to log.
 */
public record MailSettings(
        Optional<String> host,
        int port,
        Optional<String> username,
        Optional<String> password,
        String from,
        StartTLSOptions startTls,
        Optional<Path> folder) {

    public static final int DEFAULT_PORT = 587;
    static final int IMPLICIT_TLS_PORT = 465;
    public static final String DEFAULT_FROM = "Employer Encounters <no-reply@localhost>";

    public static MailSettings fromEnvironment(Map<String, String> env) {
        return new MailSettings(
                nonBlank(env.get("SMTP_HOST")),
                nonBlank(env.get("SMTP_PORT")).map(MailSettings::parsePort).orElse(DEFAULT_PORT),
                nonBlank(env.get("SMTP_USERNAME")),
                // A password may legitimately start or end with spaces: taken as given.
                Optional.ofNullable(env.get("SMTP_PASSWORD")).filter(p -> !p.isEmpty()),
                nonBlank(env.get("SMTP_FROM")).orElse(DEFAULT_FROM),
                nonBlank(env.get("SMTP_STARTTLS"))
                        .map(MailSettings::parseStartTls)
                        .orElse(StartTLSOptions.OPTIONAL),
                nonBlank(env.get("MAIL_FOLDER")).map(Path::of));
    }

    /** The same settings, writing messages to {@code folder} when there is no SMTP server. */
    public MailSettings withFolder(Path folder) {
        return new MailSettings(host, port, username, password, from, startTls, Optional.of(folder));
    }

    /** The sending address alone, without its name: {@code no-reply@example.org} of {@code "Us <no-reply@example.org>"}. */
    public String fromAddress() {
        int open = from.lastIndexOf('<');
        int close = from.lastIndexOf('>');
        return (open >= 0 && close > open ? from.substring(open + 1, close) : from).strip();
    }

    /** True when messages leave the outbox: by SMTP, or into the mail folder. */
    public boolean delivers() {
        return sends() || folder.isPresent();
    }

    /** False when SMTP_HOST is unset: the outbox keeps its messages. */
    public boolean sends() {
        return host.isPresent();
    }

    /** The Vert.x mail client's configuration; only meaningful when {@link #sends()}. */
    public MailConfig toMailConfig() {
        MailConfig config = new MailConfig()
                .setHostname(host.orElse("localhost"))
                .setPort(port)
                .setStarttls(startTls)
                // 465 is SMTP over TLS from the first byte (RFC 8314); other ports upgrade with STARTTLS.
                .setSsl(port == IMPLICIT_TLS_PORT)
                // Fail fast on an unreachable relay instead of holding the outbox lease.
                .setConnectTimeout(10_000);
        if (username.isPresent()) {
            config.setLogin(LoginOption.REQUIRED).setUsername(username.get()).setPassword(password.orElse(""));
        } else {
            config.setLogin(LoginOption.DISABLED);
        }
        return config;
    }

    @Override
    public String toString() {
        return "MailSettings[host=" + host.orElse("(not set: nothing is sent)") + ", port=" + port
                + ", username=" + username.orElse("(none)") + ", password="
                + (password.isPresent() ? "(set)" : "(none)")
                + ", from=" + from + ", startTls=" + startTls
                + folder.map(f -> ", folder=" + f).orElse("") + "]";
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SMTP_PORT must be a number from 1 to 65535, not '" + value + "'");
        }
    }

    private static StartTLSOptions parseStartTls(String value) {
        try {
            return StartTLSOptions.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "SMTP_STARTTLS must be REQUIRED, OPTIONAL or DISABLED, not '" + value + "'");
        }
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }
}

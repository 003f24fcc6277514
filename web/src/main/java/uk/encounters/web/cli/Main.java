package uk.encounters.web.cli;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flywaydb.core.api.output.MigrateResult;
import uk.encounters.marketplace.MigrationFailure;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.account.Invitations;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.account.SecondFactor;
import uk.encounters.web.WebConfig;
import uk.encounters.web.WebServer;
import uk.encounters.web.account.Links;
import uk.encounters.web.observe.AppMetrics;

/** The {@code encounters} command line: demo, serve, migrate, seed, match, simulate. */
public final class Main {

    static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    static final String DEMO_AREA = "derby";
    static final long DEMO_SEED = 1;

    private static final String HELP = """
            Usage: encounters <command> [options]

            Commands:
              demo [--area NAME] [--seed N]   Start PostgreSQL if DATABASE_URL is unset (data kept in DATA_DIR/pg),
                                              migrate, load the demo hub on first run (default: derby), and serve
                                              on http://localhost:PORT. Without SESSION_SECRET, forms are signed
                                              with a secret kept in DATA_DIR/session-secret.
              serve                           Migrate and serve against DATABASE_URL, without demo data.
              migrate                         Apply the database migrations and exit.
              seed --area NAME [--seed N]     Load a generated hub into the database and say how long it took.
                                              Areas: %s.
              invite-admin --email ADDRESS --name NAME
                                              Make someone an administrator: a new person gets an emailed invitation
                                              (the link is printed too); an existing account gets the role.
              reset-second-factor --email ADDRESS
                                              Turn off someone's two-step sign-in (a lost phone and lost recovery
                                              codes): they set it up again at their next sign-in.
              match --hub ID [--seconds N] [--publish]
                                              Run the hub's weekly matching round headless (for a scheduler):
                                              solve for N seconds (30), print its figures, and with --publish
                                              publish it and queue the digests.
              simulate [--area NAME] [--seed N | --seeds 1,2,3] [--supply 1.0,1.3] [--weeks N] [--seconds N]
                       [--plan-share 0.7] [--weights "Rule name=200;..."] [--csv PATH]
                                              Play a school year (or N school weeks) of weekly rounds on a generated
                                              hub (default: derby) three ways: the product (solver rounds of N s,
                                              default 5), the status quo and first come, first served with the
                                              product's suggestions, in scratch databases on the app's server
                                              (dropped afterwards), for each seed and supply factor; compare pupils'
                                              progress and asks, and write one CSV row per seed, supply and arm.
                                              --weights sets the product's rule weights as a coordinator would.
              --help                          Show this help.

            Environment: DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD, PORT (8080), BASE_URL, DATA_DIR (./data),
            SHARED_DATA_DIR (the public data; found beside the project when unset), SESSION_SECRET,
            PUPIL_REFERENCE_KEY, METRICS_PORT (9090), METRICS_HOST (127.0.0.1), LOG_FORMAT (text or json). See docs/operations.md.
            """;

    private final WebConfig config;
    private final Clock clock;
    private final PrintStream out;

    Main(WebConfig config, Clock clock, PrintStream out) {
        this.config = config;
        this.clock = clock;
        this.out = out;
    }

    public static void main(String[] args) {
        Main main;
        try {
            WebConfig config = WebConfig.fromEnvironment(System.getenv());
            config.logFormat().apply();
            main = new Main(config, Clock.system(ENGLAND), System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("encounters: " + e.getMessage());
            System.exit(2);
            return;
        }
        int status = main.run(List.of(args));
        if (status != KEEP_RUNNING) {
            System.exit(status);
        }
    }

    static final int KEEP_RUNNING = -1;

    int run(List<String> args) {
        CommandLine line;
        try {
            line = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("encounters: " + e.getMessage() + " Try 'encounters --help'.");
            return 2;
        }
        try {
            return switch (line.command()) {
                case "help" -> {
                    out.printf(HELP, String.join(", ", SeedCommand.areas()));
                    yield 0;
                }
                case "migrate" -> migrate();
                case "seed" -> seed(line);
                case "invite-admin" -> inviteAdmin(line);
                case "reset-second-factor" -> resetSecondFactor(line);
                case "match" -> new MatchCommand(config, clock, out).run(line);
                case "simulate" -> new SimulateCommand(config, clock, out).run(line);
                case "serve" -> serve();
                case "demo" -> demo(line);
                default -> throw new IllegalStateException(line.command());
            };
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("encounters: " + e.getMessage());
            return 1;
        }
    }

    private int migrate() {
        try (DatabaseConnection connection = DatabaseConnection.open(config, out)) {
            report(connection.database().migrate());
            return 0;
        }
    }

    private int seed(CommandLine line) {
        String area = line.option("area")
                .orElseThrow(() -> new IllegalArgumentException(
                        "seed needs --area, one of: " + String.join(", ", SeedCommand.areas())));
        try (DatabaseConnection connection = DatabaseConnection.open(config, out)) {
            report(connection.database().migrate());
            new SeedCommand(connection.database(), config, clock, out).seed(area, line.longOption("seed", DEMO_SEED));
            return 0;
        }
    }

    private int inviteAdmin(CommandLine line) {
        String email = line.option("email")
                .filter(e -> e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))
                .orElseThrow(() -> new IllegalArgumentException("invite-admin needs --email with an email address"));
        String name = line.option("name")
                .filter(n -> !n.isBlank())
                .orElseThrow(() -> new IllegalArgumentException("invite-admin needs --name"));
        try (DatabaseConnection connection = DatabaseConnection.open(config, out)) {
            report(connection.database().migrate());
            Links links = links();
            // The operator gets a link of their own to hand over: the outbox never holds a live one.
            Optional<String> link = connection
                    .database()
                    .dsl()
                    .transactionResult(c -> new Invitations(c.dsl(), clock, links)
                            .invite(Actor.anonymous("command line"), email, name, Scope.admin(), "an administrator")
                            .map(userId -> links.url(
                                    LoginTokenRepository.Purpose.INVITATION,
                                    new LoginTokenRepository(c.dsl(), clock)
                                            .issue(userId, LoginTokenRepository.Purpose.INVITATION)
                                            .token())));
            out.println(link.map(l -> "Invited " + email + " as an administrator. The invitation is in the outbox;"
                            + " or hand over this link (once, 24 hours): " + l)
                    .orElse(email + " already had an account and is now an administrator."));
            return 0;
        }
    }

    private int resetSecondFactor(CommandLine line) {
        String email = line.option("email")
                .orElseThrow(() -> new IllegalArgumentException("reset-second-factor needs --email"));
        try (DatabaseConnection connection = DatabaseConnection.open(config, out)) {
            report(connection.database().migrate());
            boolean reset = connection.database().dsl().transactionResult(c -> {
                Optional<Long> user =
                        new AccountRepository(c.dsl()).findByEmail(email).map(a -> a.id());
                user.ifPresent(id -> {
                    new SecondFactor(c.dsl(), clock).turnOff(id);
                    new AuditLog(c.dsl()).record(null, "second_factor_reset", "app_user", id, Map.of(), "command line");
                });
                return user.isPresent();
            });
            out.println(
                    reset
                            ? "Two-step sign-in is off for " + email + "; they set it up again when they next sign in."
                            : "Nobody has the address " + email + ".");
            return reset ? 0 : 1;
        }
    }

    private int serve() {
        if (config.databaseUrl().isEmpty()) {
            throw new IllegalArgumentException(
                    "serve needs DATABASE_URL; use 'encounters demo' to try it with " + "an embedded PostgreSQL.");
        }
        AppMetrics metrics = new AppMetrics();
        DatabaseConnection connection = DatabaseConnection.open(config, out, metrics.connectionPool());
        try {
            report(connection.database().migrate());
        } catch (MigrationFailure e) {
            connection.close();
            throw e;
        } catch (RuntimeException e) {
            connection.close();
            throw new IllegalStateException(
                    "Could not migrate the database, so the app will not start: " + databaseError(e), e);
        }
        return startServing(connection, metrics, config);
    }

    private Links links() {
        return new Links(config.baseUrl(), config.mail().fromAddress());
    }

    private int demo(CommandLine line) {
        AppMetrics metrics = new AppMetrics();
        DatabaseConnection connection = DatabaseConnection.open(config, out, metrics.connectionPool());
        try {
            report(connection.database().migrate());
            if (new SeedCommand(connection.database(), config, clock, out)
                    .seedUnlessAnyHubExists(
                            line.option("area").orElse(DEMO_AREA), line.longOption("seed", DEMO_SEED))) {
                DemoPlacements.add(connection.database(), links(), clock)
                        .ifPresent(booking -> out.println("Booked a June work-experience week for "
                                + DemoPlacements.PUPILS + " Year 10 pupils at the demo employer (booking " + booking
                                + "): its placements wait for the host's paperwork."));
            }
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        // With no SMTP server, the demo's emails go to files the person trying it can open.
        WebConfig mailed = config.mail().delivers()
                ? config
                : config.withMail(
                        config.mail().withFolder(config.dataDirectory().resolve("mail")));
        // The demo's people are throwaway and sign in by printed links: no authenticator app needed,
        // unless SECOND_FACTOR_ROLES asks for one.
        WebConfig throwaway = mailed.secondFactorChoice().isPresent() ? mailed : mailed.withSecondFactorRoles(Set.of());
        // Its sessions outlive a restart in its database: so must the secret their forms are signed with.
        WebConfig demo = throwaway.sessionSecret().isPresent()
                ? throwaway
                : throwaway.withSessionSecret(DemoSecret.keptIn(config.dataDirectory()));
        int status = startServing(connection, metrics, demo);
        out.println();
        out.println(
                "Sign in as each role with these links (each works once, for 24 hours; a restart prints new ones):");
        for (var link : new DemoSignIns(connection.database(), links(), clock).issue()) {
            out.printf("  %-24s %s%n    %s%n", link.role(), link.email(), link.url());
        }
        demo.mail()
                .folder()
                .filter(f -> !demo.mail().sends())
                .ifPresent(folder -> out.println("Emails the app sends are written to " + folder.toAbsolutePath()
                        + " (one text file each, links and all)."));
        return status;
    }

    private int startServing(DatabaseConnection connection, AppMetrics metrics, WebConfig config) {
        Vertx vertx = metrics.vertx(
                new VertxOptions().setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)));
        WebServer server = new WebServer(connection.database(), clock, config, metrics);
        try {
            vertx.deployVerticle(server, new DeploymentOptions().setThreadingModel(ThreadingModel.VIRTUAL_THREAD))
                    .await();
        } catch (RuntimeException e) {
            vertx.close();
            connection.close();
            throw new IllegalStateException(
                    "Could not start the web server on port " + config.port() + ": " + e.getMessage(), e);
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            vertx.close().await();
                            connection.close();
                        },
                        "encounters-shutdown"));
        out.println("Serving " + config.baseUrl() + " (port " + server.actualPort() + "). Press Ctrl+C to stop.");
        if (server.metricsPort() > 0) {
            out.println("Metrics for Prometheus at http://" + config.metricsHost() + ":" + server.metricsPort()
                    + "/metrics");
        }
        return KEEP_RUNNING;
    }

    /** The database's own words, on one line (Flyway's report of an unreachable database is a table). */
    private static String databaseError(Throwable failure) {
        String message = firstLine(failure.getMessage());
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getMessage() != null) {
                message = firstLine(sql.getMessage())
                        + (sql.getSQLState() == null ? "" : " [SQL state " + sql.getSQLState() + "]");
            }
        }
        return message.isEmpty() ? failure.getClass().getSimpleName() : message;
    }

    private static String firstLine(String message) {
        return message == null
                ? ""
                : message.lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty())
                        .findFirst()
                        .orElse("");
    }

    private void report(MigrateResult result) {
        if (result.migrationsExecuted > 0) {
            out.println("Migrated the database to version " + result.targetSchemaVersion + " ("
                    + result.migrationsExecuted + " migration(s) applied).");
        }
    }

    static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}

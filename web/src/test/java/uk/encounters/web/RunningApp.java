package uk.encounters.web;

import static uk.encounters.marketplace.jooq.Tables.SCHOOL_PROGRESS_SUMMARY;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import uk.encounters.marketplace.Database;
import uk.encounters.web.observe.AppMetrics;

/** The real web server on a free port, against a real database, with a clock fixed to one day. */
public final class RunningApp implements AutoCloseable {

    private final Vertx vertx;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final WebServer server;
    private final Database database;
    private final LocalDate today;

    private RunningApp(Vertx vertx, WebServer server, Database database, LocalDate today) {
        this.vertx = vertx;
        this.server = server;
        this.port = server.actualPort();
        this.database = database;
        this.today = today;
    }

    public WebServer server() {
        return server;
    }

    /** The app's clock: fixed at 10:00 UTC on its day. */
    public Clock clock() {
        return clockOn(today);
    }

    public Database database() {
        return database;
    }

    private static Clock clockOn(LocalDate today) {
        return Clock.fixed(today.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    public static RunningApp start(Database database, LocalDate today) {
        return start(database, today, Map.of());
    }

    /** With extra environment, e.g. BASE_URL. */
    public static RunningApp start(Database database, LocalDate today, Map<String, String> environment) {
        return start(database, today, environment, new AppMetrics());
    }

    /**
     * Reporting to {@code metrics}, as {@code Main} wires it; give the database the same metrics'
     * {@link AppMetrics#connectionPool()} to see the pool's too. Metrics are served on a free port.
     */
    public static RunningApp start(
            Database database, LocalDate today, Map<String, String> environment, AppMetrics metrics) {
        Vertx vertx = metrics.vertx(
                new VertxOptions().setFileSystemOptions(new FileSystemOptions().setFileCachingEnabled(false)));
        Clock clock = clockOn(today);
        // Tests of the second factor ask for it; the rest sign in as each role without an authenticator.
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "PORT",
                "0",
                "METRICS_PORT",
                "0",
                "SESSION_SECRET",
                "test-secret-not-for-production",
                "SECOND_FACTOR_ROLES",
                "none"));
        env.putAll(environment);
        WebServer server = new WebServer(database, clock, WebConfig.fromEnvironment(env), metrics);
        vertx.deployVerticle(server, new DeploymentOptions().setThreadingModel(ThreadingModel.VIRTUAL_THREAD))
                .await();
        return new RunningApp(vertx, server, database, today);
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Where Prometheus would scrape this app: its own port, not the public one. */
    public String metricsUrl() {
        return "http://127.0.0.1:" + server.metricsPort() + "/metrics";
    }

    public HttpResponse<String> get(String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url(path)))
                            .timeout(Duration.ofSeconds(20))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the app's background pass has brought every school's progress summary up to date
     * (the home page reads them as that pass left them).
     */
    public void awaitProgressSummaries() {
        Waiting.awaitTrue(
                "the schools' progress summaries are up to date",
                Duration.ofSeconds(30),
                () -> !database.dsl()
                        .fetchExists(
                                SCHOOL_PROGRESS_SUMMARY,
                                SCHOOL_PROGRESS_SUMMARY
                                        .CHANGES
                                        .ne(SCHOOL_PROGRESS_SUMMARY.SUMMARISED_CHANGES)
                                        .or(SCHOOL_PROGRESS_SUMMARY.AS_OF.isDistinctFrom(today))));
    }

    @Override
    public void close() {
        vertx.close().await();
    }
}

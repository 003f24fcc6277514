package uk.encounters.web.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.DatabaseSettings;
import uk.encounters.marketplace.EmbeddedPostgres;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/**
 * PostgreSQL really stopped and started again (an embedded server this test owns, same port, same
 * data directory) while twenty clients load pages, most of them signed in. The app itself is never
 * restarted: it must answer 503 while the database is away, never 500 and never hang, and serve
 * again, with every session intact, soon after the database is back.
 */
@Tag("fault")
class DatabaseRestartTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final int CLIENTS = 20;
    static final int SIGNED_IN = 15;
    /** A client gives up after this: a page that takes longer counts as hanging. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    static final Duration OUTAGE = Duration.ofSeconds(8);
    static final Duration READY_AGAIN_WITHIN = Duration.ofSeconds(15);

    @TempDir
    static Path dataDirectory;

    /** One request as a client saw it; status -1 when it timed out or the connection failed. */
    record Outcome(String page, long startedAt, long endedAt, int status, boolean retryAfter, String note) {

        long millis() {
            return (endedAt - startedAt) / 1_000_000;
        }

        boolean within(long from, long until) {
            return startedAt >= from && endedAt <= until;
        }
    }

    /** One look at the probes. */
    record Probe(long at, int ready, boolean readyRetryAfter, int health) {}

    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Probe> probes = new ConcurrentLinkedQueue<>();
    private volatile boolean running = true;

    @Test
    void pagesAnswer503WhileTheDatabaseIsStoppedAndServeAgainWithSessionsIntactOnceItIsBack() throws Exception {
        Path pgData = dataDirectory.resolve("pg");
        int port = freePort();
        EmbeddedPostgres postgres = EmbeddedPostgres.start(pgData, port);
        postgres.createDatabaseIfMissing("restart");
        DatabaseSettings settings = postgres.settings("restart");
        Database database = Database.open(settings);
        RunningApp app = null;
        List<Thread> threads = new ArrayList<>();
        try {
            database.migrate();
            TestData data = new TestData(database.dsl());
            long hub = data.hub("Restart Hub");
            long school = data.school(hub, "Steadfast Academy");
            for (int i = 0; i < 30; i++) {
                data.pupil(school, 7 + i % 7);
            }
            for (int i = 0; i < SIGNED_IN; i++) {
                Accounts.create(
                        database.dsl(),
                        "leader" + i + "@steadfast.example",
                        "Leader " + i,
                        Scope.careersLeader(school));
            }
            app = RunningApp.start(database, TODAY);
            RunningApp running = app;

            for (int i = 0; i < CLIENTS; i++) {
                Visitor visitor = new Visitor(app, REQUEST_TIMEOUT);
                List<String> pages = new ArrayList<>(List.of("/", "/offer-a-talk"));
                if (i < SIGNED_IN) {
                    visitor.signIn("leader" + i + "@steadfast.example", Accounts.PASSWORD);
                    pages.add("/schools/" + school + "/progress");
                }
                threads.add(Thread.ofVirtual().name("client-" + i).start(() -> load(visitor, pages)));
            }
            threads.add(Thread.ofVirtual().name("probe").start(() -> probe(running)));

            Thread.sleep(3_000);
            long stopping = System.nanoTime();
            postgres.close();
            long stopped = System.nanoTime();
            Thread.sleep(OUTAGE.toMillis());
            long starting = System.nanoTime();
            postgres = EmbeddedPostgres.start(pgData, port);
            long started = System.nanoTime();
            long readyAgain = awaitReady(started);
            Thread.sleep(4_000);
            this.running = false;
            for (Thread thread : threads) {
                thread.join(REQUEST_TIMEOUT.plusSeconds(5));
            }

            report(stopping, stopped, starting, started, readyAgain);

            assertThat(outcomes)
                    .as("no request timed out or lost its connection")
                    .noneMatch(o -> o.status() == -1);
            assertThat(outcomes)
                    .as("only 200 and 503, never a 500")
                    .allMatch(o -> o.status() == 200 || o.status() == 503);
            assertThat(outcomes)
                    .as("every 503 says when to retry")
                    .filteredOn(o -> o.status() == 503)
                    .allMatch(Outcome::retryAfter);
            assertThat(select(o -> o.endedAt() < stopping))
                    .as("before the stop")
                    .isNotEmpty()
                    .allMatch(o -> o.status() == 200);
            assertThat(select(o -> o.within(stopped, starting)))
                    .as("while the database is down")
                    .isNotEmpty()
                    .allMatch(o -> o.status() == 503);
            assertThat(select(o -> o.startedAt() > readyAgain))
                    .as("once /ready says 200 again, sessions intact")
                    .isNotEmpty()
                    .allMatch(o -> o.status() == 200);
            assertThat(select(o -> o.startedAt() > readyAgain && o.page().endsWith("/progress")))
                    .as("signed-in pages after the restart")
                    .isNotEmpty()
                    .allMatch(o -> "signed in".equals(o.note()));
            List<Probe> down = probes.stream()
                    .filter(p -> p.at() > stopped && p.at() < starting)
                    .toList();
            assertThat(down)
                    .as("/ready while the database is down")
                    .isNotEmpty()
                    .allMatch(p -> p.ready() == 503 && p.readyRetryAfter());
            assertThat(probes).as("/health throughout").allMatch(p -> p.health() == 200);
        } finally {
            this.running = false;
            for (Thread thread : threads) {
                thread.join(REQUEST_TIMEOUT.plusSeconds(5));
            }
            if (app != null) {
                app.close();
            }
            database.close();
            postgres.close();
        }
    }

    private void load(Visitor visitor, List<String> pages) {
        for (int i = 0; running; i++) {
            String page = pages.get(i % pages.size());
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = visitor.get(page);
                String note = page.endsWith("/progress")
                                && response.statusCode() == 200
                                && response.body().contains("<h1>Progress at ")
                                && response.body().contains("Sign out")
                        ? "signed in"
                        : response.headers().firstValue("location").orElse("");
                outcomes.add(new Outcome(
                        page,
                        start,
                        System.nanoTime(),
                        response.statusCode(),
                        response.headers().firstValue("retry-after").isPresent(),
                        note));
            } catch (IllegalStateException e) {
                outcomes.add(new Outcome(page, start, System.nanoTime(), -1, false, String.valueOf(e.getCause())));
            }
        }
    }

    private void probe(RunningApp app) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (running) {
            long at = System.nanoTime();
            HttpResponse<Void> ready = send(http, app.url("/ready"));
            HttpResponse<Void> health = send(http, app.url("/health"));
            probes.add(new Probe(
                    at,
                    ready == null ? -1 : ready.statusCode(),
                    ready != null && ready.headers().firstValue("retry-after").isPresent(),
                    health == null ? -1 : health.statusCode()));
            pause(200);
        }
    }

    /** The first probe after the restart to find the app ready; fails after {@link #READY_AGAIN_WITHIN}. */
    private long awaitReady(long since) {
        long deadline = since + READY_AGAIN_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            var ready = probes.stream()
                    .filter(p -> p.at() > since && p.ready() == 200)
                    .findFirst();
            if (ready.isPresent()) {
                return ready.get().at();
            }
            pause(50);
        }
        throw new AssertionError(
                "/ready did not answer 200 within " + READY_AGAIN_WITHIN + " of PostgreSQL starting again");
    }

    private List<Outcome> select(Predicate<Outcome> which) {
        return outcomes.stream().filter(which).toList();
    }

    private void report(long stopping, long stopped, long starting, long started, long readyAgain) {
        System.out.printf(
                "PostgreSQL stopped in %d ms, down %d ms, started in %d ms; /ready 200 again %d ms after it started"
                        + " (%d ms after the stop began)%n",
                ms(stopped - stopping),
                ms(starting - stopped),
                ms(started - starting),
                ms(readyAgain - started),
                ms(readyAgain - stopping));
        System.out.printf(
                "Requests: %d in all; before the stop %s; from the stop until ready again %s; after %s%n",
                outcomes.size(),
                statuses(o -> o.endedAt() < stopping),
                statuses(o -> o.endedAt() >= stopping && o.startedAt() <= readyAgain),
                statuses(o -> o.startedAt() > readyAgain));
        System.out.printf(
                "Latency while down (ms): max %d, median %d; /ready while down answered %s%n",
                select(o -> o.within(stopped, starting)).stream()
                        .mapToLong(Outcome::millis)
                        .max()
                        .orElse(-1),
                median(select(o -> o.within(stopped, starting)).stream()
                        .mapToLong(Outcome::millis)
                        .sorted()
                        .toArray()),
                probes.stream()
                        .filter(p -> p.at() > stopped && p.at() < starting)
                        .collect(Collectors.groupingBy(Probe::ready, TreeMap::new, Collectors.counting())));
        select(o -> o.within(stopped, starting)).stream()
                .sorted(java.util.Comparator.comparingLong(Outcome::millis).reversed())
                .limit(8)
                .forEach(o -> System.out.printf(
                        "  slow: %s %d ms, started %d ms after the stop%n",
                        o.page(), o.millis(), ms(o.startedAt() - stopped)));
    }

    private Map<Integer, Long> statuses(Predicate<Outcome> which) {
        return select(which).stream()
                .collect(Collectors.groupingBy(Outcome::status, TreeMap::new, Collectors.counting()));
    }

    private static long median(long[] sorted) {
        return sorted.length == 0 ? -1 : sorted[sorted.length / 2];
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static HttpResponse<Void> send(HttpClient http, String url) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(REQUEST_TIMEOUT)
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

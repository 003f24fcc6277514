package uk.encounters.web.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.DatabaseSettings;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.RunningApp;
import uk.encounters.web.TcpProxy;
import uk.encounters.web.Visitor;

/** The app reaches PostgreSQL through a proxy the test can cut, as a database restart would. */
@Tag("fault")
class ReadinessTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static TcpProxy proxy;
    static Database throughProxy;
    static RunningApp app;

    @BeforeAll
    static void appBehindAProxy() throws Exception {
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/(.*)")
                .matcher(db.settings().jdbcUrl());
        assertThat(url.matches()).isTrue();
        proxy = new TcpProxy(url.group(1), url.group(2) == null ? 5432 : Integer.parseInt(url.group(2))).start();
        throughProxy = Database.open(new DatabaseSettings(
                "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + url.group(3),
                db.settings().user(),
                db.settings().password(),
                4));
        app = RunningApp.start(throughProxy, LocalDate.of(2026, 11, 23));
    }

    @AfterAll
    static void stop() throws Exception {
        app.close();
        throughProxy.close();
        proxy.close();
    }

    @Test
    void readinessGoesRedWhileTheDatabaseIsDownAndGreenAgainAfterwithoutARestart() throws Exception {
        assertThat(app.get("/ready").statusCode()).isEqualTo(200);
        // a returning visitor: its session is in PostgreSQL, so its every page needs the database
        // (a first visit to the home page may be served from the figures it keeps for half a minute)
        Visitor returning = new Visitor(app);
        assertThat(returning.get("/").statusCode()).isEqualTo(200);

        proxy.stop();
        try {
            var ready = app.get("/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("not ready");
            assertThat(app.get("/health").statusCode())
                    .as("the process itself is still alive")
                    .isEqualTo(200);

            var home = returning.get("/");
            assertThat(home.statusCode()).isEqualTo(503);
            assertThat(home.headers().firstValue("retry-after")).isPresent();
            assertThat(home.body()).contains("the service is unavailable").doesNotContain("Exception");
            assertThat(home.body())
                    .as("the reference support finds the log lines by")
                    .contains(home.headers().firstValue("X-Request-Id").orElseThrow());

            // a form refused on its own merits (no CSRF token) is still refused, not turned into a 500
            // by the session it cannot keep while the database is away
            var refused = new Visitor(app).postExactly("/sign-in", java.util.Map.of("email", "someone@example.org"));
            assertThat(refused.statusCode()).isEqualTo(403);
        } finally {
            proxy.start();
        }

        long back = System.nanoTime();
        awaitReady();
        System.out.printf("Ready again %d ms after the database came back%n", (System.nanoTime() - back) / 1_000_000);
        assertThat(returning.get("/").statusCode()).isEqualTo(200);
    }

    /** Recovery takes the pool a moment (it replaces broken connections); it must not take a restart. */
    private static void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        int status;
        while ((status = app.get("/ready").statusCode()) != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(status)
                .as("ready again within 20 s of the database coming back")
                .isEqualTo(200);
    }

    @Test
    void readinessIsRedWhenAMigrationFailed() {
        db.dsl().execute("update flyway_schema_history set success = false where version = '1'");
        try {
            assertThat(app.get("/ready").statusCode()).isEqualTo(503);
        } finally {
            db.dsl().execute("update flyway_schema_history set success = true where version = '1'");
        }
        assertThat(app.get("/ready").statusCode()).isEqualTo(200);
    }
}

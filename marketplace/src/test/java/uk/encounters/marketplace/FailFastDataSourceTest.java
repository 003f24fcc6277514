package uk.encounters.marketplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import uk.encounters.marketplace.testing.TestDatabase;

/** The pool's breaker against real PostgreSQL servers: one that is not there yet, and one that is busy. */
@Tag("fault")
class FailFastDataSourceTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @TempDir
    Path dataDirectory;

    @Test
    void whileTheServerIsUnreachableCallersFailAtOnceAndConnectAgainOnceItIsBack() throws Exception {
        int port = freePort();
        try (Database database = Database.open(
                new DatabaseSettings("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", null, 2))) {
            long first = System.nanoTime();
            assertThatThrownBy(() -> database.dataSource().getConnection())
                    .isInstanceOf(SQLTransientConnectionException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - first))
                    .as("the first caller waits for the pool")
                    .isGreaterThanOrEqualTo(Database.CONNECTION_TIMEOUT.minusMillis(100));
            assertThat(database.isUnreachable()).isTrue();

            long next = System.nanoTime();
            assertThatThrownBy(() -> database.dsl().selectOne().fetch())
                    .isInstanceOf(DataAccessException.class)
                    .satisfies(e -> assertThat(Database.isUnavailable(e))
                            .as("a 503, not a 500")
                            .isTrue());
            assertThat(Duration.ofNanos(System.nanoTime() - next))
                    .as("the next fails at once")
                    .isLessThan(Duration.ofMillis(200));
            assertThat(database.isReady()).isFalse();

            try (EmbeddedPostgres server = EmbeddedPostgres.start(dataDirectory.resolve("pg"), port)) {
                long back = System.nanoTime();
                long deadline = back + Duration.ofSeconds(20).toNanos();
                while (!answers(database) && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                System.out.printf(
                        "Connected again %d ms after PostgreSQL started%n", (System.nanoTime() - back) / 1_000_000);
                assertThat(answers(database)).isTrue();
                assertThat(database.isUnreachable()).isFalse();
            }
        }
    }

    @Test
    void aBusyPoolIsLoadNotAnOutage() throws Exception {
        try (Database database = Database.open(db.settings().withPoolSize(1))) {
            try (Connection held = database.dataSource().getConnection()) {
                assertThatThrownBy(() -> database.dataSource().getConnection())
                        .isInstanceOf(SQLTransientConnectionException.class);
                assertThat(database.isUnreachable())
                        .as("every connection lent out is not an outage")
                        .isFalse();
            }
            assertThat(database.dsl().selectOne().fetchOne(0, Integer.class))
                    .as("served, not turned away")
                    .isEqualTo(1);
        }
    }

    @Test
    void aQueryCutOffByTheServerOpensTheBreakerUntilThePoolConnectsAgain() throws InterruptedException {
        // one connection: after it is cut the pool must connect anew, so the breaker stays open for a few ms
        try (Database database = Database.open(db.settings().withPoolSize(1))) {
            assertThatThrownBy(() -> database.dsl().execute("select pg_terminate_backend(pg_backend_pid())"))
                    .satisfies(e -> assertThat(Database.isUnavailable(e)).isTrue());
            long cut = System.nanoTime();
            assertThat(database.isUnreachable())
                    .as("a backend terminated as in a shutdown")
                    .isTrue();

            while (database.isUnreachable()
                    && System.nanoTime() - cut < Duration.ofSeconds(5).toNanos()) {
                Thread.sleep(10);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - cut))
                    .as("the server still answers: closed again at once")
                    .isLessThan(Duration.ofSeconds(1));
            assertThat(database.dsl().selectOne().fetchOne(0, Integer.class)).isEqualTo(1);
        }
    }

    private static boolean answers(Database database) {
        try {
            return database.dsl().selectOne().fetchOne(0, Integer.class) == 1;
        } catch (DataAccessException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

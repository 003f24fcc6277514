package uk.encounters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.testing.TestDatabase;

/**
 * Upgrading a real database with {@code encounters serve}, run as its own process: a migration that
 * fails, a history this version must not build on, or a schema from a newer release each stop the app
 * before it serves, with a non-zero status and one paragraph on stderr saying which migration, what
 * PostgreSQL said and what to do; no stack trace.
 */
@Tag("fault")
class UpgradeTest {

    /** As the release before the matching round (V6) left it. */
    @RegisterExtension
    static final TestDatabase previousRelease = TestDatabase.migratedTo("5");

    @RegisterExtension
    static final TestDatabase halfUpgraded = TestDatabase.migratedTo("5");

    @RegisterExtension
    static final TestDatabase editedMigration = new TestDatabase();

    @RegisterExtension
    static final TestDatabase newerRelease = new TestDatabase();

    @Test
    void aMigrationThatFailsStopsTheAppWithWhichMigrationWhatPostgresSaidAndWhatToDo() {
        // Someone made by hand a table that migration 6 creates: the upgrade to 6 fails on it.
        previousRelease.dsl().execute("create table round_unmatched (id integer)");
        int port = EncountersProcess.freePort();

        var outcome = serve(previousRelease, port);

        assertRefusedToStart(outcome, port);
        assertThat(outcome.stderr())
                .contains(
                        "The database upgrade failed at migration 6 (matching round)",
                        "ERROR: relation \"round_unmatched\" already exists [SQL state 42P07]",
                        "PostgreSQL rolled back that migration's changes",
                        "restore the backup taken before this upgrade",
                        "run 'encounters migrate'");
        // Nothing of migration 6 stayed: its first statement added this column.
        assertThat(schemaVersion(previousRelease)).isEqualTo("5");
        assertThat(previousRelease
                        .dsl()
                        .fetchExists(previousRelease
                                .dsl()
                                .selectOne()
                                .from("information_schema.columns")
                                .where("table_name = 'matching_round' and column_name = 'time_limit_seconds'")))
                .isFalse();

        // Fixing the cause and running `encounters migrate`, as the message says, completes the upgrade.
        previousRelease.dsl().execute("drop table round_unmatched");
        var migrate = EncountersProcess.run(previousRelease, Map.of(), Duration.ofSeconds(60), "migrate");
        assertThat(migrate.exitStatus()).as(migrate.stderr()).isZero();
        assertThat(Integer.parseInt(schemaVersion(previousRelease))).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aMigrationMarkedFailedInTheHistoryStopsTheApp() {
        // What Flyway records when a migration that cannot run in a transaction fails part-way.
        halfUpgraded.dsl().execute("""
                insert into flyway_schema_history (installed_rank, version, description, type, script, checksum,
                                                   installed_by, execution_time, success)
                select max(installed_rank) + 1, '6', 'matching round', 'SQL', 'V6__matching_round.sql', 1,
                       current_user, 10, false
                from flyway_schema_history""");
        int port = EncountersProcess.freePort();

        var outcome = serve(halfUpgraded, port);

        assertRefusedToStart(outcome, port);
        assertThat(outcome.stderr())
                .contains(
                        "Migration 6 (matching round) failed part-way",
                        "restore the backup taken before this upgrade",
                        "delete its row from flyway_schema_history");
    }

    @Test
    void aMigrationChangedSinceItWasAppliedStopsTheApp() {
        editedMigration.dsl().execute("update flyway_schema_history set checksum = checksum + 1 where version = '6'");
        int port = EncountersProcess.freePort();

        var outcome = serve(editedMigration, port);

        assertRefusedToStart(outcome, port);
        assertThat(outcome.stderr())
                .containsPattern(
                        "Migration 6 \\(matching round\\) was applied to this database with other contents than this"
                                + " version of the app holds \\(checksum -?\\d+ in flyway_schema_history, -?\\d+ here\\)")
                .contains("restore the backup taken before this upgrade");
    }

    @Test
    void anOlderAppRefusesADatabaseANewerReleaseUpgraded() {
        newerRelease.dsl().execute("""
                insert into flyway_schema_history (installed_rank, version, description, type, script, checksum,
                                                   installed_by, execution_time, success)
                select max(installed_rank) + 1, '999', 'from a newer release', 'SQL', 'V999__from_a_newer_release.sql',
                       1, current_user, 10, true
                from flyway_schema_history""");
        int port = EncountersProcess.freePort();

        var outcome = serve(newerRelease, port);

        assertRefusedToStart(outcome, port);
        assertThat(outcome.stderr())
                .containsPattern("The database is at migration 999 \\(from a newer release\\),"
                        + " newer than this version of the app knows \\(up to \\d+\\)")
                .contains("run the newer release", "restore the backup taken before that upgrade");
    }

    @Test
    void aDatabaseThatCannotBeReachedStopsTheAppWithOneLineNotFlywaysTable() {
        int port = EncountersProcess.freePort();
        int closed = EncountersProcess.freePort();

        var outcome = EncountersProcess.run(
                previousRelease,
                Map.of(
                        "PORT",
                        String.valueOf(port),
                        "DATABASE_URL",
                        "jdbc:postgresql://127.0.0.1:" + closed + "/encounters"),
                Duration.ofSeconds(60),
                "serve");

        assertRefusedToStart(outcome, port);
        assertThat(outcome.stderr())
                .contains(
                        "Could not migrate the database, so the app will not start: Connection to 127.0.0.1:" + closed
                                + " refused",
                        "[SQL state 08001]");
    }

    private static EncountersProcess.Outcome serve(TestDatabase db, int port) {
        return EncountersProcess.run(
                db,
                Map.of("PORT", String.valueOf(port), "SESSION_SECRET", "upgrade-test"),
                Duration.ofSeconds(60),
                "serve");
    }

    /** It exited by itself (a serving app runs until stopped), non-zero, with one paragraph and no stack trace. */
    private static void assertRefusedToStart(EncountersProcess.Outcome outcome, int port) {
        String printed = outcome.stdout() + outcome.stderr();
        assertThat(outcome.exitStatus())
                .as("exit status; it printed:%n%s", printed)
                .isNotNull()
                .isNotZero();
        assertThat(outcome.stdout()).doesNotContain("Serving");
        assertThat(outcome.stderr().strip())
                .startsWith("encounters: ")
                .as("one paragraph")
                .doesNotContain("\n");
        assertThat(printed).doesNotContain("\tat ", "Exception");
        assertThatThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                    }
                })
                .isInstanceOf(IOException.class);
    }

    private static String schemaVersion(TestDatabase db) {
        return db.dsl()
                .fetchValue("select version from flyway_schema_history where success"
                        + " order by installed_rank desc limit 1")
                .toString();
    }
}

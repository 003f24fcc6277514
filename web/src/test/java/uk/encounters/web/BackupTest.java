package uk.encounters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.HUB;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.cli.Operator;

/**
 * The backup and restore of docs/operations.md, done for real: pg_dump of a small hub, pg_restore into a fresh
 * database, and the app accepts and serves the copy.
 */
class BackupTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @RegisterExtension
    static final TestDatabase live = new TestDatabase();

    @RegisterExtension
    static final TestDatabase fresh = TestDatabase.empty();

    @Test
    void aDumpRestoredIntoAFreshDatabaseHasEveryRowAndTheAppServesFromIt(@TempDir Path directory) {
        PostgresClientTools tools = PostgresClientTools.matching(live);
        seedASmallHub();
        assertThat(new Operator(live).run("invite-admin", "--email", "ops@example.org", "--name", "Olu Ops"))
                .isZero();
        Map<String, String> before = tables(live);
        assertThat(before)
                .containsKeys(
                        "hub",
                        "school",
                        "pupil",
                        "employer",
                        "offer",
                        "request",
                        "booking",
                        "booking_pupil",
                        "encounter",
                        "app_user",
                        "outbox",
                        "flyway_schema_history");
        Path backup = directory.resolve("encounters.dump");

        tools.dump(live.settings(), backup);
        tools.restore(backup, fresh.settings());

        assertThat(backup).isNotEmptyFile();
        assertThat(tables(fresh)).isEqualTo(before);
        // The app takes the copy as it is: nothing to migrate, every checksum valid, ready.
        assertThat(fresh.database().migrate().migrationsExecuted).isZero();
        assertThat(fresh.database().isReady()).isTrue();
        try (RunningApp app = RunningApp.start(fresh.database(), TODAY)) {
            assertThat(app.get("/ready").statusCode()).isEqualTo(200);
            assertThat(app.get("/").statusCode()).isEqualTo(200);
        }
        // Identity sequences came along: new rows do not collide with restored ones.
        long newest = fresh.dsl()
                .select(org.jooq.impl.DSL.max(HUB.ID))
                .from(HUB)
                .fetchOne()
                .value1();
        assertThat(new TestData(fresh.dsl()).hub("Opened after the restore")).isGreaterThan(newest);
    }

    private static void seedASmallHub() {
        TestData data = new TestData(live.dsl());
        long hub = data.hub("Gŵyr & Ōtautahi hub – “quotes”");
        long employer = data.employer(hub, "Ŵelsh Ŵidgets Ltd");
        long offer = data.offer(employer, OfferStatus.ACTIVE, TODAY.plusMonths(3));
        for (String name : new String[] {"Ysgol Gyfun Gŵyr", "St Æthelred's Academy"}) {
            long school = data.school(hub, name);
            long request = data.request(school, 9, RequestStatus.OPEN, TODAY.plusWeeks(2));
            long volunteer = data.volunteer(employer);
            long booking = data.booking(request, offer, volunteer, TODAY.plusWeeks(3), BookingStatus.PUBLISHED);
            for (int i = 0; i < 20; i++) {
                long pupil = data.pupil(school, 7 + i % 7);
                data.encounter(pupil, TODAY.minusMonths(2), i % 3 != 0);
                if (i < 10) {
                    data.choose(booking, pupil);
                }
            }
        }
    }

    /** Every table in the schema with its row count and a digest of its rows, so a lost or changed row shows. */
    private static Map<String, String> tables(TestDatabase db) {
        Map<String, String> tables = new LinkedHashMap<>();
        for (String table : db
                .dsl()
                .fetchValues("select table_name::text from information_schema.tables"
                        + " where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name")
                .stream()
                .map(Object::toString)
                .toList()) {
            var row = db.dsl()
                    .fetchOne("select count(*), coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
                            + " from \"" + table + "\" t");
            tables.put(table, row.get(0) + " rows, " + row.get(1));
        }
        return tables;
    }
}

package uk.encounters.web.school;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Passwords;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.csv.CsvTable;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** The careers log and the evidence files, from the encounter records. */
class EvidenceRoutesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final String PASSWORD = "correct horse battery staple";
    static RunningApp app;
    static long school;
    static long booking;
    static String reference;

    @BeforeAll
    static void aPupilWithHistoryAndABooking() {
        TestData data = new TestData(db.dsl());
        long hub = data.hub("Derby Careers Hub");
        school = data.school(hub, "Bemrose School");
        long otherSchool = data.school(hub, "Other School");
        long pupil = data.pupil(school, 9);
        long classmate = data.pupil(school, 9);
        reference = db.dsl().select(PUPIL.REFERENCE).from(PUPIL).where(PUPIL.ID.eq(pupil)).fetchOne(0, String.class);
        db.dsl().insertInto(ENCOUNTER, ENCOUNTER.PUPIL_ID, ENCOUNTER.ENCOUNTER_TYPE, ENCOUNTER.OCCURRED_ON,
                ENCOUNTER.PROVIDER_NAME).values(pupil, "careers_fair", LocalDate.of(2025, 6, 1), "=HYPERLINK(\"evil\")")
                .execute();
        booking = data.booking(data.request(school, 9, "matched", TODAY.minusWeeks(3)),
                data.offer(data.employer(hub, "Rolls-Royce, Derby"), "active", TODAY.plusMonths(2)), null,
                TODAY.minusWeeks(2), "delivered");
        for (long p : new long[] {pupil, classmate}) {
            db.dsl().insertInto(ENCOUNTER, ENCOUNTER.PUPIL_ID, ENCOUNTER.BOOKING_ID, ENCOUNTER.ENCOUNTER_TYPE,
                    ENCOUNTER.OCCURRED_ON, ENCOUNTER.ATTENDED).values(p, booking, "careers_talk", TODAY.minusWeeks(2),
                    p == pupil).execute();
        }
        String hash = new Passwords().hash(PASSWORD);
        new AccountRepository(db.dsl()).create("carla@bemrose.example", "Carla", hash, Scope.careersLeader(school));
        new AccountRepository(db.dsl()).create("olly@other.example", "Olly", hash, Scope.careersLeader(otherSchool));
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aPupilsLogListsEveryEncounterWithItsProviderAndDownloadsForTheirNextSchool() {
        Visitor visitor = new Visitor(app).signIn("carla@bemrose.example", PASSWORD);

        String page = visitor.get("/schools/" + school + "/pupils/log?reference=" + reference).body();
        assertThat(page).contains("Encounters of pupil " + reference + ": 2 attended")
                .contains("Careers fair stall").contains("Rolls-Royce, Derby");

        HttpResponse<String> file = visitor.get("/schools/" + school + "/pupils/log.csv?reference=" + reference);
        assertThat(file.headers().firstValue("content-disposition").orElse(""))
                .contains("careers-log-" + reference + ".csv");
        assertThat(file.body()).contains("'=HYPERLINK").contains("\"Rolls-Royce, Derby\"");

        HttpResponse<String> unknown = visitor.get("/schools/" + school + "/pupils/log?reference=NOBODY");
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body()).contains("No encounters are recorded for a pupil with the reference NOBODY");
    }

    @Test
    void theEvidenceFilesHoldOneRowPerEncounterAndPerBooking() throws Exception {
        Visitor visitor = new Visitor(app).signIn("carla@bemrose.example", PASSWORD);

        CsvTable encounters = CsvTable.parse(visitor.get("/schools/" + school + "/evidence/encounters.csv").body());
        assertThat(encounters.columns()).containsExactly("pupil_reference", "year_group", "disadvantaged", "date", "type",
                "benchmark", "provider", "attended", "booking");
        assertThat(encounters.rows()).hasSize(3);
        assertThat(encounters.rows()).filteredOn(r -> r.get("booking").equals(String.valueOf(booking)))
                .extracting(r -> r.get("attended")).containsExactlyInAnyOrder("yes", "no");

        CsvTable bookings = CsvTable.parse(visitor.get("/schools/" + school + "/evidence/bookings.csv").body());
        assertThat(bookings.rows()).singleElement().satisfies(r -> {
            assertThat(r.get("employer")).isEqualTo("Rolls-Royce, Derby");
            assertThat(r.get("attended")).isEqualTo("1");
            assertThat(r.get("absent")).isEqualTo("1");
            assertThat(r.get("benchmark")).isEqualTo("5");
        });
    }

    @Test
    void anotherSchoolsCareersLeaderGetsNoneOfIt() {
        Visitor other = new Visitor(app).signIn("olly@other.example", PASSWORD);

        assertThat(other.get("/schools/" + school + "/evidence/encounters.csv").statusCode()).isEqualTo(403);
        assertThat(other.get("/schools/" + school + "/pupils/log?reference=" + reference).statusCode()).isEqualTo(403);
    }
}

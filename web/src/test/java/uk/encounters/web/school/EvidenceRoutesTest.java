package uk.encounters.web.school;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.csv.CsvTable;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** The careers log and the evidence files, from the encounter records. */
class EvidenceRoutesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
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
        reference = db.dsl()
                .select(PUPIL.REFERENCE)
                .from(PUPIL)
                .where(PUPIL.ID.eq(pupil))
                .fetchOne(0, String.class);
        db.dsl()
                .insertInto(
                        ENCOUNTER,
                        ENCOUNTER.PUPIL_ID,
                        ENCOUNTER.ENCOUNTER_TYPE,
                        ENCOUNTER.OCCURRED_ON,
                        ENCOUNTER.PROVIDER_NAME)
                .values(pupil, "careers_fair", LocalDate.of(2025, 6, 1), "=HYPERLINK(\"evil\")")
                .execute();
        booking = data.booking(
                data.request(school, 9, RequestStatus.MATCHED, TODAY.minusWeeks(3)),
                data.offer(data.employer(hub, "Rolls-Royce, Derby"), OfferStatus.ACTIVE, TODAY.plusMonths(2)),
                null,
                TODAY.minusWeeks(2),
                BookingStatus.DELIVERED);
        for (long p : new long[] {pupil, classmate}) {
            db.dsl()
                    .insertInto(
                            ENCOUNTER,
                            ENCOUNTER.PUPIL_ID,
                            ENCOUNTER.BOOKING_ID,
                            ENCOUNTER.ENCOUNTER_TYPE,
                            ENCOUNTER.OCCURRED_ON,
                            ENCOUNTER.ATTENDED)
                    .values(p, booking, "careers_talk", TODAY.minusWeeks(2), p == pupil)
                    .execute();
        }
        Accounts.create(db.dsl(), "carla@bemrose.example", "Carla", Scope.careersLeader(school));
        Accounts.create(db.dsl(), "olly@other.example", "Olly", Scope.careersLeader(otherSchool));
        // the pupil who moves to the other school, known there by its own reference
        db.dsl()
                .insertInto(PUPIL, PUPIL.SCHOOL_ID, PUPIL.REFERENCE, PUPIL.YEAR_GROUP)
                .values(otherSchool, "OTHER-ARRIVAL", (short) 9)
                .execute();
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aPupilsLogListsEveryEncounterWithItsProviderAndDownloadsForTheirNextSchool() {
        Visitor visitor = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);

        String page = visitor.get("/schools/" + school + "/pupils/log?reference=" + reference)
                .body();
        assertThat(page)
                .contains("Encounters of pupil " + reference + ": 2 attended")
                .contains("Careers fair stall")
                .contains("Rolls-Royce, Derby");

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
        Visitor visitor = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);

        CsvTable encounters = CsvTable.parse(
                visitor.get("/schools/" + school + "/evidence/encounters.csv").body());
        assertThat(encounters.columns())
                .containsExactly(
                        "pupil_reference",
                        "year_group",
                        "disadvantaged",
                        "date",
                        "type",
                        "benchmark",
                        "provider",
                        "attended",
                        "booking",
                        "hours");
        // Year 9 is this fixture's; another test adds a Year 10 newcomer's history
        assertThat(encounters.rows())
                .filteredOn(r -> r.get("year_group").equals("9"))
                .hasSize(3);
        assertThat(encounters.rows())
                .filteredOn(r -> r.get("booking").equals(String.valueOf(booking)))
                .extracting(r -> r.get("attended"))
                .containsExactlyInAnyOrder("yes", "no");

        CsvTable bookings = CsvTable.parse(
                visitor.get("/schools/" + school + "/evidence/bookings.csv").body());
        assertThat(bookings.rows()).singleElement().satisfies(r -> {
            assertThat(r.get("employer")).isEqualTo("Rolls-Royce, Derby");
            assertThat(r.get("attended")).isEqualTo("1");
            assertThat(r.get("absent")).isEqualTo("1");
            assertThat(r.get("benchmark")).isEqualTo("5");
            assertThat(r.get("hours")).as("a talk has none").isEmpty();
        });
    }

    @Test
    void aLogFromAPupilsPreviousSchoolIsCheckedThenAddedOnceAsHistory() {
        Visitor visitor = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);
        long newcomer = new TestData(db.dsl()).pupil(school, 10);
        String newRef = db.dsl()
                .select(PUPIL.REFERENCE)
                .from(PUPIL)
                .where(PUPIL.ID.eq(newcomer))
                .fetchOne(0, String.class);
        // the file this app writes at the previous school, plus one row that is wrong
        String log = "pupil_reference,year_group,disadvantaged,date,type,benchmark,provider,attended,booking\r\n"
                + "OLD-7,9,no,2025-03-10,Careers talk,5,\"Toyota, Burnaston\",yes,12\r\n"
                + "OLD-7,9,no,2025-06-20,Workplace visit,6,Royal Derby Hospital,yes,\r\n"
                + "OLD-7,9,no,2025-07-01,Juggling,5,Circus,yes,\r\n";
        String path = "/schools/" + school + "/import/log";
        visitor.get("/schools/" + school + "/pupils/log");

        HttpResponse<String> unknownPupil = visitor.post(path, Map.of("importReference", "NOBODY", "csv", log));
        assertThat(unknownPupil.statusCode()).isEqualTo(422);
        assertThat(unknownPupil.body())
                .contains("No pupil here has the reference NOBODY")
                .as("beside the import's field, not the lookup's")
                .contains("<span id=\"importReference-error\"")
                .doesNotContain("<span id=\"reference-error\"")
                .contains("<a href=\"#importReference\">");

        HttpResponse<String> preview = visitor.post(path, Map.of("importReference", newRef, "csv", log));
        assertThat(preview.body())
                .contains("1 of the rows have errors")
                .contains("is not one this log records")
                .contains("name=\"importReference\" value=\"" + newRef + "\"");
        assertThat(db.dsl().fetchCount(ENCOUNTER, ENCOUNTER.PUPIL_ID.eq(newcomer)))
                .isZero();

        visitor.post(path, Map.of("importReference", newRef, "csv", log, "action", "save", "skipBadRows", "true"));
        visitor.get("/schools/" + school + "/pupils/log");
        visitor.post(path, Map.of("importReference", newRef, "csv", log, "action", "save", "skipBadRows", "true"));

        assertThat(db.dsl()
                        .select(ENCOUNTER.ENCOUNTER_TYPE, ENCOUNTER.PROVIDER_NAME, ENCOUNTER.BOOKING_ID)
                        .from(ENCOUNTER)
                        .where(ENCOUNTER.PUPIL_ID.eq(newcomer))
                        .orderBy(ENCOUNTER.OCCURRED_ON)
                        .fetch(r -> r.value1() + " " + r.value2() + " " + r.value3()))
                .as("history, added once however often the file is imported")
                .containsExactly("careers_talk Toyota, Burnaston null", "workplace_visit Royal Derby Hospital null");
    }

    @Test
    void aLogDownloadedAtOneSchoolImportsAtTheNextWithItsEncountersCounted() {
        String sent = new Visitor(app)
                .signIn("carla@bemrose.example", Accounts.PASSWORD)
                .get("/schools/" + school + "/pupils/log.csv?reference=" + reference)
                .body();
        long otherSchool = db.dsl().fetchValue(PUPIL.SCHOOL_ID, PUPIL.REFERENCE.eq("OTHER-ARRIVAL"));
        Visitor next = new Visitor(app).signIn("olly@other.example", Accounts.PASSWORD);
        next.get("/schools/" + otherSchool + "/pupils/log");

        HttpResponse<String> saved = next.post(
                "/schools/" + otherSchool + "/import/log",
                Map.of("importReference", "OTHER-ARRIVAL", "csv", sent, "action", "save"));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(next.get("/schools/" + otherSchool + "/pupils/log?reference=OTHER-ARRIVAL")
                        .body())
                .as("the careers fair and the talk attended at the first school; the classmate's absence is not theirs")
                .contains("Encounters of pupil OTHER-ARRIVAL: 2 attended")
                .contains("Careers fair stall")
                .contains("Rolls-Royce, Derby");
    }

    @Test
    void aPreviousSchoolsLogBringsItsHoursAndAVirtualVisitItCountedForBenchmark5StaysOne() {
        Visitor visitor = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);
        long newcomer = new TestData(db.dsl()).pupil(school, 11);
        String newRef = db.dsl().fetchValue(PUPIL.REFERENCE, PUPIL.ID.eq(newcomer));
        String log = "pupil_reference,year_group,disadvantaged,date,type,benchmark,provider,attended,booking,hours\r\n"
                + "OLD-8,10,no,2025-07-07,Work experience placement,6,Toyota,yes,,25\r\n"
                + "OLD-8,10,no,2025-10-01,Workplace visit,5,Online tour,yes,,\r\n"
                + "OLD-8,10,no,2025-11-01,Careers talk,5,NHS,yes,,3\r\n"
                + "OLD-8,10,no,2025-12-01,Work shadowing,6,Bank,yes,,two days\r\n";
        String path = "/schools/" + school + "/import/log";
        visitor.get("/schools/" + school + "/pupils/log");

        HttpResponse<String> preview = visitor.post(path, Map.of("importReference", newRef, "csv", log));
        assertThat(preview.body())
                .contains("2 of the rows have errors")
                .contains("Hours are kept only for a workplace experience attended: leave them blank")
                .contains("Hours must be a number of hours, like 5 or 2.5");
        visitor.post(path, Map.of("importReference", newRef, "csv", log, "action", "save", "skipBadRows", "true"));

        assertThat(db.dsl()
                        .select(ENCOUNTER.ENCOUNTER_TYPE, ENCOUNTER.HOURS)
                        .from(ENCOUNTER)
                        .where(ENCOUNTER.PUPIL_ID.eq(newcomer))
                        .orderBy(ENCOUNTER.OCCURRED_ON)
                        .fetch(r -> r.value1() + " " + r.value2()))
                .containsExactly("work_experience 25.0", "online_insight null");
        assertThat(visitor.get("/schools/" + school + "/pupils/log?reference=" + newRef)
                        .body())
                .contains("Workplace experiences: 1, <strong>25 hours</strong>");
    }

    @Test
    void theCareersLogPageHasEachIdOnceAndEachLabelFindsItsField() {
        Visitor visitor = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);

        String page = visitor.get("/schools/" + school + "/pupils/log?reference=" + reference)
                .body();

        java.util.List<String> ids = java.util.regex.Pattern.compile("\\sid=\"([^\"]+)\"")
                .matcher(page)
                .results()
                .map(m -> m.group(1))
                .toList();
        assertThat(ids).doesNotHaveDuplicates().contains("reference", "importReference");
        java.util.regex.Pattern.compile("<label for=\"([^\"]+)\"")
                .matcher(page)
                .results()
                .forEach(label -> assertThat(ids).as("a field for the label").contains(label.group(1)));
        assertThat(page)
                .contains("<label for=\"importReference\">The pupil&#x27;s reference at this school</label>")
                .contains("name=\"importReference\"");
    }

    @Test
    void anotherSchoolsCareersLeaderGetsNoneOfIt() {
        Visitor other = new Visitor(app).signIn("olly@other.example", Accounts.PASSWORD);

        assertThat(other.get("/schools/" + school + "/evidence/encounters.csv").statusCode())
                .isEqualTo(403);
        assertThat(other.get("/schools/" + school + "/pupils/log?reference=" + reference)
                        .statusCode())
                .isEqualTo(403);
    }
}

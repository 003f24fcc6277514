package uk.encounters.web.school;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.pupil.Upn;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;
import uk.encounters.web.WebConfig;

/**
 * The Compass+ file: the school's MIS export, uploaded with the request, puts each learner's UPN
 * beside their attended encounters; a pupil the export lacks is listed by reference with a note;
 * the upload is kept nowhere.
 */
class CompassPlusExportTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Map<String, String> ENVIRONMENT =
            Map.of("PUPIL_REFERENCE_KEY", "a test key of thirty-two characters or more");
    static final String SIMS = "UPN,Surname,Forename,Reg Group,Year,DOB\r\n"
            + "W831412524001,Oyelaran,Tobiloba,9OY,Year 9,14/03/2012\r\n"
            + "K831412524002,Hallworth,Maisie,9HW,Year 9,02/11/2011\r\n";

    static RunningApp app;
    static long school;
    static String madeUpReference;

    @BeforeAll
    static void pupilsWithEncounters() {
        TestData data = new TestData(db.dsl());
        school = data.school(data.hub("Derby Careers Hub"), "Bemrose School");
        long tobi = pupil("W831412524001");
        long maisie = pupil("K831412524002");
        long madeUp = data.pupil(school, 9);
        madeUpReference = db.dsl().fetchValue(PUPIL.REFERENCE, PUPIL.ID.eq(madeUp));
        encounter(tobi, "careers_talk", LocalDate.of(2026, 3, 10), "Toyota, Burnaston", true);
        encounter(maisie, "workplace_visit", LocalDate.of(2026, 6, 20), "Royal Derby Hospital", true);
        encounter(maisie, "careers_fair", LocalDate.of(2026, 7, 1), "Derby College", false);
        encounter(madeUp, "careers_fair", LocalDate.of(2026, 7, 1), "Derby College", true);
        Accounts.create(db.dsl(), "carla@bemrose.example", "Carla", Scope.careersLeader(school));
        app = RunningApp.start(db.database(), TODAY, ENVIRONMENT);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theMisExportPutsEachLearnersUpnBesideTheirAttendedEncounters() {
        Visitor visitor = signedIn();

        HttpResponse<String> file = visitor.upload(path(), "file", "sims.csv", SIMS.getBytes(StandardCharsets.UTF_8));

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("content-disposition").orElse("")).contains("compass-plus-activities.csv");
        assertThat(file.headers().firstValue("cache-control").orElse("")).isEqualTo("no-store");
        assertThat(file.body().replaceFirst("^\uFEFF", "").lines().toList())
                .containsExactly(
                        "Activity name,Benchmark,Date,Provider,Learner UPN,Note",
                        "\"Careers talk with Toyota, Burnaston\",5,10/03/2026,\"Toyota, Burnaston\",W831412524001,",
                        "Workplace visit with Royal Derby Hospital,6,20/06/2026,Royal Derby Hospital,K831412524002,",
                        "Careers fair stall with Derby College,5,01/07/2026,Derby College,,\"Pupil " + madeUpReference
                                + " has no UPN in the uploaded export (a leaver, or a reference made here): add them in"
                                + " Compass+ by hand, or leave this row out\"");
        assertThat(List.of("Oyelaran", "Tobiloba", "Hallworth", "Maisie", "14/03/2012"))
                .allSatisfy(name -> assertThat(file.body()).doesNotContain(name));
    }

    @Test
    void aFileWithoutUpnsIsRefusedBesideTheField() {
        Visitor visitor = signedIn();

        HttpResponse<String> ours = visitor.upload(
                path(), "file", "ours.csv", "reference,year_group\nP1,9\n".getBytes(StandardCharsets.UTF_8));
        assertThat(ours.statusCode()).isEqualTo(422);
        assertThat(ours.body())
                .contains("<span id=\"file-error\"")
                .contains("The file has no UPN column: export your pupils from SIMS, Arbor or Bromcom with their UPNs");

        visitor.get("/schools/" + school + "/evidence/compass-plus");
        HttpResponse<String> none = visitor.upload(path(), "file", "empty.csv", new byte[0]);
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(none.body()).contains("Choose your management information system&#x27;s export of pupils");
    }

    private static Visitor signedIn() {
        Visitor visitor = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);
        assertThat(visitor.get("/schools/" + school + "/evidence/compass-plus").statusCode())
                .isEqualTo(200);
        return visitor;
    }

    private static String path() {
        return "/schools/" + school + "/evidence/compass-plus.csv";
    }

    private static long pupil(String upn) {
        String reference = PupilReferenceKey.of(WebConfig.fromEnvironment(ENVIRONMENT), db.dsl())
                .of(school, Upn.parse(upn).orElseThrow());
        return db.dsl()
                .insertInto(PUPIL, PUPIL.SCHOOL_ID, PUPIL.REFERENCE, PUPIL.YEAR_GROUP)
                .values(school, reference, (short) 9)
                .returning(PUPIL.ID)
                .fetchOne(PUPIL.ID);
    }

    private static void encounter(long pupil, String type, LocalDate on, String provider, boolean attended) {
        db.dsl()
                .insertInto(
                        ENCOUNTER,
                        ENCOUNTER.PUPIL_ID,
                        ENCOUNTER.ENCOUNTER_TYPE,
                        ENCOUNTER.OCCURRED_ON,
                        ENCOUNTER.PROVIDER_NAME,
                        ENCOUNTER.ATTENDED)
                .values(pupil, type, on, provider, attended)
                .execute();
    }
}

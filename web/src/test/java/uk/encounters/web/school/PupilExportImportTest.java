package uk.encounters.web.school;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/**
 * SIMS, Arbor and Bromcom exports (made up, with the systems' own column names) imported through
 * the pupils page: UPNs become private references, names and dates of birth go nowhere, and the
 * same pupils from another system are the same pupils.
 */
class PupilExportImportTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final String SIMS = "UPN,Surname,Forename,Reg Group,Year,Gender,DOB,FSM Ever 6,SEN Status,First Language\r\n"
            + "W831412524001,Oyelaran,Tobiloba,9OY,Year 9,F,14/03/2012,T,N,Yoruba\r\n"
            + "K831412524002,Hallworth,Maisie,9HW,Year 9,F,02/11/2011,F,K,English\r\n"
            + "Z831412524003,Szymanski,Kacper,10SZ,Year 10,M,27/06/2011,F,E,Polish\r\n";
    // the same three pupils a year on, exported by Arbor: one newly pupil premium, one's SEN support ended
    static final String ARBOR = "UPN,First Name,Last Name,Year Group,Pupil Premium,SEN Status,EAL\n"
            + "w831412524001,Tobiloba,Oyelaran,Year 10,Yes,No Special Educational Need,Yes\n"
            + "K831412524002,Maisie,Hallworth,Year 10,Yes,No Special Educational Need,No\n"
            + "Z831412524003,Kacper,Szymanski,Year 11,No,EHC Plan,Yes\n";
    static final List<String> PERSONAL = List.of(
            "Oyelaran",
            "Tobiloba",
            "Hallworth",
            "Maisie",
            "Szymanski",
            "Kacper",
            "14/03/2012",
            "02/11/2011",
            "27/06/2011",
            "831412524",
            "Yoruba",
            "Polish");

    static RunningApp app;
    static long school;
    Visitor visitor;

    @BeforeAll
    static void aSchoolWithItsCareersLeader() {
        TestData data = new TestData(db.dsl());
        school = data.school(data.hub("Derby Careers Hub"), "Bemrose School");
        Accounts.create(db.dsl(), "carla@bemrose.example", "Carla", Scope.careersLeader(school));
        app = RunningApp.start(
                db.database(),
                PupilImportTest.TODAY,
                Map.of("PUPIL_REFERENCE_KEY", "a test key of thirty-two characters or more"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void signInToAnEmptyRoll() {
        db.dsl().deleteFrom(PUPIL).where(PUPIL.SCHOOL_ID.eq(school)).execute();
        visitor = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);
        visitor.get("/schools/" + school + "/pupils");
    }

    @Test
    void aSimsExportIsPreviewedWithoutNamesThenSavedAsPrivateReferences() {
        HttpResponse<String> preview = upload("sims-export.csv", SIMS);

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body())
                .contains("Recognised a SIMS-style export: UPNs turned into private references;"
                        + " names, dates of birth and any other columns ignored.")
                .contains("All 3 rows are ready")
                .containsPattern("U-[A-Z2-7]{16}, Year 9");
        assertThat(PERSONAL).allSatisfy(word -> assertThat(preview.body()).doesNotContain(word));
        assertThat(pupils()).isEmpty();

        HttpResponse<String> saved = visitor.post(path(), saveForm(preview.body()));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(pupils())
                .containsExactlyInAnyOrder(
                        "Year 9 disadvantaged=true send=false eal=true",
                        "Year 9 disadvantaged=false send=true eal=false",
                        "Year 10 disadvantaged=false send=true eal=true");
        assertThat(everythingStoredAboutThePupils())
                .allSatisfy(value -> assertThat(PERSONAL)
                        .noneSatisfy(word -> assertThat(value).contains(word)));
        assertThat(references()).allMatch(reference -> reference.matches("U-[A-Z2-7]{16}"));
        assertThat(visitor.get("/schools/" + school + "/pupils").body())
                .contains("Imported 3 pupils: 3 new, 0 updated");
    }

    @Test
    void reImportingTheSameExportOrTheSamePupilsFromArborAddsNobody() {
        visitor.post(path(), saveForm(upload("sims-export.csv", SIMS).body()));
        List<String> references = references();

        visitor.post(path(), saveForm(upload("sims-export.csv", SIMS).body()));
        assertThat(visitor.get("/schools/" + school + "/pupils").body()).contains("3 pupils: 0 new, 3 updated");

        HttpResponse<String> arbor = upload("arbor-export.csv", ARBOR);
        assertThat(arbor.body()).contains("Recognised an Arbor-style export");
        assertThat(PERSONAL).allSatisfy(word -> assertThat(arbor.body()).doesNotContain(word));
        visitor.post(path(), saveForm(arbor.body()));

        assertThat(visitor.get("/schools/" + school + "/pupils").body()).contains("3 pupils: 0 new, 3 updated");
        assertThat(references()).isEqualTo(references);
        assertThat(pupils())
                .containsExactlyInAnyOrder(
                        "Year 10 disadvantaged=true send=false eal=true",
                        "Year 10 disadvantaged=true send=false eal=false",
                        "Year 11 disadvantaged=false send=true eal=true");
    }

    @Test
    void aBromcomExportsBadRowsAreReportedWithoutTheirUpnsAndSkippedOnlyOnPurpose() {
        String bromcom = "UPN,Legal Forename,Legal Surname,NC Year,PP,SEN Provision,EAL\n"
                + "W831412524001,Tobiloba,Oyelaran,9,Y,N,Y\n"
                + "A831412524002,Maisie,Hallworth,9,N,K,N\n"
                + "W831412524001,Kacper,Szymanski,10,N,E,Y\n"
                + "Z831412524003,Kacper,Szymanski,6,Perhaps,E,Y\n";

        HttpResponse<String> preview = upload("bromcom.csv", bromcom);

        assertThat(preview.body())
                .contains("Recognised a Bromcom-style export")
                .contains("3 of the rows have errors")
                .contains("The UPN is not a valid UPN")
                .contains("The same UPN as line 2")
                .contains("Year group must be between 7 and 13")
                .contains("Pupil premium (or FSM Ever 6) must be Y or N (or blank for N)")
                .contains("Skip the 3 rows with errors and save 1 pupils</button>");
        assertThat(PERSONAL).allSatisfy(word -> assertThat(preview.body()).doesNotContain(word));

        assertThat(visitor.post(path(), Map.of("csv", bromcom, "action", "save"))
                        .statusCode())
                .as("the export itself, saved without choosing to skip")
                .isEqualTo(422);
        assertThat(pupils()).isEmpty();

        assertThat(visitor.post(path(), saveForm(preview.body())).statusCode()).isEqualTo(302);
        assertThat(pupils()).containsExactly("Year 9 disadvantaged=true send=false eal=true");
        assertThat(visitor.get("/schools/" + school + "/pupils").body())
                .contains("Imported 1 pupils: 1 new, 0 updated; 3 rows with errors were skipped.");
    }

    @Test
    void anExportWithAdmissionNumbersOnlyIsMatchedByThem() {
        String sims = "Adno,Surname,Forename,Year,DOB,FSM Ever 6\n001234,Hallworth,Maisie,Year 8,02/11/2012,N\n";
        visitor.post(path(), saveForm(upload("sims.csv", sims).body()));
        String other = "Admission Number,First Name,Last Name,Year Group,Pupil Premium\n1234,Maisie,Hallworth,8,Yes\n";

        HttpResponse<String> preview = upload("arbor.csv", other);
        assertThat(preview.body()).contains("admission numbers turned into private references");
        visitor.post(path(), saveForm(preview.body()));

        assertThat(pupils()).containsExactly("Year 8 disadvantaged=true send=false eal=false");
        assertThat(references()).allMatch(reference -> reference.matches("A-[A-Z2-7]{16}"));
    }

    private HttpResponse<String> upload(String name, String csv) {
        visitor.get("/schools/" + school + "/pupils");
        return visitor.upload(path(), "file", name, csv.getBytes(StandardCharsets.UTF_8));
    }

    /** What the preview's save button posts: its hidden fields, the carried file among them. */
    private static Map<String, String> saveForm(String page) {
        Map<String, String> fields = new HashMap<>();
        Matcher text = Pattern.compile("<textarea name=\"csv\" hidden>([^<]*)</textarea>")
                .matcher(page);
        assertThat(text.find()).as("a save form").isTrue();
        fields.put("csv", text.group(1));
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"(action|skipped)\" value=\"([^\"]*)\">")
                .matcher(page);
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2));
        }
        if (page.contains("id=\"skipBadRows\"")) {
            fields.put("skipBadRows", "true");
        }
        return fields;
    }

    private static String path() {
        return "/schools/" + school + "/import/pupils";
    }

    private static List<String> pupils() {
        return db.dsl()
                .select(PUPIL.YEAR_GROUP, PUPIL.DISADVANTAGED, PUPIL.SEND, PUPIL.EAL)
                .from(PUPIL)
                .where(PUPIL.SCHOOL_ID.eq(school))
                .orderBy(PUPIL.YEAR_GROUP, PUPIL.REFERENCE)
                .fetch(r -> "Year " + r.value1() + " disadvantaged=" + r.value2() + " send=" + r.value3() + " eal="
                        + r.value4());
    }

    private static List<String> references() {
        return db.dsl()
                .select(PUPIL.REFERENCE)
                .from(PUPIL)
                .where(PUPIL.SCHOOL_ID.eq(school))
                .orderBy(PUPIL.REFERENCE)
                .fetch(PUPIL.REFERENCE);
    }

    /** Every column of every pupil row, as text. */
    private static List<String> everythingStoredAboutThePupils() {
        return db.dsl().selectFrom(PUPIL).where(PUPIL.SCHOOL_ID.eq(school)).fetch().stream()
                .flatMap(r -> java.util.Arrays.stream(r.intoArray()))
                .map(String::valueOf)
                .toList();
    }
}

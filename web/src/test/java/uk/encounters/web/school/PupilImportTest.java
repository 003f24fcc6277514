package uk.encounters.web.school;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

/** Pupils from a school's MIS export: previewed, checked row by row, re-imported without duplicates. */
class PupilImportTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static RunningApp app;
    static long school;
    static long otherSchool;
    Visitor visitor;

    @BeforeAll
    static void aSchoolWithItsCareersLeader() {
        TestData data = new TestData(db.dsl());
        long hub = data.hub("Derby Careers Hub");
        school = data.school(hub, "Bemrose School");
        otherSchool = data.school(hub, "Other School");
        Accounts.create(db.dsl(), "carla@bemrose.example", "Carla", Scope.careersLeader(school));
        Accounts.create(db.dsl(), "olly@other.example", "Olly", Scope.careersLeader(otherSchool));
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void signIn() {
        visitor = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);
    }

    @Test
    void aGoodExportWithOddHeadersSemicolonsAndAByteOrderMarkIsPreviewedThenSaved() {
        String csv = "\uFEFFReference;Year Group;Disadvantaged;SEND;EAL\r\n"
                + "G001;Year 9;Yes;;\r\nG002;Y9;no;Y;n\r\nG003;10;1;0;TRUE\r\n";
        String path = "/schools/" + school + "/import/pupils";
        visitor.get("/schools/" + school + "/pupils");

        HttpResponse<String> preview = visitor.upload(path, "file", "export.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("All 3 rows are ready");
        assertThat(pupils("G%")).isEmpty();

        HttpResponse<String> saved = visitor.post(path, Map.of("csv", csv, "action", "save"));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(pupils("G%"))
                .containsExactly("G001 9 true false false", "G002 9 false true false", "G003 10 true false true");
        assertThat(visitor.get("/schools/" + school + "/pupils").body())
                .contains("Imported 3 pupils: 3 new, 0 updated")
                .containsPattern("Year 9</td><td class=\"numeric\">2</td><td class=\"numeric\">1</td>");
    }

    @Test
    void badRowsAreReportedByLineAndNothingIsSavedUntilTheyAreSkippedOnPurpose() {
        String csv = "reference,year_group,disadvantaged\n"
                + "B001,8,yes\n"
                + ",8,no\n"
                + "B003,14,no\n"
                + "B004,8,maybe\n"
                + "B001,9,no\n";
        String path = "/schools/" + school + "/import/pupils";
        visitor.get("/schools/" + school + "/pupils");

        HttpResponse<String> preview = visitor.post(path, Map.of("csv", csv));
        assertThat(preview.body())
                .contains("4 of the rows have errors")
                .contains("Enter the pupil&#x27;s reference")
                .contains("Year group must be between 7 and 13")
                .contains("Disadvantaged must be yes or no")
                .contains("Reference B001 appears twice in the file")
                .as("the one button says it skips the bad rows: no box to tick first")
                .contains("Skip the 4 rows with errors and save 1 pupils</button>")
                .doesNotContain("type=\"checkbox\" id=\"skipBadRows\"");

        assertThat(visitor.post(path, Map.of("csv", csv, "action", "save")).statusCode())
                .isEqualTo(422);
        assertThat(pupils("B%")).isEmpty();

        visitor.post(path, Map.of("csv", csv, "action", "save", "skipBadRows", "true"));
        assertThat(pupils("B%")).containsExactly("B001 8 true false false");
    }

    @Test
    void theTemplateCsvOnThePupilsPageImportsAsItIs() {
        assertThat(visitor.get("/schools/" + school + "/pupils").body())
                .contains("href=\"/static/templates/pupils.csv\" download");
        HttpResponse<String> template = visitor.get("/static/templates/pupils.csv");
        assertThat(template.statusCode()).isEqualTo(200);
        String path = "/schools/" + school + "/import/pupils";
        visitor.get("/schools/" + school + "/pupils");
        assertThat(visitor.post(path, Map.of("csv", template.body(), "action", "save"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(pupils("Y7-2026-00%"))
                .containsExactly("Y7-2026-001 7 true false false", "Y7-2026-002 7 false true false");
    }

    @Test
    void reImportingUpdatesThePupilsAlreadyThereAndNeverDuplicates() {
        String path = "/schools/" + school + "/import/pupils";
        visitor.get("/schools/" + school + "/pupils");
        visitor.post(path, Map.of("csv", "reference,year_group\nR001,7\nR002,7\n", "action", "save"));
        visitor.get("/schools/" + school + "/pupils");

        visitor.post(
                path,
                Map.of(
                        "csv",
                        "reference,year_group,disadvantaged\nR001,7,yes\nR002,8,no\nR003,7,no\n",
                        "action",
                        "save"));

        assertThat(pupils("R%"))
                .containsExactly("R001 7 true false false", "R002 8 false false false", "R003 7 false false false");
        assertThat(visitor.get("/schools/" + school + "/pupils").body()).contains("1 new, 2 updated");
    }

    @Test
    void anExportSavedByOlderExcelInWindows1252IsRead() {
        visitor.get("/schools/" + school + "/pupils");
        byte[] latin = "reference,year_group\nZoë-01,11\n".getBytes(Charset.forName("windows-1252"));

        HttpResponse<String> preview =
                visitor.upload("/schools/" + school + "/import/pupils", "file", "old.csv", latin);

        assertThat(preview.body()).contains("Zoë-01, Year 11").contains("All 1 rows are ready");
    }

    @Test
    void aYearGroupCanBeMadeUpByCountAndBadCountsAreRefused() {
        visitor.get("/schools/" + school + "/pupils");
        HttpResponse<String> bad = visitor.post(
                "/schools/" + school + "/pupils/year-group",
                Map.of("yearGroup", "12", "count", "20", "disadvantagedCount", "21"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("cannot be more than the number of pupils");
        assertThat(pupils("Y12-%")).isEmpty();

        visitor.post(
                "/schools/" + school + "/pupils/year-group",
                Map.of("yearGroup", "12", "count", "20", "disadvantagedCount", "5"));

        List<String> made = pupils("Y12-%");
        assertThat(made).hasSize(20).first().isEqualTo("Y12-2026-001 12 true false false");
        assertThat(made.stream().filter(p -> p.contains(" true ")).count()).isEqualTo(5);
    }

    @Test
    void anotherSchoolsCareersLeaderCannotSeeOrImportThisSchoolsPupils() {
        Visitor other = new Visitor(app).signIn("olly@other.example", Accounts.PASSWORD);

        assertThat(other.get("/schools/" + school + "/pupils").statusCode()).isEqualTo(403);
        other.get("/schools/" + otherSchool + "/pupils");
        assertThat(other.post(
                                "/schools/" + school + "/import/pupils",
                                Map.of("csv", "reference,year_group\nX1,7\n", "action", "save"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(pupils("X1")).isEmpty();
    }

    private static List<String> pupils(String referenceLike) {
        return db.dsl()
                .select(PUPIL.REFERENCE, PUPIL.YEAR_GROUP, PUPIL.DISADVANTAGED, PUPIL.SEND, PUPIL.EAL)
                .from(PUPIL)
                .where(PUPIL.SCHOOL_ID.eq(school))
                .and(PUPIL.REFERENCE.like(referenceLike))
                .orderBy(PUPIL.REFERENCE)
                .fetch(r -> r.value1() + " " + r.value2() + " " + r.value3() + " " + r.value4() + " " + r.value5());
    }
}

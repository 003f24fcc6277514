package uk.encounters.web.school;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL_ACTIVITY;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** A careers leader records the activities the school arranged itself: by form, corrected, deleted, or by file. */
class ActivityRoutesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static RunningApp app;
    static long school;
    static List<String> year9;
    static List<String> year10;

    @BeforeAll
    static void aSchoolWithTwoYearGroups() {
        TestData data = new TestData(db.dsl());
        long hub = data.hub("Derby Careers Hub");
        school = data.school(hub, "Bemrose School");
        long other = data.school(hub, "Other School");
        for (int i = 0; i < 5; i++) {
            data.pupil(school, 9);
            data.pupil(school, 10);
        }
        data.pupil(other, 9);
        year9 = references(9);
        year10 = references(10);
        Accounts.create(db.dsl(), "carla@bemrose.example", "Carla", Scope.careersLeader(school));
        Accounts.create(db.dsl(), "olly@other.example", "Olly", Scope.careersLeader(other));
        app = RunningApp.start(db.database(), TODAY);
    }

    static List<String> references(int yearGroup) {
        return db.dsl()
                .select(PUPIL.REFERENCE)
                .from(PUPIL)
                .where(PUPIL.SCHOOL_ID.eq(school))
                .and(PUPIL.YEAR_GROUP.eq((short) yearGroup))
                .orderBy(PUPIL.ID)
                .fetch(PUPIL.REFERENCE);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @AfterEach
    void forgetActivities() {
        db.dsl().deleteFrom(SCHOOL_ACTIVITY).execute();
    }

    static Visitor carla() {
        Visitor visitor = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);
        visitor.get("/schools/" + school + "/activities");
        return visitor;
    }

    static Map<String, String> fair(String who, String pupils, String absent) {
        Map<String, String> fields = new HashMap<>();
        fields.put("provider", "Our careers fair");
        fields.put("type", "careers_fair");
        fields.put("date", "2026-11-12");
        fields.put("yearGroup", "9");
        fields.put("who", who);
        fields.put("pupils", pupils);
        fields.put("absent", absent);
        return fields;
    }

    @Test
    void aWholeYearGroupLessThoseAbsentIsRecordedInOneFormAndCountsOnTheProgressPage() {
        Visitor carla = carla();

        HttpResponse<String> saved =
                carla.post("/schools/" + school + "/activities", fair("yearGroup", "", year9.get(4)));

        assertThat(saved.statusCode()).isEqualTo(302);
        String list = carla.get("/schools/" + school + "/activities").body();
        assertThat(list)
                .contains(
                        "Recorded: Careers fair stall by Our careers fair on Thu 12 Nov 2026, 4 pupils there, 1 absent.")
                .contains("Thu 12 Nov 2026");
        assertThat(db.dsl()
                        .fetchCount(ENCOUNTER, ENCOUNTER.ACTIVITY_ID.isNotNull().and(ENCOUNTER.ATTENDED)))
                .isEqualTo(4);
        String progress = carla.get("/schools/" + school + "/progress").body().replaceAll(">\\s+<", "><");
        assertThat(progress)
                .containsPattern("Year 9</th><td class=\"numeric\"[^>]*>5</td><td class=\"numeric\"[^>]*>4</td>"
                        + "<td class=\"numeric\"[^>]*>0%</td><td class=\"numeric\"[^>]*>80%</td>");
    }

    @Test
    void aWorkplaceVisitNeedsTheHoursEachPupilSpentThereWhichCountOnlyForThoseThere() {
        Visitor carla = carla();
        Map<String, String> visit = fair("yearGroup", "", year10.get(4));
        visit.put("yearGroup", "10");
        visit.put("type", "workplace_visit");
        visit.put("provider", "Toyota, Burnaston");
        String path = "/schools/" + school + "/activities";

        HttpResponse<String> noHours = carla.post(path, visit);
        assertThat(noHours.statusCode()).isEqualTo(422);
        assertThat(noHours.body())
                .contains("id=\"hours-error\"")
                .contains("Enter the hours each pupil spent there, like 5 for a school day or 3 for a morning");
        visit.put("hours", "25");
        assertThat(carla.post(path, visit).body())
                .contains("Hours each pupil spent there must be more than 0 and at most 24");
        Map<String, String> talk = fair("yearGroup", "", "");
        talk.put("hours", "3");
        assertThat(carla.post(path, talk).body())
                .contains(
                        "Hours are counted for workplace visits, shadowing and work experience only: leave this blank");
        assertThat(db.dsl().fetchCount(SCHOOL_ACTIVITY)).as("nothing saved").isZero();

        visit.put("hours", "4.5");
        assertThat(carla.post(path, visit).statusCode()).isEqualTo(302);

        assertThat(db.dsl()
                        .select(ENCOUNTER.ATTENDED, ENCOUNTER.HOURS)
                        .from(ENCOUNTER)
                        .where(ENCOUNTER.ACTIVITY_ID.isNotNull())
                        .fetch(r -> r.value1() + " " + r.value2()))
                .containsExactlyInAnyOrder("true 4.5", "true 4.5", "true 4.5", "true 4.5", "false null");
        long activity = db.dsl().fetchValue(SCHOOL_ACTIVITY.ID);
        assertThat(carla.get(path + "/" + activity + "/edit").body())
                .contains("id=\"hours\" name=\"hours\" type=\"text\" value=\"4.5\"");
    }

    @Test
    void aClassListWithAnUnknownOrWrongYearReferenceIsShownAgainWithTheErrorBesideItAndNothingIsSaved() {
        Visitor carla = carla();

        HttpResponse<String> unknown =
                carla.post("/schools/" + school + "/activities", fair("list", year9.get(0) + ", NOPE1\nNOPE2", ""));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(unknown.body())
                .contains("No pupil here has the references NOPE1, NOPE2")
                .contains("id=\"pupils-error\"")
                .contains("aria-invalid=\"true\"")
                .contains(year9.get(0) + ", NOPE1");
        HttpResponse<String> wrongYear =
                carla.post("/schools/" + school + "/activities", fair("list", year9.get(0) + " " + year10.get(0), ""));
        assertThat(wrongYear.body()).contains("Not in Year 9: " + year10.get(0));
        HttpResponse<String> absentNotListed =
                carla.post("/schools/" + school + "/activities", fair("list", year9.get(0), year9.get(1)));
        assertThat(absentNotListed.body()).contains("Absent pupils must be among those listed: " + year9.get(1));
        Map<String, String> future = fair("yearGroup", "", "");
        future.put("date", "2026-12-01");
        future.put("provider", "Fair\u0007 bell");
        HttpResponse<String> refused = carla.post("/schools/" + school + "/activities", future);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("Record an activity once it has happened")
                .contains("Who ran it must be one line of text, without tabs, line breaks or other control characters");

        assertThat(db.dsl().fetchCount(SCHOOL_ACTIVITY)).isZero();
        assertThat(db.dsl().fetchCount(ENCOUNTER)).isZero();
    }

    @Test
    void anActivityIsCorrectedAndDeletedOnlyAfterAConfirmation() {
        Visitor carla = carla();
        carla.post("/schools/" + school + "/activities", fair("list", year9.get(0) + " " + year9.get(1), ""));
        long id = db.dsl()
                .select(SCHOOL_ACTIVITY.ID)
                .from(SCHOOL_ACTIVITY)
                .fetchSingle()
                .value1();

        String edit =
                carla.get("/schools/" + school + "/activities/" + id + "/edit").body();
        assertThat(edit).contains("Correct an activity").contains(year9.get(0) + " " + year9.get(1));
        assertThat(carla.post(
                                "/schools/" + school + "/activities/" + id,
                                fair("list", year9.get(0) + " " + year9.get(1) + " " + year9.get(2), year9.get(2)))
                        .statusCode())
                .isEqualTo(302);
        assertThat(db.dsl().fetchCount(ENCOUNTER, ENCOUNTER.ACTIVITY_ID.eq(id))).isEqualTo(3);
        assertThat(db.dsl().fetchCount(ENCOUNTER, ENCOUNTER.ACTIVITY_ID.eq(id).and(ENCOUNTER.ATTENDED)))
                .isEqualTo(2);

        String confirm = carla.get("/schools/" + school + "/activities/" + id + "/delete")
                .body();
        assertThat(confirm).contains("Delete this activity?").contains("It cannot be undone");
        assertThat(db.dsl().fetchCount(SCHOOL_ACTIVITY))
                .as("asking is not deleting")
                .isEqualTo(1);
        HttpResponse<String> unconfirmed = carla.post("/schools/" + school + "/activities/" + id + "/delete", Map.of());
        assertThat(unconfirmed.headers().firstValue("Location"))
                .hasValue("/schools/" + school + "/activities/" + id + "/delete");
        assertThat(db.dsl().fetchCount(SCHOOL_ACTIVITY))
                .as("a post the page did not confirm")
                .isEqualTo(1);
        carla.get(unconfirmed.headers().firstValue("Location").orElseThrow());
        assertThat(carla.post("/schools/" + school + "/activities/" + id + "/delete", Map.of("confirm", "yes"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(db.dsl().fetchCount(SCHOOL_ACTIVITY)).isZero();
        assertThat(db.dsl().fetchCount(ENCOUNTER)).isZero();
        assertThat(carla.get("/schools/" + school + "/activities/" + id + "/edit")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aFileOfPupilsAtActivitiesIsCheckedRowByRowThenSavedAsOneActivityPerDateTypeAndProvider() {
        Visitor carla = carla();
        String csv = "pupil_reference,date,type,provider,attended\n"
                + year9.get(0) + ",2026-10-05,Careers talk,NHS,yes\n"
                + year9.get(1) + ",2026-10-05,careers_talk,NHS,no\n"
                + year10.get(0) + ",2026-10-05,Careers talk,NHS,yes\n"
                + year10.get(1) + ",2026-11-02,Workplace visit,Toyota,\n";
        String withBadRow = csv + "NOPE,2026-11-02,Workplace visit,Toyota,\n";

        HttpResponse<String> preview = carla.upload(
                "/schools/" + school + "/import/activities",
                "file",
                "a.csv",
                withBadRow.getBytes(StandardCharsets.UTF_8));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body())
                .contains("1 of the rows have errors")
                .contains("No pupil here has the reference NOPE")
                .as("the preview's save goes to the import, not to the one-activity form beside it")
                .contains("<form method=\"post\" action=\"/schools/" + school + "/import/activities\">");
        HttpResponse<String> refused =
                carla.post("/schools/" + school + "/import/activities", Map.of("csv", withBadRow, "action", "save"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(db.dsl().fetchCount(SCHOOL_ACTIVITY)).isZero();

        HttpResponse<String> saved =
                carla.post("/schools/" + school + "/import/activities", Map.of("csv", csv, "action", "save"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(carla.get("/schools/" + school + "/activities").body())
                .contains("Recorded 2 activities for 4 pupil places.");
        assertThat(db.dsl()
                        .select(SCHOOL_ACTIVITY.PROVIDER_NAME, SCHOOL_ACTIVITY.YEAR_GROUP)
                        .from(SCHOOL_ACTIVITY)
                        .orderBy(SCHOOL_ACTIVITY.OCCURRED_ON)
                        .fetch(r -> r.value1() + "/" + r.value2()))
                .containsExactly("NHS/null", "Toyota/10");
        assertThat(db.dsl().fetchCount(ENCOUNTER, ENCOUNTER.ATTENDED.isFalse())).isEqualTo(1);
    }

    @Test
    void anotherSchoolsCareersLeaderCanNeitherSeeNorRecordThisSchoolsActivities() {
        Visitor olly = new Visitor(app).signIn("olly@other.example", Accounts.PASSWORD);
        olly.get("/account");

        assertThat(olly.get("/schools/" + school + "/activities").statusCode()).isEqualTo(403);
        assertThat(olly.post("/schools/" + school + "/activities", fair("yearGroup", "", ""))
                        .statusCode())
                .isEqualTo(403);
        assertThat(olly.post("/schools/" + school + "/import/activities", Map.of("csv", "x", "action", "save"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(db.dsl().fetchCount(SCHOOL_ACTIVITY)).isZero();
    }
}

package uk.encounters.web.school;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.jooq.tables.records.RequestRecord;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** The school's progress page: figures by year group and the requests that would close the gaps. */
class DashboardRoutesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static RunningApp app;
    static long school;
    static long otherSchool;

    @BeforeAll
    static void aSchoolWithGaps() {
        TestData data = new TestData(db.dsl());
        long hub = data.hub("Derby Careers Hub");
        school = data.school(hub, "Bemrose School");
        otherSchool = data.school(hub, "Other School");
        // 40 Year 9 pupils with nothing this year: two talks of 20
        for (int i = 0; i < 40; i++) {
            long pupil = data.pupil(school, 9);
            data.encounter(pupil, LocalDate.of(2025, 3, 1), true);
            data.encounter(pupil, LocalDate.of(2026, 3, 1), true);
        }
        // 4 Year 11 pupils on track but without a workplace experience
        for (int i = 0; i < 4; i++) {
            long pupil = data.pupil(school, 11);
            for (int year = 2022; year <= 2025; year++) {
                data.encounter(pupil, LocalDate.of(year + 1, 2, 1), true);
            }
            data.encounter(pupil, LocalDate.of(2026, 10, 1), true);
        }
        Accounts.create(db.dsl(), "carla@bemrose.example", "Carla", Scope.careersLeader(school));
        Accounts.create(db.dsl(), "olly@other.example", "Olly", Scope.careersLeader(otherSchool));
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theFiguresAndTheSuggestedRequestsFollowFromThePupilsRecords() {
        Visitor visitor = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);

        String page = visitor.get("/schools/" + school + "/progress").body();

        assertThat(page.replaceAll(">\\s+<", "><"))
                .containsPattern(
                        "Year 9</th><td class=\"numeric\"[^>]*>40</td><td class=\"numeric\"[^>]*>80</td>"
                                + "<td class=\"numeric\"[^>]*>0%</td><td class=\"numeric\"[^>]*>0%</td><td class=\"numeric\"[^>]*>Not due</td>")
                .containsPattern(
                        "Year 11</th><td class=\"numeric\"[^>]*>4</td><td class=\"numeric\"[^>]*>20</td>"
                                + "<td class=\"numeric\"[^>]*>100%</td><td class=\"numeric\"[^>]*>100%</td><td class=\"numeric\"[^>]*>0%</td>")
                .contains("<svg role=\"img\"")
                .contains("<h1>Progress at Bemrose School, 2026/27</h1>")
                .contains("Figures as at " + uk.encounters.matcher.explain.DateStyle.of(TODAY))
                // the headline: 4 of 44 pupils on track is 9%; Benchmark 6 over the 4 Year 11s alone
                .contains("<dd>9%</dd><dd class=\"figure-hint\">of 44 pupils</dd>")
                .contains("0 of 4 pupils in Years 11 to 13")
                .contains("class=\"chart-target\"")
                .contains("The hub's target: seven encounters")
                .contains("Year 7 one, Year 8 two")
                .contains("2 sessions of careers talk for 20 pupils of Year 9 each")
                .contains("A workplace visit for 4 pupils of Year 11");

        // one click posts the suggested talks, through the request form's own checks
        Matcher form = Pattern.compile("(?s)<form method=\"post\" action=\"/schools/\\d+/requests\">(.*?)</form>")
                .matcher(page);
        assertThat(form.find()).isTrue();
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        Matcher input = Pattern.compile("name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(form.group(1));
        while (input.find()) {
            fields.put(input.group(1), input.group(2));
        }
        HttpResponse<String> answer = visitor.postExactly("/schools/" + school + "/requests", fields);
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location"))
                .as("back to the next suggestion, not the list of requests")
                .hasValue("/schools/" + school + "/progress#next");

        RequestRecord posted = db.dsl().fetchSingle(REQUEST, REQUEST.SCHOOL_ID.eq(school));
        assertThat(posted.getYearGroup()).isEqualTo((short) 9);
        assertThat(posted.getEncounterType()).isEqualTo("careers_talk");
        assertThat(posted.getPupils()).isEqualTo(20);
        assertThat(posted.getSessions()).isEqualTo(2);
        assertThat(posted.getWindowStart()).isEqualTo(TODAY.plusWeeks(1));
        assertThat(posted.getNotes()).isEqualTo("Proposed by What to request next");
        db.dsl().deleteFrom(REQUEST).execute();
    }

    @Test
    void postingAllTheProposalsTakesOneCheckAndOneClickAndPostsThemTogether() {
        Visitor visitor = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);
        String plan = visitor.get("/schools/" + school + "/requests/plan").body();
        assertThat(plan)
                .contains("2 requests for 44 pupil places")
                .contains("2 sessions of careers talk for 20 pupils of Year 9 each")
                .contains("Mon 30 Nov 2026 to Fri 18 Dec 2026")
                .contains("40 pupils have no encounter this year")
                .contains("4 pupils still need a workplace experience (Benchmark 6)");
        Matcher fingerprint =
                Pattern.compile("name=\"fingerprint\" value=\"([^\"]+)\"").matcher(plan);
        assertThat(fingerprint.find()).isTrue();

        // a plan that changed since it was shown is shown again, and nothing is posted
        var stale = visitor.post("/schools/" + school + "/requests/plan", Map.of("fingerprint", "0"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("The requests changed since you looked");
        assertThat(db.dsl().fetchCount(REQUEST)).isZero();

        var posted = visitor.post("/schools/" + school + "/requests/plan", Map.of("fingerprint", fingerprint.group(1)));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(db.dsl()
                        .select(REQUEST.YEAR_GROUP, REQUEST.ENCOUNTER_TYPE, REQUEST.PUPILS, REQUEST.SESSIONS)
                        .from(REQUEST)
                        .where(REQUEST.SCHOOL_ID.eq(school))
                        .orderBy(REQUEST.ID)
                        .fetch(r -> r.value1() + " " + r.value2() + " " + r.value3() + "x" + r.value4()))
                .containsExactly("9 careers_talk 20x2", "11 workplace_visit 4x1");
        assertThat(visitor.get("/schools/" + school + "/requests").body()).contains("Posted 2 requests");
        // asked for now: nothing more to propose
        assertThat(visitor.get("/schools/" + school + "/requests/plan").body()).contains("Nothing to request now");
        db.dsl().deleteFrom(REQUEST).execute();
    }

    @Test
    void anotherSchoolsCareersLeaderCannotSeeTheFigures() {
        Visitor other = new Visitor(app).signIn("olly@other.example", Accounts.PASSWORD);

        assertThat(other.get("/schools/" + school + "/progress").statusCode()).isEqualTo(403);
        assertThat(other.get("/schools/" + school + "/requests/plan").statusCode())
                .isEqualTo(403);
        assertThat(other.post("/schools/" + school + "/requests/plan", Map.of("fingerprint", "0"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(other.get("/schools/" + otherSchool + "/progress").body()).contains("Nothing to request now");
    }
}

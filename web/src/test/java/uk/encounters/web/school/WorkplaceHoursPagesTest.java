package uk.encounters.web.school;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.marketplace.testing.WorkplaceData;
import uk.encounters.marketplace.testing.WorkplaceData.Where;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/**
 * A week's placement on the register with each pupil's hours, one corrected; then the hours on the
 * progress page, each pupil's hours, the pupil's careers log and the evidence file.
 */
class WorkplaceHoursPagesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 9);

    static RunningApp app;
    static long school;
    static long placement;
    static long tour;
    static long stayed;
    static long leftEarly;
    static long absent;
    static Visitor carla;

    @BeforeAll
    static void aYear10PlacementLastWeek() {
        TestData data = new TestData(db.dsl());
        WorkplaceData workplace = new WorkplaceData(db.dsl());
        long hub = data.hub("Derby Careers Hub");
        school = data.school(hub, "Bemrose School");
        long host = data.employer(hub, "Foundry Builders");
        stayed = pupil(data, "Y10-STAYED");
        leftEarly = pupil(data, "Y10-LEFT");
        absent = pupil(data, "Y10-ABSENT");
        placement = workplace.booking(
                school, 10, host, "work_experience", Where.AT_WORKPLACE, false, MONDAY, MONDAY.plusDays(4), "all_day");
        tour = workplace.booking(school, 10, host, "workplace_visit", Where.ONLINE, false, MONDAY, MONDAY, "morning");
        for (long pupil : List.of(stayed, leftEarly, absent)) {
            data.choose(placement, pupil);
            data.choose(tour, pupil);
        }
        Accounts.create(db.dsl(), "carla@bemrose.example", "Carla", Scope.careersLeader(school));
        Accounts.create(db.dsl(), "ada@rolls.example", "Ada", Scope.enterpriseAdviser(school));
        app = RunningApp.start(db.database(), TODAY);
        carla = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theRegisterTakesEachPupilsHoursRefusesBadOnesAndTheCorrectionShowsOnProgressTheLogAndTheEvidence() {
        String path = "/schools/" + school + "/bookings/" + placement;
        assertThat(carla.get(path).body())
                .contains("Hours each pupil spent there: 25 hours (5 days of 5 hours)")
                .contains("id=\"hours-" + leftEarly + "\" name=\"hours-" + leftEarly
                        + "\" type=\"text\" inputmode=\"decimal\" size=\"5\" value=\"25\"");

        HttpResponse<String> notHours = carla.postAll(path + "/attendance", register("most of it"));
        assertThat(notHours.statusCode()).isEqualTo(422);
        assertThat(notHours.body())
                .contains("id=\"hours-" + leftEarly + "-error\"")
                .contains("Hours for Y10-LEFT must be a number of hours, like 5 or 2.5")
                .contains("value=\"most of it\"")
                .as("shown as sent: the absentee stays unticked")
                .contains("id=\"present-" + absent + "\" name=\"present\" value=\"" + absent + "\">");
        HttpResponse<String> tooMany = carla.postAll(path + "/attendance", register("200"));
        assertThat(tooMany.statusCode()).isEqualTo(422);
        assertThat(tooMany.body()).contains("Hours for Y10-LEFT must be more than 0 and at most 120");
        assertThat(db.dsl().fetchCount(ENCOUNTER, ENCOUNTER.BOOKING_ID.eq(placement)))
                .as("nothing saved")
                .isZero();

        // missed the Friday and left at lunch on Thursday
        assertThat(carla.postAll(path + "/attendance", register("17.5")).statusCode())
                .isEqualTo(302);

        assertThat(new WorkplaceData(db.dsl()).hours(placement))
                .containsEntry(stayed, new BigDecimal("25.0"))
                .containsEntry(leftEarly, new BigDecimal("17.5"))
                .containsEntry(absent, null);
        assertThat(carla.get(path).body())
                .contains("Their hours count towards the hub&#x27;s target.")
                .contains("Correct attendance")
                .contains("name=\"hours-" + leftEarly
                        + "\" type=\"text\" inputmode=\"decimal\" size=\"5\" value=\"17.5\"");

        String progress = plain(carla.get("/schools/" + school + "/progress").body());
        assertThat(progress)
                .contains("Experiences of workplaces and hours")
                .contains("The hub's target of hours is <strong>50 hours by the end of Year 11</strong>")
                .contains("<th scope=\"col\" class=\"numeric\">Under 25 hours</th>")
                // Year 10: 3 pupils, 2 with one, none with two; 1 without hours, 1 under 25, 1 from 25 to 50, none at
                // 50
                .contains("<th scope=\"row\">Year 10</th><td class=\"numeric\" data-label=\"Pupils\">3</td>"
                        + "<td class=\"numeric\" data-label=\"One or more workplace experiences\">2</td>"
                        + "<td class=\"numeric\" data-label=\"Two or more\">0</td>"
                        + "<td class=\"numeric\" data-label=\"None\">1</td>"
                        + "<td class=\"numeric\" data-label=\"Under 25 hours\">1</td>"
                        + "<td class=\"numeric\" data-label=\"25 hours up to 50\">1</td>"
                        + "<td class=\"numeric\" data-label=\"50 hours or more\">0</td>")
                .contains("href=\"/schools/" + school + "/progress/hours?year=10\"");

        String each = plain(
                carla.get("/schools/" + school + "/progress/hours?year=10").body());
        assertThat(each)
                .contains("Hours of workplace experience, Year 10")
                .contains("0 of 3 pupils have 50 hours or more.")
                .containsSubsequence(
                        "Y10-ABSENT",
                        "0 hours",
                        "None",
                        "Y10-LEFT",
                        "17.5 hours",
                        "Under 25 hours",
                        "Y10-STAYED",
                        "25 hours",
                        "25 hours up to 50");
        HttpResponse<String> noSuchYear = carla.get("/schools/" + school + "/progress/hours?year=14");
        assertThat(noSuchYear.statusCode()).isEqualTo(422);
        assertThat(noSuchYear.body()).contains("Year group must be between 7 and 13");

        String log = plain(carla.get("/schools/" + school + "/pupils/log?reference=Y10-LEFT")
                .body());
        assertThat(log)
                .contains("Workplace experiences: 1, <strong>17.5 hours</strong> of the hub's target of 50 hours");
        assertThat(carla.get("/schools/" + school + "/evidence/encounters.csv").body())
                .contains("Y10-LEFT,10,no,2026-11-09,Work experience placement,6,Foundry Builders,yes," + placement
                        + ",17.5");
    }

    @Test
    void anOnlineVisitThatIsNotInteractiveAsksNoHoursAndSaysItCountsForBenchmark5() {
        String page =
                plain(carla.get("/schools/" + school + "/bookings/" + tour).body());

        assertThat(page)
                .contains("this counts as an encounter with an employer (Benchmark 5), not as a workplace experience")
                .doesNotContain("name=\"hours-");
    }

    @Test
    void eachPupilsHoursAreForTheSchoolsOwnPeopleNotItsEnterpriseAdviser() {
        Visitor ada = new Visitor(app).signIn("ada@rolls.example", Accounts.PASSWORD);

        assertThat(ada.get("/schools/" + school + "/progress").body())
                .contains("Experiences of workplaces and hours")
                .doesNotContain("/progress/hours?year=");
        assertThat(ada.get("/schools/" + school + "/progress/hours?year=10").statusCode())
                .isEqualTo(403);
    }

    /** The page with its white space folded, as a reader sees it. */
    private static String plain(String html) {
        return html.replaceAll(">\\s+<", "><").replaceAll("\\s+", " ");
    }

    private static List<Map.Entry<String, String>> register(String leftEarlyHours) {
        return List.of(
                Map.entry("listed", String.valueOf(stayed)),
                Map.entry("listed", String.valueOf(leftEarly)),
                Map.entry("listed", String.valueOf(absent)),
                Map.entry("present", String.valueOf(stayed)),
                Map.entry("present", String.valueOf(leftEarly)),
                Map.entry("hours-" + stayed, "25"),
                Map.entry("hours-" + leftEarly, leftEarlyHours),
                Map.entry("hours-" + absent, "25"));
    }

    private static long pupil(TestData data, String reference) {
        long pupil = data.pupil(school, 10);
        db.dsl()
                .update(PUPIL)
                .set(PUPIL.REFERENCE, reference)
                .where(PUPIL.ID.eq(pupil))
                .execute();
        return pupil;
    }
}

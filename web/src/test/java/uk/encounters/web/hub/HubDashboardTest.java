package uk.encounters.web.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.MATCHING_ROUND;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.round.RoundStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** The coordinator's hub dashboard and its supply-gap spreadsheet, through real HTTP and real PostgreSQL. */
class HubDashboardTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static RunningApp app;
    static long derby;
    static long nottingham;
    static long bemrose;
    static long littleover;
    static long leicester;
    static long braunstone;
    static long rusheyMead;

    @BeforeAll
    static void aHubWithAColdSpotAndUnmetDemand() {
        TestData data = new TestData(db.dsl());
        derby = data.hub("Derby Careers Hub");
        nottingham = data.hub("Nottingham Careers Hub");
        // Littleover: ten Year 9 pupils with nothing, 30 encounters behind; Bemrose, a cold spot: four, 12 behind
        littleover = school(data, derby, "Littleover Community School", "DE23 6FS", 7);
        for (int i = 0; i < 10; i++) {
            data.pupil(littleover, 9);
        }
        bemrose = school(data, derby, "Bemrose School", "DE22 3HU", 1);
        for (int i = 0; i < 4; i++) {
            long pupil = data.pupil(bemrose, 9);
            if (i == 0) {
                db.dsl()
                        .update(PUPIL)
                        .set(PUPIL.DISADVANTAGED, true)
                        .where(PUPIL.ID.eq(pupil))
                        .execute();
            }
        }
        // Littleover asks for three engineering-ish talks in December that nobody has offered
        long request = data.request(littleover, 9, RequestStatus.OPEN, LocalDate.of(2026, 12, 1));
        db.dsl()
                .update(REQUEST)
                .set(REQUEST.SESSIONS, 3)
                .set(REQUEST.PREFERRED_SECTORS, "Manufacturing")
                .where(REQUEST.ID.eq(request))
                .execute();
        // Nottingham: one school's request a published round left unmatched without saying why
        long bulwell = school(data, nottingham, "Bulwell Academy", "NG6 8AQ", 3);
        data.request(bulwell, 9, RequestStatus.OPEN, LocalDate.of(2026, 12, 1));
        publishedRound(nottingham);
        aHubWithHeadlineFiguresAndReasons(data);
        Accounts.create(db.dsl(), "cora@derby.example", "Cora Ordinator", Scope.coordinator(derby));
        Accounts.create(db.dsl(), "lei@leicester.example", "Lei Ordinator", Scope.coordinator(leicester));
        Accounts.create(db.dsl(), "nia@nottingham.example", "Nia Ordinator", Scope.coordinator(nottingham));
        Accounts.create(db.dsl(), "cal@littleover.example", "Cal Leader", Scope.careersLeader(littleover));
        app = RunningApp.start(db.database(), TODAY);
    }

    /**
     * Leicester, for the headline figures and the shading. Braunstone, a cold spot: four Year 7s, one
     * with an encounter this year. Rushey Mead: six Year 7s, three with one; two Year 11s, one with a
     * workplace visit this year, neither with the four earlier encounters their target asks. Two
     * unmet requests, of which the published round gave a reason for one; an employer that did not come.
     */
    static void aHubWithHeadlineFiguresAndReasons(TestData data) {
        leicester = data.hub("Leicester Careers Hub");
        braunstone = school(data, leicester, "Braunstone Community College", "LE3 1QP", 1);
        rusheyMead = school(data, leicester, "Rushey Mead Academy", "LE4 7AN", 6);
        LocalDate october = LocalDate.of(2026, 10, 5);
        for (int i = 0; i < 4; i++) {
            long pupil = data.pupil(braunstone, 7);
            if (i == 0) {
                data.encounter(pupil, october, true);
            }
        }
        for (int i = 0; i < 6; i++) {
            long pupil = data.pupil(rusheyMead, 7);
            if (i < 3) {
                data.encounter(pupil, october, true);
            }
        }
        data.encounter(data.pupil(rusheyMead, 11), "workplace_visit", october, true);
        data.pupil(rusheyMead, 11);
        LocalDate december = LocalDate.of(2026, 12, 1);
        data.openRequest(rusheyMead, 7, "careers_talk", 2, null, false, december);
        long interviews = data.openRequest(rusheyMead, 11, "mock_interviews", 1, null, false, december);
        data.unmatched(publishedRound(leicester), interviews, "No offer of mock interviews within reach");
        long foundry = data.employer(leicester, "Soar Valley Foundry");
        long offer = data.offer(foundry, OfferStatus.ACTIVE, LocalDate.of(2027, 6, 30));
        long past = data.request(rusheyMead, 7, RequestStatus.CLOSED, LocalDate.of(2026, 10, 19));
        data.booking(past, offer, null, LocalDate.of(2026, 11, 2), BookingStatus.NO_SHOW);
    }

    static long publishedRound(long hub) {
        return db.dsl()
                .insertInto(MATCHING_ROUND)
                .set(MATCHING_ROUND.HUB_ID, hub)
                .set(MATCHING_ROUND.STATUS, RoundStatus.PUBLISHED)
                .set(MATCHING_ROUND.HORIZON_START, TODAY.plusWeeks(1))
                .set(MATCHING_ROUND.HORIZON_END, TODAY.plusWeeks(7))
                .set(
                        MATCHING_ROUND.CREATED_AT,
                        TODAY.minusDays(3).atStartOfDay().atOffset(ZoneOffset.UTC))
                .set(
                        MATCHING_ROUND.PUBLISHED_AT,
                        TODAY.minusDays(3).atStartOfDay().atOffset(ZoneOffset.UTC))
                .returning(MATCHING_ROUND.ID)
                .fetchOne()
                .getId();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Visitor signedIn(String email) {
        return new Visitor(app).signIn(email, Accounts.PASSWORD);
    }

    @Test
    void theCoordinatorSeesSchoolsColdSpotsFirstAndWhatToRecruit() {
        Visitor cora = signedIn("cora@derby.example");

        HttpResponse<String> page = cora.get("/hubs/" + derby + "/dashboard");

        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("Dashboard for Derby Careers Hub, 2026/27");
        assertThat(html.indexOf("data-school=\"" + bemrose + "\""))
                .isPositive()
                .isLessThan(html.indexOf("data-school=\"" + littleover + "\""));
        assertThat(html).contains("<a href=\"/schools/" + littleover + "/progress\">Littleover Community School</a>");
        assertThat(html).contains("3 more manufacturing talks for Year 9 within 20 km of DE23");
        assertThat(html).contains("href=\"/hubs/" + derby + "/supply-gaps.csv\"");
        assertThat(html).contains("<caption id=\"b5-caption\">");
        // who Benchmark 5 still needs, per school and year group: Littleover's ten Year 9s, Bemrose's four
        assertThat(html.replaceAll("\\s+<", "<"))
                .contains("<tr data-none=\"" + littleover + "\"><th scope=\"row\">Littleover Community School</th>")
                .containsPattern(
                        "data-none=\"" + littleover
                                + "\">.*?</th>(<td class=\"numeric\"><span aria-label=\"no pupils\">–</span></td>){2}<td class=\"numeric share-band-5\">10</td>")
                .containsPattern(
                        "data-none=\"" + bemrose
                                + "\">.*?</th>(<td class=\"numeric\"><span aria-label=\"no pupils\">–</span></td>){2}<td class=\"numeric share-band-5\">4</td>");
        // Bemrose: one disadvantaged pupil of four, none on track either side
        assertThat(html).contains("1 of 4</td>").contains("0% / 0%");
        // Year 9s only: Benchmark 6 asks nothing of them yet, so it reads "not due", never 100%
        assertThat(html.replaceAll("\\s+<", "<"))
                .containsPattern("data-school=\"" + bemrose + "\">.*?<td class=\"numeric\">Not due</td></tr>")
                .contains("– / –</td></tr>");
    }

    @Test
    void theSupplyGapsDownloadAsASpreadsheet() {
        HttpResponse<String> csv = signedIn("cora@derby.example").get("/hubs/" + derby + "/supply-gaps.csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"supply-gaps-2026-11-23.csv\"");
        assertThat(csv.body().substring(1).split("\r\n"))
                .containsExactly(
                        "target,more_needed,encounter_type,sector,year_groups,area,within_km,online_only,requests,schools,"
                                + "latest_round_reasons",
                        "3 more manufacturing talks for Year 9 within 20 km of DE23,3,Careers talk,Manufacturing,Year 9,DE23,20,"
                                + "no,1,1,");
    }

    @Test
    void anotherHubsCoordinatorAndACareersLeaderAreRefused() {
        Visitor nia = signedIn("nia@nottingham.example");
        assertThat(nia.get("/hubs/" + derby + "/dashboard").statusCode()).isEqualTo(403);
        assertThat(nia.get("/hubs/" + derby + "/supply-gaps.csv").statusCode()).isEqualTo(403);
        assertThat(nia.get("/hubs/" + nottingham + "/dashboard").statusCode()).isEqualTo(200);
        Visitor cal = signedIn("cal@littleover.example");
        assertThat(cal.get("/hubs/" + derby + "/dashboard").statusCode()).isEqualTo(403);
        assertThat(cal.get("/hubs/" + derby + "/supply-gaps.csv").statusCode()).isEqualTo(403);
        assertThat(new Visitor(app).get("/hubs/" + derby + "/supply-gaps.csv").statusCode())
                .isEqualTo(302);
    }

    @Test
    void theCoordinatorsAccountAndHubPagesLinkToTheDashboard() {
        Visitor cora = signedIn("cora@derby.example");
        String link = "href=\"/hubs/" + derby + "/dashboard\"";

        assertThat(cora.get("/account").body()).contains(link);
        assertThat(cora.get("/hubs/" + derby + "/people").body()).contains(link);
        assertThat(cora.get("/hubs/" + derby + "/employers").body()).contains(link);
    }

    @Test
    void headlineTilesGiveTheHubsPupilsOnTrackBenchmarksEncountersStillNeededAndColdSpots() {
        String html = dashboard("lei@leicester.example", leicester);

        int pupils = 4 + 6 + 2;
        // Year 7s with an encounter this year; the Year 11s lack the four encounters of earlier years
        int onTrack = 1 + 3;
        int benchmark5 = 1 + 3 + 1;
        // Year 7 asks one by the end of the year, Year 11 five; the visit counts for one
        int stillNeeded = (4 - 1) + (6 - 3) + (5 - 1) + 5;
        assertThat(html.indexOf("class=\"headline-figures\""))
                .as("the tiles come first, under the heading")
                .isPositive()
                .isLessThan(html.indexOf("id=\"schools\""));
        assertThat(tile(html, "on-track")).isEqualTo(percent(onTrack, pupils) + "% | 4 of 12 pupils");
        assertThat(tile(html, "benchmark-5")).isEqualTo(percent(benchmark5, pupils) + "% | 5 of 12 pupils");
        assertThat(tile(html, "benchmark-6")).isEqualTo(percent(1, 2) + "% | 1 of 2 pupils in Years 11 to 13");
        assertThat(tile(html, "still-needed")).startsWith(stillNeeded + " | ");
        // Braunstone's one Year 7 in four against Rushey Mead's four pupils of eight
        assertThat(tile(html, "cold-spots"))
                .isEqualTo(percent(1, 4) + "% | 1 of 4 pupils; " + percent(4, 8) + "% at the other schools");
        // Derby has only Year 9s: Benchmark 6 is not due anywhere
        assertThat(tile(dashboard("cora@derby.example", derby), "benchmark-6"))
                .isEqualTo("Not due | no pupils in Years 11 to 13");
    }

    @Test
    void yearGroupCellsAreShadedByTheirShareWithALegendAndTheFigureKept() {
        String html = dashboard("lei@leicester.example", leicester).replaceAll("\\s+<", "<");

        assertThat(html)
                .contains("darker for a larger share")
                .contains("<ul class=\"heat-legend__scale shade-met\" aria-labelledby=\"legend-met\">"
                        + "<li class=\"share-band-1\">0–19%</li>")
                .contains("<li class=\"share-band-5\">80–100%</li></ul>");
        // Braunstone's Year 7: one in four with an encounter (20-39%), three in four without (60-79%)
        assertThat(html)
                .containsPattern("data-benchmark5=\"" + braunstone + "\"><th scope=\"row\">[^<]+</th>"
                        + "<td class=\"numeric share-band-2\">25%</td>")
                .containsPattern("data-none=\"" + braunstone + "\"><th scope=\"row\">[^<]+</th>"
                        + "<td class=\"numeric share-band-4\">3</td>");
        // Rushey Mead: half its Year 7s with an encounter; Year 11 half with the workplace experience,
        // Year 7 not due and Years 8 to 10 (no pupils) a dash, both unshaded
        assertThat(html)
                .containsPattern("data-benchmark5=\"" + rusheyMead + "\"><th scope=\"row\">[^<]+</th>"
                        + "<td class=\"numeric share-band-3\">50%</td>")
                .containsPattern("data-benchmark6=\"" + rusheyMead + "\"><th scope=\"row\">[^<]+</th>"
                        + "<td class=\"numeric\">Not due</td>"
                        + "(<td class=\"numeric\"><span aria-label=\"no pupils\">–</span></td>){3}"
                        + "<td class=\"numeric share-band-3\">50%</td>");
    }

    @Test
    void withNoReasonRecordedTheSupplyGapsSayItOnceAndLeaveTheColumnOut() {
        String derbyPage = dashboard("cora@derby.example", derby);
        String nottinghamPage = dashboard("nia@nottingham.example", nottingham);

        assertThat(occurrences(derbyPage, "No matching round has run yet, so no reasons are recorded"))
                .isEqualTo(1);
        assertThat(occurrences(nottinghamPage.replaceAll("\\s+", " "), "The latest round recorded no reason"))
                .isEqualTo(1);
        assertThat(derbyPage + nottinghamPage)
                .doesNotContain("None recorded", "none recorded", "Why the latest round left them unmatched");
    }

    @Test
    void whereSomeTargetsHaveReasonsTheOthersReadNoneRecorded() {
        String html = dashboard("lei@leicester.example", leicester).replaceAll("\\s+<", "<");

        assertThat(html)
                .contains("<th scope=\"col\">Why the latest round left them unmatched</th>")
                .contains("<li>No offer of mock interviews within reach</li>")
                .containsPattern("2 more careers talks for Year 7 within 20 km of LE4</th>.*?"
                        + "<td>–<span class=\"visually-hidden\"> none recorded</span></td></tr>");
        assertThat(html).doesNotContain("No matching round has run yet", "The latest round recorded no reason");
    }

    @Test
    void theDetailIsFoldedUnderSummariesWhileTheTilesSchoolsTableAndJumpLinksStayOpen() {
        String html = dashboard("lei@leicester.example", leicester);

        for (String caption : List.of(
                "b5-caption",
                "none-caption",
                "b6-caption",
                "split-caption",
                "employers-caption",
                "delivery-caption",
                "gaps-caption")) {
            assertThat(insideDetails(html, "<caption id=\"" + caption + "\""))
                    .as(caption)
                    .isTrue();
        }
        assertThat(insideDetails(html, "<caption id=\"schools-caption\"")).isFalse();
        assertThat(insideDetails(html, "class=\"headline-figures\"")).isFalse();
        assertThat(insideDetails(html, "<a href=\"#benchmarks\">")).isFalse();
        // a jump link lands on the section's heading, with the folded detail's summary under it
        assertThat(html.replaceAll("\\s+<", "<"))
                .containsPattern("<h2 id=\"benchmarks\">[^<]+</h2><details[^>]*><summary>Three tables of 2 schools"
                        + " × 7 year groups")
                .containsPattern("(?s)<h2 id=\"supply-gaps\">.*?<summary>2 recruitment targets, the largest first");
    }

    private static String dashboard(String email, long hub) {
        return signedIn(email).get("/hubs/" + hub + "/dashboard").body();
    }

    /** A tile's figure and the line under it, as "33% | 4 of 12 pupils". */
    private static String tile(String html, String figure) {
        Matcher tile = Pattern.compile(
                        "data-figure=\"" + figure + "\">([^<]*)</dd>\\s*<dd class=\"figure-hint\">([^<]*)</dd>")
                .matcher(html);
        assertThat(tile.find()).as("tile " + figure).isTrue();
        return tile.group(1) + " | " + tile.group(2).replaceAll("\\s+", " ");
    }

    /** Whole percent, rounded half up, as the dashboard shows shares. */
    private static long percent(int part, int whole) {
        return Math.round(100.0 * part / whole);
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    /** Whether the first occurrence of {@code marker} lies between a details element's start and end. */
    private static boolean insideDetails(String html, String marker) {
        int at = html.indexOf(marker);
        assertThat(at).as(marker).isNotNegative();
        String before = html.substring(0, at);
        return occurrences(before, "<details") > occurrences(before, "</details>");
    }

    private static long school(TestData data, long hub, String name, String postcode, int decile) {
        long id = data.school(hub, name);
        db.dsl()
                .update(SCHOOL)
                .set(SCHOOL.POSTCODE, postcode)
                .set(SCHOOL.DEPRIVATION_DECILE, (short) decile)
                .where(SCHOOL.ID.eq(id))
                .execute();
        return id;
    }
}

package uk.encounters.web.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.request.RequestStatus;
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

    @BeforeAll
    static void aHubWithAColdSpotAndUnmetDemand() {
        TestData data = new TestData(db.dsl());
        derby = data.hub("Derby Careers Hub");
        nottingham = data.hub("Nottingham Careers Hub");
        // Littleover: ten Year 9 pupils with nothing, 30 encounters behind; Bemrose, a cold spot: four, 12 behind
        littleover = school(data, "Littleover Community School", "DE23 6FS", 7);
        for (int i = 0; i < 10; i++) {
            data.pupil(littleover, 9);
        }
        bemrose = school(data, "Bemrose School", "DE22 3HU", 1);
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
        Accounts.create(db.dsl(), "cora@derby.example", "Cora Ordinator", Scope.coordinator(derby));
        Accounts.create(db.dsl(), "nia@nottingham.example", "Nia Ordinator", Scope.coordinator(nottingham));
        Accounts.create(db.dsl(), "cal@littleover.example", "Cal Leader", Scope.careersLeader(littleover));
        app = RunningApp.start(db.database(), TODAY);
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
                                + "\">.*?</th>(<td class=\"numeric\"><span aria-label=\"no pupils\">–</span></td>){2}<td class=\"numeric\">10</td>")
                .containsPattern(
                        "data-none=\"" + bemrose
                                + "\">.*?</th>(<td class=\"numeric\"><span aria-label=\"no pupils\">–</span></td>){2}<td class=\"numeric\">4</td>");
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

    private static long school(TestData data, String name, String postcode, int decile) {
        long id = data.school(derby, name);
        db.dsl()
                .update(SCHOOL)
                .set(SCHOOL.POSTCODE, postcode)
                .set(SCHOOL.DEPRIVATION_DECILE, (short) decile)
                .where(SCHOOL.ID.eq(id))
                .execute();
        return id;
    }
}

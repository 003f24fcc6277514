package uk.encounters.web.home;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.RunningApp;

class HomePageTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    /** A Monday in the autumn term of 2026/27. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static final LocalDate LAST_YEAR = LocalDate.of(2026, 3, 4);
    static final LocalDate TWO_YEARS_AGO = LocalDate.of(2025, 3, 4);
    static final LocalDate THIS_OCTOBER = LocalDate.of(2026, 10, 7);

    static RunningApp app;

    /*
     * Alpha Hub                                                       on track?
     *   Y7  p1: one this October                                     yes (needs 0 before, has one now)
     *   Y7  p2: nothing                                              no  (none this year)
     *   Y9  p3: two before, none yet, chosen for a published booking  yes
     *   Y9  p4: one before (needs two), one this October             no
     *   Y9  p5: archived                                             not counted
     *   Y13 p6: six before, absent from this year's one              no  (absent is no encounter)
     *   requests: 2 open, 1 cancelled; offers: 1 active, 1 paused, 1 active but ended
     * Beta Hub
     *   Y8  p7: one before, one this October                         yes
     *   requests: 1 open
     * Totals: 3 schools, 6 pupils, 3 on track (50%), 3 open requests, 1 active offer.
     */
    @BeforeAll
    static void twoHubs() {
        TestData data = new TestData(db.dsl());
        long alpha = data.hub("Alpha Hub");
        long s1 = data.school(alpha, "Alpha Academy");
        long s2 = data.school(alpha, "Alpha Sixth Form");
        data.encounter(data.pupil(s1, 7), THIS_OCTOBER, true);
        data.pupil(s1, 7);
        long p3 = data.pupil(s1, 9);
        data.encounter(p3, LAST_YEAR, true);
        data.encounter(p3, TWO_YEARS_AGO, true);
        long p4 = data.pupil(s1, 9);
        data.encounter(p4, LAST_YEAR, true);
        data.encounter(p4, THIS_OCTOBER, true);
        long p5 = data.pupil(s1, 9);
        data.encounter(p5, THIS_OCTOBER, true);
        data.archive(p5, THIS_OCTOBER.plusDays(1));
        long p6 = data.pupil(s2, 13);
        for (int year = 0; year < 6; year++) {
            data.encounter(p6, LAST_YEAR.minusYears(year), true);
        }
        data.encounter(p6, THIS_OCTOBER, false);

        long employer = data.employer(alpha, "Rolls Royce");
        long offer = data.offer(employer, OfferStatus.ACTIVE, TODAY.plusMonths(3));
        data.offer(employer, OfferStatus.PAUSED, TODAY.plusMonths(3));
        data.offer(employer, OfferStatus.ACTIVE, TODAY.minusDays(1));
        long request = data.request(s1, 9, RequestStatus.OPEN, TODAY);
        data.request(s1, 7, RequestStatus.OPEN, TODAY);
        data.request(s1, 8, RequestStatus.CANCELLED, TODAY);
        long booking =
                data.booking(request, offer, data.volunteer(employer), TODAY.plusDays(10), BookingStatus.PUBLISHED);
        data.choose(booking, p3);

        long beta = data.hub("Beta Hub");
        long s3 = data.school(beta, "Beta School");
        long p7 = data.pupil(s3, 8);
        data.encounter(p7, LAST_YEAR, true);
        data.encounter(p7, THIS_OCTOBER, true);
        data.request(s3, 8, RequestStatus.OPEN, TODAY);

        app = RunningApp.start(db.database(), TODAY);
        app.awaitProgressSummaries(); // the home page reads what the app's background pass summarised
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void showHomeGivesTheHeadlineFiguresComputedFromTheDatabase() {
        HttpResponse<String> page = app.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(figure(page, "schools")).isEqualTo("3");
        assertThat(figure(page, "pupils")).isEqualTo("6");
        assertThat(figure(page, "on-track")).isEqualTo("50%");
        assertThat(figure(page, "open-requests")).isEqualTo("3");
        assertThat(figure(page, "active-offers")).isEqualTo("1");
        assertThat(page.body()).contains("2026/27");
    }

    @Test
    void showHomeAgreesWithAPlainSqlCountOfTheSameRules() {
        Record sql = db.dsl().fetchOne("""
                with tally as (
                  select pupil_id,
                         count(*) filter (where occurred_on < date '2026-09-01') as before,
                         count(*) filter (where occurred_on >= date '2026-09-01') as this_year
                  from encounter where attended group by pupil_id)
                select count(*) as pupils,
                       count(*) filter (where coalesce(t.before, 0) >= p.year_group - 7
                         and (coalesce(t.this_year, 0) > 0 or exists (
                           select 1 from booking_pupil bp join booking b on b.id = bp.booking_id
                           where bp.pupil_id = p.id and b.status in ('published', 'confirmed')
                             and b.starts_on between date '2026-09-01' and date '2027-08-31'))) as on_track,
                       (select count(*) from request where status = 'open') as open_requests,
                       (select count(*) from offer where status = 'active' and available_until >= date '2026-11-23') as offers
                from pupil p left join tally t on t.pupil_id = p.id
                where p.archived_on is null
                """);
        HttpResponse<String> page = app.get("/");

        assertThat(figure(page, "pupils")).isEqualTo(sql.get("pupils").toString());
        long percent = Math.round(
                100.0 * ((Number) sql.get("on_track")).longValue() / ((Number) sql.get("pupils")).longValue());
        assertThat(figure(page, "on-track")).isEqualTo(percent + "%");
        assertThat(figure(page, "open-requests"))
                .isEqualTo(sql.get("open_requests").toString());
        assertThat(figure(page, "active-offers")).isEqualTo(sql.get("offers").toString());
    }

    @Test
    void showHomeListsEachHubWithItsOwnFigures() {
        String body = app.get("/").body();

        assertThat(body)
                .containsPattern("(?s)<th scope=\"row\">Alpha Hub</th>\\s*<td class=\"numeric\">2</td>\\s*"
                        + "<td class=\"numeric\">5</td>\\s*<td class=\"numeric\">40%</td>\\s*<td class=\"numeric\">2</td>\\s*"
                        + "<td class=\"numeric\">1</td>");
        assertThat(body)
                .containsPattern("(?s)<th scope=\"row\">Beta Hub</th>\\s*<td class=\"numeric\">1</td>\\s*"
                        + "<td class=\"numeric\">1</td>\\s*<td class=\"numeric\">100%</td>\\s*<td class=\"numeric\">1</td>\\s*"
                        + "<td class=\"numeric\">0</td>");
    }

    @Test
    void escapesNamesFromTheDatabase() {
        new TestData(db.dsl()).hub("<script>alert(1)</script> Hub");

        String body;
        try (RunningApp fresh =
                RunningApp.start(db.database(), TODAY)) { // the running app's figures are 30 s old at most
            body = fresh.get("/").body();
        }

        assertThat(body)
                .doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; Hub");
    }

    private static String figure(HttpResponse<String> page, String name) {
        Matcher m = Pattern.compile("data-figure=\"" + name + "\">([^<]*)<").matcher(page.body());
        assertThat(m.find()).as("figure %s on the page", name).isTrue();
        return m.group(1);
    }
}

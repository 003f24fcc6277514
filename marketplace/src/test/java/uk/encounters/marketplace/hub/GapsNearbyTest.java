package uk.encounters.marketplace.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.employer.EmployerRepository;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.matcher.domain.Location;

/**
 * The supply gaps an employer is shown: those whose schools are within their travel limit of the
 * employer, and every online-only one, without schools' names. Derby's DE23 and DE1 are about
 * 3 km apart; Sheffield's S1 is about 53 km from both.
 */
class GapsNearbyTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final LocalDate DECEMBER = LocalDate.of(2026, 12, 1);
    static final Location SHEFFIELD = new Location(53.381, -1.470);
    static long hub;
    static long sheffieldEmployer;

    @BeforeAll
    static void derbyAndSheffieldSchools() {
        TestData data = new TestData(db.dsl());
        hub = data.hub("Gaps nearby hub");
        long bemrose = data.school(hub, "Bemrose School", "DE23 6AA", 52.900, -1.490);
        long derbyMoor = data.school(hub, "Derby Moor Academy", "DE23 8ZX", 52.896, -1.510);
        long cityCentre = data.school(hub, "City Centre School", "DE1 1AA", 52.922, -1.476);
        long sheffield = data.school(hub, "Sheffield Park Academy", "S1 2AA", 53.381, -1.470);
        long unplaced = data.school(hub, "Secret Location School", null, null, null);

        data.openRequest(bemrose, 8, "careers_talk", 4, "Manufacturing", false, DECEMBER);
        data.openRequest(derbyMoor, 9, "careers_talk", 3, "Manufacturing", false, DECEMBER);
        data.openRequest(cityCentre, 10, "work_experience", 2, null, false, DECEMBER);
        data.openRequest(sheffield, 12, "careers_talk", 6, null, false, DECEMBER);
        data.openRequest(sheffield, 13, "online_insight", 1, null, true, DECEMBER);
        data.openRequest(unplaced, 7, "careers_talk", 9, null, false, DECEMBER);

        sheffieldEmployer = data.employer(hub, "Steel Works Ltd");
        db.dsl()
                .update(EMPLOYER)
                .set(EMPLOYER.LATITUDE, SHEFFIELD.latitude())
                .set(EMPLOYER.LONGITUDE, SHEFFIELD.longitude())
                .where(EMPLOYER.ID.eq(sheffieldEmployer))
                .execute();
    }

    @Test
    void aDerbyPostcodeSeesTheGapsWithinTheirTravelLimitAndEveryOnlineOneLargestFirst() {
        List<GapsNearby.NearbyGap> near =
                GapsNearby.forHub(db.dsl(), hub, TODAY).near("DE23");

        assertThat(near)
                .extracting(g -> g.target().wording())
                .containsExactly(
                        "7 more manufacturing talks for Years 8-9 within 20 km of DE23",
                        "2 more work experience places for Year 10 within 20 km of DE1",
                        "1 more online insight session for Year 13 online, for schools in S1");
        assertThat(near.get(0).km()).as("the district's own schools").isLessThan(1);
        assertThat(near.get(1).km()).isBetween(2.0, 5.0);
        assertThat(near.get(2).km()).as("online: distance does not matter").isNull();
    }

    @Test
    void anEmployerInSheffieldSeesSheffieldsGapsNotDerbys() {
        Location employer =
                new EmployerRepository(db.dsl()).findLocation(sheffieldEmployer).orElseThrow();

        List<GapsNearby.NearbyGap> near =
                GapsNearby.forHub(db.dsl(), hub, TODAY).near(employer);

        assertThat(near)
                .extracting(g -> g.target().wording())
                .containsExactly(
                        "6 more careers talks for Year 12 within 20 km of S1",
                        "1 more online insight session for Year 13 online, for schools in S1");
    }

    @Test
    void aSchoolWithNoPostcodeIsNeverNamedNorAreTheRoundsReasons() {
        GapsNearby gaps = GapsNearby.forHub(db.dsl(), hub, TODAY);

        assertThat(gaps.gaps()).extracting(RecruitmentTarget::area).containsOnly("DE23", "DE1", "S1");
        assertThat(gaps.gaps()).allSatisfy(t -> assertThat(t.reasons()).isEmpty());
        assertThat(gaps.gaps().toString()).doesNotContain("School", "Academy");
    }

    @Test
    void aDistrictWithNoSchoolOfTheHubIsPlacedAtTheHubsSchoolsAsAWhole() {
        GapsNearby gaps = GapsNearby.forHub(db.dsl(), hub, TODAY);

        // the hub's centre lies between Derby and Sheffield, about 15 km from Derby's schools
        assertThat(gaps.near("NG1")).isEqualTo(gaps.near(gaps.centre()));
        assertThat(gaps.near("NG1")).extracting(g -> g.target().area()).contains("DE23");
    }

    @Test
    void noMoreThanAFewAreShown() {
        TestData data = new TestData(db.dsl());
        long busy = data.hub("Busy hub");
        for (int year = 7; year <= 13; year++) {
            long school = data.school(busy, "School " + year, "DE23 1A" + (char) ('A' + year), 52.9, -1.49);
            String type = year % 2 == 0 ? "careers_talk" : "mentoring";
            data.openRequest(school, year, type, year, "Year " + year + " sector", false, DECEMBER);
        }

        assertThat(GapsNearby.forHub(db.dsl(), busy, TODAY).near("DE23")).hasSize(GapsNearby.MAX_SHOWN);
    }
}

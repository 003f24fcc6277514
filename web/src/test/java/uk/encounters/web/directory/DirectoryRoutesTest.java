package uk.encounters.web.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.OFFER_AVAILABILITY;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Passwords;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** The provider directory through real HTTP and real PostgreSQL, as careers leaders and coordinators use it. */
class DirectoryRoutesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final String PASSWORD = "correct horse battery staple";
    static final LocalDate UNTIL = LocalDate.of(2027, 7, 20);
    /** Offers run from 20 January 2027; this is a Tuesday within. */
    static final LocalDate A_TUESDAY = LocalDate.of(2027, 3, 16);

    static RunningApp app;
    static long hub;
    static long northside;
    static long unmapped;
    static long otherHub;

    @BeforeAll
    static void aHubWithOffersNearAndFar() {
        TestData data = new TestData(db.dsl());
        hub = data.hub("Derby Careers Hub");
        northside = located(data.school(hub, "Northside Academy"), 52.9225, -1.4746);
        unmapped = data.school(hub, "Unmapped School");
        otherHub = data.hub("Norwich Careers Hub");
        long norwichSchool = data.school(otherHub, "Norwich High");

        long riverside = employer(data, "Riverside Precision", "DE24 8BY", 52.9675, -1.4746);
        long talk = data.offer(riverside, OfferStatus.ACTIVE, UNTIL);
        long valerie = db.dsl()
                .insertInto(VOLUNTEER, VOLUNTEER.EMPLOYER_ID, VOLUNTEER.NAME, VOLUNTEER.EMAIL)
                .values(riverside, "Valerie Volunteer", "valerie@riverside.example")
                .returning(VOLUNTEER.ID)
                .fetchOne()
                .getId();
        db.dsl()
                .update(OFFER)
                .set(OFFER.VOLUNTEER_ID, valerie)
                .set(OFFER.TITLE, "Engineering at Riverside")
                .where(OFFER.ID.eq(talk))
                .execute();
        availableOnTuesdays(talk);

        long castle = employer(data, "Castle Logistics", "DE7 5AA", 53.1025, -1.4746);
        long visit = data.offer(castle, OfferStatus.ACTIVE, UNTIL);
        db.dsl()
                .update(OFFER)
                .set(OFFER.ENCOUNTER_TYPE, "workplace_visit")
                .set(OFFER.TITLE, "A day in the warehouse")
                .set(OFFER.SECTOR, "Transport & storage (inc postal)")
                .set(OFFER.COST_PER_SESSION_PENCE, 15000)
                .set(OFFER.YEAR_GROUP_MIN, (short) 9)
                .set(OFFER.YEAR_GROUP_MAX, (short) 11)
                .where(OFFER.ID.eq(visit))
                .execute();

        long hidden = data.offer(employer(data, "Pending Bakery", "DE1 1AA", 52.92, -1.47), OfferStatus.PENDING, UNTIL);
        db.dsl()
                .update(OFFER)
                .set(OFFER.TITLE, "Not live yet")
                .where(OFFER.ID.eq(hidden))
                .execute();

        String hash = new Passwords().hash(PASSWORD);
        AccountRepository accounts = new AccountRepository(db.dsl());
        accounts.create("leader@northside.example", "Lee Leader", hash, Scope.careersLeader(northside));
        accounts.create("leader@unmapped.example", "Una Leader", hash, Scope.careersLeader(unmapped));
        accounts.create("leader@norwich.example", "Nor Leader", hash, Scope.careersLeader(norwichSchool));
        accounts.create("cora@derby-hub.example", "Cora Coordinator", hash, Scope.coordinator(hub));

        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23));
    }

    static long located(long schoolId, double latitude, double longitude) {
        db.dsl()
                .update(SCHOOL)
                .set(SCHOOL.LATITUDE, latitude)
                .set(SCHOOL.LONGITUDE, longitude)
                .where(SCHOOL.ID.eq(schoolId))
                .execute();
        return schoolId;
    }

    static long employer(TestData data, String name, String postcode, double latitude, double longitude) {
        long employer = data.employer(hub, name);
        db.dsl()
                .update(EMPLOYER)
                .set(EMPLOYER.POSTCODE, postcode)
                .set(EMPLOYER.LATITUDE, latitude)
                .set(EMPLOYER.LONGITUDE, longitude)
                .where(EMPLOYER.ID.eq(employer))
                .execute();
        return employer;
    }

    static void availableOnTuesdays(long offerId) {
        db.dsl()
                .insertInto(
                        OFFER_AVAILABILITY,
                        OFFER_AVAILABILITY.OFFER_ID,
                        OFFER_AVAILABILITY.WEEKDAY,
                        OFFER_AVAILABILITY.PERIOD)
                .values(offerId, (short) 2, "morning")
                .execute();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Visitor signedIn(String email) {
        return new Visitor(app).signIn(email, PASSWORD);
    }

    @Test
    void aCareersLeaderSeesLiveOffersNearestFirstWithoutAnyVolunteersDetails() {
        HttpResponse<String> response = signedIn("leader@northside.example").get("/schools/" + northside + "/offers");

        assertThat(response.statusCode()).isEqualTo(200);
        String page = response.body();
        assertThat(page)
                .contains("Find providers near Northside Academy")
                .contains("<caption id=\"results-summary\">2 offers, nearest to Northside Academy first</caption>")
                .contains("Engineering at Riverside")
                .contains("DE24")
                .contains("5.0 km")
                .contains("Tuesdays")
                .contains("A day in the warehouse")
                .contains("20.0 km")
                .contains("£150")
                .doesNotContain("Not live yet");
        assertThat(page.indexOf("Riverside Precision")).isLessThan(page.indexOf("Castle Logistics"));
        assertThat(page)
                .doesNotContain("Valerie")
                .doesNotContain("valerie@riverside.example")
                .doesNotContain("8BY");
    }

    @Test
    void filtersNarrowTheListAndStayChosen() {
        Visitor lee = signedIn("leader@northside.example");

        String visits = lee.get("/schools/" + northside + "/offers?type=workplace_visit&year=10&maxKm=30")
                .body();
        String nearby = lee.get("/schools/" + northside + "/offers?maxKm=10").body();
        String onTuesday =
                lee.get("/schools/" + northside + "/offers?date=" + A_TUESDAY).body();
        String year7 = lee.get(
                        "/schools/" + northside + "/offers?year=7&sector=" + "Transport+%26+storage+%28inc+postal%29")
                .body();

        assertThat(visits)
                .contains("1 offer, nearest")
                .contains("A day in the warehouse")
                .doesNotContain("Engineering at Riverside")
                .contains("<option value=\"workplace_visit\" selected>Workplace visit</option>")
                .contains("<option value=\"10\" selected>Year 10</option>")
                .contains("name=\"maxKm\" type=\"number\" value=\"30\"");
        assertThat(nearby).contains("Engineering at Riverside").doesNotContain("A day in the warehouse");
        assertThat(onTuesday).contains("Engineering at Riverside").doesNotContain("A day in the warehouse");
        assertThat(year7).contains("No offers match").doesNotContain("<table");
    }

    @Test
    void badFiltersGetAMessageBesideTheFieldAndNoList() {
        HttpResponse<String> response = signedIn("leader@northside.example")
                .get("/schools/" + northside + "/offers?type=juggling&year=6&maxKm=ten&date=2027-02-30");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body())
                .contains("There is a problem")
                .contains("<span id=\"type-error\" class=\"field-error\"><span class=\"visually-hidden\">Error: </span>"
                        + "Choose the type of encounter from the list</span>")
                .contains("Choose the year group from the list")
                .contains("The distance must be a whole number, like 1")
                .contains("The date must be a real date, like 15/03/2027")
                .doesNotContain("Engineering at Riverside");
    }

    @Test
    void aSchoolWhosePlaceIsUnknownIsToldDistanceCannotBeMeasured() {
        Visitor una = signedIn("leader@unmapped.example");

        HttpResponse<String> all = una.get("/schools/" + unmapped + "/offers");
        HttpResponse<String> near = una.get("/schools/" + unmapped + "/offers?maxKm=10");

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("2 offers, by employer name").doesNotContain(" km</td>");
        assertThat(near.statusCode()).isEqualTo(422);
        assertThat(near.body()).contains("We do not know where Unmapped School is yet, so we cannot measure distances");
    }

    @Test
    void aCareersLeaderOfAnotherSchoolIsRefused() {
        assertThat(signedIn("leader@norwich.example")
                        .get("/schools/" + northside + "/offers")
                        .statusCode())
                .isEqualTo(403);
        assertThat(signedIn("leader@unmapped.example")
                        .get("/schools/" + northside + "/offers")
                        .statusCode())
                .as("another school in the same hub")
                .isEqualTo(403);
    }

    @Test
    void aCoordinatorMeasuresFromTheSchoolTheyChoose() {
        Visitor cora = signedIn("cora@derby-hub.example");

        String byName = cora.get("/hubs/" + hub + "/offers").body();
        String fromNorthside = cora.get("/hubs/" + hub + "/offers?school=" + northside + "&maxKm=10")
                .body();
        HttpResponse<String> noSchool = cora.get("/hubs/" + hub + "/offers?maxKm=10");

        assertThat(byName).contains("Find providers in Derby Careers Hub").contains("2 offers, by employer name");
        assertThat(byName.indexOf("Castle Logistics")).isLessThan(byName.indexOf("Riverside Precision"));
        assertThat(fromNorthside)
                .contains("1 offer, nearest to Northside Academy first")
                .contains("<option value=\"" + northside + "\" selected>Northside Academy</option>")
                .doesNotContain("A day in the warehouse");
        assertThat(noSchool.statusCode()).isEqualTo(422);
        assertThat(noSchool.body()).contains("Choose the school to measure the distance from");
    }

    @Test
    void aCoordinatorCannotMeasureFromAnotherHubsSchool() {
        long norwichSchool = db.dsl().fetchValue(SCHOOL.ID, SCHOOL.HUB_ID.eq(otherHub));

        HttpResponse<String> response =
                signedIn("cora@derby-hub.example").get("/hubs/" + hub + "/offers?school=" + norwichSchool);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("Choose the school from the list");
    }

    @Test
    void theAccountPageAndTheHubPageLeadToTheDirectory() {
        assertThat(signedIn("leader@northside.example").get("/account").body())
                .contains("href=\"/schools/" + northside + "/offers\"");
        assertThat(signedIn("cora@derby-hub.example")
                        .get("/hubs/" + hub + "/people")
                        .body())
                .contains("href=\"/hubs/" + hub + "/offers\"");
    }
}

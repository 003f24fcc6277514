package uk.encounters.web.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.OFFER_AVAILABILITY;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** A host offers work-experience placement weeks on its own page: whole weeks, so no time of day. */
class PlacementOfferTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static RunningApp app;
    static long employer;

    @BeforeAll
    static void aHostWithAnAccount() {
        TestData data = new TestData(db.dsl());
        long hub = data.hub("Derby Careers Hub");
        employer = data.employer(hub, "Acme Logistics");
        Accounts.create(db.dsl(), "ash@acme.example", "Ash", Scope.employer(employer));
        app = RunningApp.start(db.database(), LocalDate.of(2027, 3, 1));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aPlacementWeekIsOfferedWithoutATimeOfDay() {
        Visitor visitor = new Visitor(app).signIn("ash@acme.example", Accounts.PASSWORD);
        visitor.get("/employers/" + employer + "/volunteers/new");
        visitor.post(
                "/employers/" + employer + "/volunteers",
                Map.of("name", "Paul Supervisor", "email", "paul@acme.example", "safeguardingUntil", "2028-01-31"));
        long paul = db.dsl().fetchValue(VOLUNTEER.ID, VOLUNTEER.EMAIL.eq("paul@acme.example"));
        List<Map.Entry<String, String>> fields = new ArrayList<>(EmployerOffersTest.weeklyOffer("Summer placements"));
        fields.removeIf(e -> List.of("afternoon", "weekday", "cost").contains(e.getKey()));
        fields.replaceAll(e -> switch (e.getKey()) {
            case "type" -> Map.entry("type", "work_experience");
            case "volunteer" -> Map.entry("volunteer", String.valueOf(paul));
            case "inSchool" -> Map.entry("atWorkplace", "true");
            case "yearFrom" -> Map.entry("yearFrom", "10");
            case "pupils" -> Map.entry("pupils", "3");
            case "sessions" -> Map.entry("sessions", "1");
            case "from" -> Map.entry("from", "2027-06-14");
            case "until" -> Map.entry("until", "2027-06-18");
            case "dates" -> Map.entry("dates", "14/06/2027");
            default -> e;
        });
        visitor.get("/employers/" + employer + "/offers/new");

        HttpResponse<String> created = visitor.postAll("/employers/" + employer + "/offers", fields);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        var offer = db.dsl().fetchSingle(OFFER, OFFER.TITLE.eq("Summer placements"));
        assertThat(offer.getPlaces()).isEqualTo(3);
        assertThat(db.dsl()
                        .select(OFFER_AVAILABILITY.AVAILABLE_ON, OFFER_AVAILABILITY.PERIOD)
                        .from(OFFER_AVAILABILITY)
                        .where(OFFER_AVAILABILITY.OFFER_ID.eq(offer.getId()))
                        .fetch()
                        .map(r -> r.value1() + " " + r.value2()))
                .containsExactly("2027-06-14 all_day");
    }
}

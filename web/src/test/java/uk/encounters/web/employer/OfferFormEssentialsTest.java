package uk.encounters.web.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.OFFER_AVAILABILITY;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.jooq.tables.records.OfferRecord;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/**
 * The "one-minute" offer form on a phone: the essentials first, the rest folded with what it holds
 * said, the distance in miles or kilometres, dates typed the UK way. (A class of its own: the public
 * form allows each address 20 offers an hour, which {@link OfferFormTest} uses up.)
 */
class OfferFormEssentialsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static RunningApp app;

    @BeforeAll
    static void oneHub() {
        new TestData(db.dsl()).hub("Derby Careers Hub");
        app = RunningApp.start(db.database(), OfferFormTest.TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theFormAsksTheEssentialsFirstAndFoldsTheRestWithTheirDefaultsSaid() {
        String page = new Visitor(app).get("/offer-a-talk").body();
        String form = page.substring(page.indexOf("id=\"your-offer\""));
        int details = form.indexOf("<details class=\"more-options\" id=\"more-options\">");

        assertThat(details).as("the fold is there, closed").isPositive();
        for (String essential : List.of(
                "id=\"organisation\"",
                "id=\"email\"",
                "id=\"postcode\"",
                "id=\"type\"",
                "id=\"yearFrom\"",
                "id=\"inSchool\"",
                "id=\"from\"",
                "id=\"until\"",
                "id=\"weekday-1\"",
                "id=\"morning\"")) {
            assertThat(form.indexOf(essential)).as(essential).isBetween(0, details);
        }
        for (String folded : List.of(
                "id=\"pupils\"",
                "id=\"sessions\"",
                "id=\"radius\"",
                "id=\"dates\"",
                "id=\"sendAdaptable\"",
                "id=\"safeguarding\"",
                "id=\"safeguardingUntil\"")) {
            assertThat(form.indexOf(folded)).as(folded).isGreaterThan(details);
        }
        assertThat(form)
                .contains("More options (optional)")
                .contains("Unless you change them: up to 30 pupils a session, once, within 6 miles (10 km) of your"
                        + " postcode.")
                .contains("id=\"radiusUnit\" name=\"radiusUnit\" value=\"miles\" checked")
                .contains("One a line, like 15/03/2027")
                .doesNotContain("2027-03-15");
    }

    @Test
    void aFoldedFieldWithAnErrorOpensTheFoldAndAnEssentialOneDoesNot() {
        String page = OfferFormTest.send(new Visitor(app), travelling("Far Away Ltd", "500", "miles"), "1")
                .body();

        assertThat(page)
                .contains("<details class=\"more-options\" id=\"more-options\" open>")
                .contains("How far you will travel (miles) must be between 0 and 62")
                .contains("<a href=\"#radius\">");
        Map<String, String> noName = OfferFormTest.offer("", "jo@far-away.example", "DE1 1AA");
        assertThat(OfferFormTest.send(new Visitor(app), noName, "1").body())
                .contains("Enter the name of your organisation")
                .contains("<details class=\"more-options\" id=\"more-options\">");
    }

    @Test
    void aDistanceInMilesIsStoredInKilometres() {
        OfferFormTest.send(new Visitor(app), travelling("Miles Better Ltd", "10", "miles"), "1");
        OfferFormTest.send(new Visitor(app), travelling("Metric Works Ltd", "10", "km"), "1");

        assertThat(offerOf("Miles Better Ltd").getTravelRadiusKm())
                .as("10 miles is 16.09 km")
                .isEqualByComparingTo("16");
        assertThat(offerOf("Metric Works Ltd").getTravelRadiusKm()).isEqualByComparingTo("10");
    }

    /** An offer from {@code organisation} (its email and postcode made up) that travels so far. */
    private static Map<String, String> travelling(String organisation, String distance, String unit) {
        Map<String, String> fields = OfferFormTest.offer(
                organisation, "owner@" + organisation.replaceAll("\\W", "").toLowerCase() + ".example", "DE1 7AA");
        fields.put("radius", distance);
        fields.put("radiusUnit", unit);
        return fields;
    }

    @Test
    void particularDatesAreTypedTheUkWay() {
        Map<String, String> fields = OfferFormTest.offer("Date Styles Ltd", "cat@date-styles.example", "DE1 8AA");
        fields.put("dates", "15/12/2026\n16 Dec 2026\n17 December 2026\n2026-12-18\nTue 5 Jan 2027");

        HttpResponse<String> sent = OfferFormTest.send(new Visitor(app), fields);

        assertThat(sent.statusCode()).isEqualTo(200);
        long offer = offerOf("Date Styles Ltd").getId();
        assertThat(db.dsl()
                        .selectDistinct(OFFER_AVAILABILITY.AVAILABLE_ON)
                        .from(OFFER_AVAILABILITY)
                        .where(OFFER_AVAILABILITY.OFFER_ID.eq(offer))
                        .orderBy(OFFER_AVAILABILITY.AVAILABLE_ON)
                        .fetch(OFFER_AVAILABILITY.AVAILABLE_ON))
                .containsExactly(
                        LocalDate.of(2026, 12, 15),
                        LocalDate.of(2026, 12, 16),
                        LocalDate.of(2026, 12, 17),
                        LocalDate.of(2026, 12, 18),
                        LocalDate.of(2027, 1, 5));
    }

    private static OfferRecord offerOf(String employer) {
        return db.dsl()
                .select(OFFER.fields())
                .from(OFFER)
                .join(EMPLOYER)
                .on(EMPLOYER.ID.eq(OFFER.EMPLOYER_ID))
                .where(EMPLOYER.NAME.eq(employer))
                .fetchSingleInto(OFFER);
    }
}

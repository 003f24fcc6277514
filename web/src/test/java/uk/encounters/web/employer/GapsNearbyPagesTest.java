package uk.encounters.web.employer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/**
 * What the hub's schools near an employer need, on the public offer form (for a postcode typed)
 * and on the employer's own page, each with an "Offer this" link that fills the offer form in.
 * Derby's DE23 and DE1 are about 3 km apart; Sheffield's S1 is about 53 km from both.
 */
class GapsNearbyPagesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final LocalDate DECEMBER = LocalDate.of(2026, 12, 1);
    static final String TALKS = "7 more manufacturing talks for Years 8-9 within 20 km of DE23";
    static final String ONLINE = "1 more online insight session for Year 13 online, for schools in S1";
    static final String FAR = "6 more careers talks for Year 12 within 20 km of S1";
    static final List<String> SCHOOL_NAMES =
            List.of("Bemrose School", "Derby Moor Academy", "City Centre School", "Sheffield Park Academy");
    static final Pattern OFFER_LINK =
            Pattern.compile("<a href=\"([^\"]*)\">Offer this<span class=\"visually-hidden\">: ");

    static RunningApp app;
    static long hub;
    static long employer;

    @BeforeAll
    static void derbyAndSheffieldSchoolsAsking() {
        TestData data = new TestData(db.dsl());
        hub = data.hub("Derby Careers Hub");
        data.hub("Another Careers Hub");
        long bemrose = data.school(hub, "Bemrose School", "DE23 6AA", 52.900, -1.490);
        long derbyMoor = data.school(hub, "Derby Moor Academy", "DE23 8ZX", 52.896, -1.510);
        long cityCentre = data.school(hub, "City Centre School", "DE1 1AA", 52.922, -1.476);
        long sheffield = data.school(hub, "Sheffield Park Academy", "S1 2AA", 53.381, -1.470);
        data.openRequest(bemrose, 8, "careers_talk", 4, "Manufacturing", false, DECEMBER);
        data.openRequest(derbyMoor, 9, "careers_talk", 3, "Manufacturing", false, DECEMBER);
        data.openRequest(cityCentre, 10, "work_experience", 2, null, false, DECEMBER);
        data.openRequest(sheffield, 12, "careers_talk", 6, null, false, DECEMBER);
        data.openRequest(sheffield, 13, "online_insight", 1, null, true, DECEMBER);
        // postcode DE1 1AA and no position of its own: placed as a new employer there would be
        employer = data.employer(hub, "Riverside Precision");
        Accounts.create(db.dsl(), "priya@riverside.example", "Priya", Scope.employer(employer));
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void thePublicFormShowsWhatSchoolsNearThePostcodeTypedNeedWithoutNamingThem() {
        HttpResponse<String> page = new Visitor(app).get("/offer-a-talk?near=de23+6aa&area=" + hub);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("What schools near DE23 need")
                .contains(TALKS)
                .contains("2 more work experience places for Year 10 within 20 km of DE1")
                .contains("About 3 km from you")
                .contains(ONLINE)
                .doesNotContain(FAR)
                // the offer's own postcode and hub are filled in from the search
                .contains("name=\"postcode\" type=\"text\" value=\"DE23 6AA\"")
                .contains("<option value=\"" + hub + "\" selected>Derby Careers Hub</option>");
        assertThat(SCHOOL_NAMES).allSatisfy(name -> assertThat(page.body()).doesNotContain(name));
    }

    @Test
    void offerThisOpensTheFormFilledInWithExactlyThatGap() {
        Visitor visitor = new Visitor(app);
        String search = visitor.get("/offer-a-talk?near=DE23&area=" + hub).body();

        String filled = visitor.get(offerLink(search, TALKS)).body();

        assertThat(selected(filled, "type")).isEqualTo("careers_talk");
        assertThat(selected(filled, "sector")).isEqualTo("Manufacturing");
        assertThat(selected(filled, "yearFrom")).isEqualTo("8");
        assertThat(selected(filled, "yearTo")).isEqualTo("9");
        assertThat(filled).contains("name=\"postcode\" type=\"text\" value=\"DE23\"");
        assertThat(filled).contains("What schools near DE23 need");

        String online = visitor.get(offerLink(search, ONLINE)).body();
        assertThat(selected(online, "type")).isEqualTo("online_insight");
        assertThat(selected(online, "yearFrom")).isEqualTo("13");
        assertThat(online)
                .contains("id=\"online\" name=\"online\" value=\"true\" checked")
                .doesNotContain("id=\"inSchool\" name=\"inSchool\" value=\"true\" checked");
    }

    @Test
    void valuesTheFormDoesNotOfferAreIgnored() {
        HttpResponse<String> page =
                new Visitor(app).get("/offer-a-talk?type=bogus&sector=%3Cscript%3E&yearFrom=12&yearTo=8&online=1");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(selected(page.body(), "type")).isEqualTo("careers_talk");
        assertThat(selected(page.body(), "sector")).isNull();
        assertThat(selected(page.body(), "yearFrom")).isEqualTo("7");
        assertThat(selected(page.body(), "yearTo")).isEqualTo("13");
        assertThat(page.body())
                .contains("id=\"inSchool\" name=\"inSchool\" value=\"true\" checked")
                .doesNotContain("There is a problem");
    }

    @Test
    void aSearchWithoutAPostcodeOrAreaSaysWhatToCorrectBesideTheField() {
        HttpResponse<String> page = new Visitor(app).get("/offer-a-talk?near=12345&area=");

        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body())
                .contains("There is a problem")
                .contains("<a href=\"#near\">Enter a postcode, like DE23 6AA, or its first half, like DE23</a>")
                .contains("<a href=\"#area\">Select your area</a>")
                .doesNotContain("id=\"needs-heading\"");
    }

    @Test
    void theEmployersPageShowsWhatIsNeededNearItAndOfferThisFillsItsOfferForm() {
        Visitor priya = new Visitor(app).signIn("priya@riverside.example", Accounts.PASSWORD);
        String page = priya.get("/employers/" + employer).body();

        assertThat(page)
                .contains("What schools near DE1 need")
                .contains(TALKS)
                .contains(ONLINE)
                .doesNotContain(FAR);
        String link = offerLink(page, TALKS);
        assertThat(link).startsWith("/employers/" + employer + "/offers/new?");

        String filled = priya.get(link).body();
        assertThat(selected(filled, "type")).isEqualTo("careers_talk");
        assertThat(selected(filled, "sector")).isEqualTo("Manufacturing");
        assertThat(selected(filled, "yearFrom")).isEqualTo("8");
        assertThat(selected(filled, "yearTo")).isEqualTo("9");
    }

    /** The address of the "Offer this" link beside {@code wording}, as a browser reads it. */
    private static String offerLink(String page, String wording) {
        Matcher links = OFFER_LINK.matcher(page);
        while (links.find()) {
            if (page.startsWith(wording, links.end())) {
                return links.group(1).replace("&amp;", "&").replace("&#x3D;", "=");
            }
        }
        throw new AssertionError("No link to offer " + wording);
    }

    /** The value of the option chosen in the select named {@code name}; null when none is. */
    private static String selected(String page, String name) {
        Matcher select = Pattern.compile("<select id=\"" + name + "\"[^>]*>(.*?)</select>", Pattern.DOTALL)
                .matcher(page);
        assertThat(select.find()).as("a select named " + name).isTrue();
        Matcher chosen = Pattern.compile("<option value=\"([^\"]*)\" selected>").matcher(select.group(1));
        return chosen.find() ? chosen.group(1) : null;
    }
}

package uk.encounters.web.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER_HUB_PRESENCE;
import static uk.encounters.marketplace.jooq.Tables.OFFER;

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

/**
 * A cornerstone that works with two hubs, through real HTTP: Derby's coordinator finds it among
 * Nottingham's and brings it in, marks it in Derby alone, and its contact chooses which hub an
 * offer is for.
 */
class SharedCornerstoneTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static RunningApp app;
    static long derby;
    static long nottingham;
    static long trent;

    @BeforeAll
    static void aNottinghamCornerstoneAndTwoCoordinators() {
        TestData data = new TestData(db.dsl());
        derby = data.hub("Derby Careers Hub");
        nottingham = data.hub("Nottingham Careers Hub");
        trent = data.employer(nottingham, "Trent Aero Works");
        data.presence(trent, nottingham, false, 4);
        data.employer(derby, "Derby Trent Bakery");
        Accounts.create(db.dsl(), "cora@derby.example", "Cora", Scope.coordinator(derby));
        Accounts.create(db.dsl(), "nia@nottingham.example", "Nia", Scope.coordinator(nottingham));
        Accounts.create(db.dsl(), "ash@trentaero.example", "Ash", Scope.employer(trent));
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
    void derbyBringsInNottinghamsCornerstoneAndEachHubKeepsItsOwnMarkAndOffers() {
        Visitor cora = signedIn("cora@derby.example");
        Visitor ash = signedIn("ash@trentaero.example");
        assertThat(cora.get("/employers/" + trent).statusCode())
                .as("not Derby's to see yet")
                .isEqualTo(403);
        assertThat(ash.get("/employers/" + trent + "/offers/new").body())
                .as("one hub: nothing to choose")
                .doesNotContain("name=\"hub\"");

        String found = cora.get("/hubs/" + derby + "/employers?elsewhere=trent").body();
        assertThat(found)
                .contains("Trent Aero Works", "Nottingham Careers Hub")
                .as("Derby's own organisations are not offered again")
                .doesNotContain("Add<span class=\"visually-hidden\"> Derby Trent Bakery");

        String add = "/hubs/" + derby + "/employers/presence";
        assertThat(cora.post(add, Map.of("employer", String.valueOf(trent))).statusCode())
                .isEqualTo(302);
        assertThat(cora.get("/hubs/" + derby + "/employers?q=Trent+Aero").body())
                .contains("Trent Aero Works now works with this hub too");
        HttpResponse<String> again = cora.post(add, Map.of("employer", String.valueOf(trent)));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("Trent Aero Works already works with this hub");
        assertThat(cora.post(add, Map.of("employer", "999999999")).statusCode()).isEqualTo(422);
        assertThat(cora.get("/employers/" + trent).statusCode()).isEqualTo(200);
        assertThat(db.dsl()
                        .fetchCount(
                                AUDIT_LOG,
                                AUDIT_LOG.ACTION.eq("employer_added_to_hub").and(AUDIT_LOG.SUBJECT_ID.eq(trent))))
                .isEqualTo(1);

        assertThat(cora.post(
                                "/hubs/" + derby + "/employers/cornerstone",
                                Map.of("employer", String.valueOf(trent), "mark", "yes"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(cornerstoneIn(derby)).isTrue();
        assertThat(cornerstoneIn(nottingham))
                .as("Nottingham's mark is Nottingham's")
                .isFalse();
        assertThat(signedIn("nia@nottingham.example").get("/employers/" + trent).statusCode())
                .isEqualTo(200);

        assertThat(ash.get("/employers/" + trent).body())
                .contains("Works with Derby Careers Hub (cornerstone employer), Nottingham Careers Hub.");

        String form = ash.get("/employers/" + trent + "/offers/new").body();
        assertThat(form).contains("name=\"hub\"", "Derby Careers Hub", "Nottingham Careers Hub");
        HttpResponse<String> unchosen =
                ash.postAll("/employers/" + trent + "/offers", EmployerOffersTest.weeklyOffer("Unchosen talks"));
        assertThat(unchosen.statusCode()).isEqualTo(422);
        assertThat(unchosen.body()).contains("Choose the hub whose schools it is for");
        List<Map.Entry<String, String>> forDerby = new ArrayList<>(EmployerOffersTest.weeklyOffer("Derby talks"));
        forDerby.add(Map.entry("hub", String.valueOf(derby)));
        assertThat(ash.postAll("/employers/" + trent + "/offers", forDerby).statusCode())
                .isEqualTo(302);
        assertThat(db.dsl().fetchValue(OFFER.HUB_ID, OFFER.TITLE.eq("Derby talks")))
                .isEqualTo(derby);
        assertThat(db.dsl().fetchCount(OFFER, OFFER.TITLE.eq("Unchosen talks"))).isZero();
    }

    private static boolean cornerstoneIn(long hub) {
        return db.dsl()
                .fetchValue(
                        EMPLOYER_HUB_PRESENCE.CORNERSTONE,
                        EMPLOYER_HUB_PRESENCE.EMPLOYER_ID.eq(trent).and(EMPLOYER_HUB_PRESENCE.HUB_ID.eq(hub)));
    }
}

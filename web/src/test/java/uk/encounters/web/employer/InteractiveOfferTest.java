package uk.encounters.web.employer;

import static org.assertj.core.api.Assertions.assertThat;
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
 * An offer given online says whether pupils do tasks and talk with staff: only then is an online
 * visit, shadowing or placement a workplace experience (Gatsby Benchmark 6).
 */
class InteractiveOfferTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static RunningApp app;
    static long employer;
    static Visitor visitor;

    @BeforeAll
    static void anEmployerWithAnAccount() {
        TestData data = new TestData(db.dsl());
        employer = data.employer(data.hub("Derby Careers Hub"), "Rolls-Royce");
        Accounts.create(db.dsl(), "ed@rr.example", "Ed", Scope.employer(employer));
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23));
        visitor = new Visitor(app).signIn("ed@rr.example", Accounts.PASSWORD);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anOnlineVisitSaysWhetherPupilsDoTasksAndTalkWithStaffAndOnlyAnOnlineOneIsAsked() {
        String form = visitor.get("/employers/" + employer + "/offers/new").body();
        assertThat(form)
                .contains("<label for=\"interactive\">Online, pupils do tasks and talk with your staff</label>")
                .contains("counts as a workplace\n      experience (Gatsby Benchmark 6)");
        List<Map.Entry<String, String>> notOnline =
                new ArrayList<>(EmployerOffersTest.weeklyOffer("A visit that is not online"));
        notOnline.replaceAll(e -> e.getKey().equals("type") ? Map.entry("type", "workplace_visit") : e);
        notOnline.add(Map.entry("interactive", "true"));

        HttpResponse<String> refused = visitor.postAll("/employers/" + employer + "/offers", notOnline);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("id=\"interactive-error\"")
                .contains("Tick Online as well, or untick this: only an online session is interactive or not");
        assertThat(db.dsl().fetchCount(OFFER, OFFER.TITLE.eq("A visit that is not online")))
                .isZero();

        List<Map.Entry<String, String>> online =
                new ArrayList<>(EmployerOffersTest.weeklyOffer("A virtual site visit"));
        online.replaceAll(e -> e.getKey().equals("type") ? Map.entry("type", "workplace_visit") : e);
        online.add(Map.entry("online", "true"));
        online.add(Map.entry("interactive", "true"));
        assertThat(visitor.postAll("/employers/" + employer + "/offers", online).statusCode())
                .isEqualTo(302);
        var offer = db.dsl().fetchSingle(OFFER, OFFER.TITLE.eq("A virtual site visit"));
        assertThat(offer.getInteractive()).isTrue();
        assertThat(visitor.get("/employers/" + employer + "/offers/" + offer.getId() + "/edit")
                        .body())
                .contains("name=\"interactive\" value=\"true\" aria-describedby=\"interactive-hint\" checked");
    }

    @Test
    void anOnlineTalkSaysWhetherOneSessionTakesSeveralSchoolsAndOnlyAnOnlineOneCan() {
        assertThat(visitor.get("/employers/" + employer + "/offers/new").body())
                .contains("<label for=\"sharedOnline\">Online, one session can take several schools")
                .contains("all schools together");
        List<Map.Entry<String, String>> inSchool =
                new ArrayList<>(EmployerOffersTest.weeklyOffer("A shared talk in school"));
        inSchool.add(Map.entry("sharedOnline", "true"));

        HttpResponse<String> refused = visitor.postAll("/employers/" + employer + "/offers", inSchool);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("id=\"sharedOnline-error\"")
                .contains("only an online session can be shared");
        assertThat(db.dsl().fetchCount(OFFER, OFFER.TITLE.eq("A shared talk in school")))
                .isZero();

        List<Map.Entry<String, String>> online =
                new ArrayList<>(EmployerOffersTest.weeklyOffer("A webinar for schools"));
        online.add(Map.entry("online", "true"));
        online.add(Map.entry("sharedOnline", "true"));
        assertThat(visitor.postAll("/employers/" + employer + "/offers", online).statusCode())
                .isEqualTo(302);
        var offer = db.dsl().fetchSingle(OFFER, OFFER.TITLE.eq("A webinar for schools"));
        assertThat(offer.getSharedOnline()).isTrue();
        assertThat(visitor.get("/employers/" + employer + "/offers/" + offer.getId() + "/edit")
                        .body())
                .contains("name=\"sharedOnline\" value=\"true\" aria-describedby=\"sharedOnline-hint\" checked");
    }
}

package uk.encounters.web.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.register.EstablishmentRegister;
import uk.encounters.marketplace.register.RegisterExcerpt;
import uk.encounters.marketplace.register.RegisterFile;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** A coordinator finds schools in the register, adds them to the hub and removes one that left. */
class HubSchoolRoutesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static RunningApp app;
    static long derby;
    static long nottingham;

    @BeforeAll
    static void twoHubsAndTheRegister() {
        TestData data = new TestData(db.dsl());
        derby = data.hub("Derby Careers Hub");
        nottingham = data.hub("Nottingham Careers Hub");
        Accounts.create(db.dsl(), "cora@derby.example", "Cora", Scope.coordinator(derby));
        Accounts.create(db.dsl(), "nia@nottingham.example", "Nia", Scope.coordinator(nottingham));
        new EstablishmentRegister(db.dsl())
                .load(Actor.anonymous(null), RegisterFile.read(RegisterExcerpt.derby()), "gias-derby.csv");
        app = RunningApp.start(db.database(), LocalDate.of(2026, 12, 7));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aCoordinatorSearchesTheRegisterAndAddsASchool() {
        Visitor cora = new Visitor(app).signIn("cora@derby.example", Accounts.PASSWORD);

        String found = cora.get("/hubs/" + derby + "/schools?q=West+Park").body();
        assertThat(found)
                .contains("West Park School")
                .contains("Add<span class=\"visually-hidden\"> West Park School</span> as a secondary school");

        assertThat(cora.post("/hubs/" + derby + "/schools", Map.of("urn", "136634", "q", "West Park"))
                        .statusCode())
                .isEqualTo(302);
        String page = cora.get("/hubs/" + derby + "/schools").body();
        assertThat(page)
                .contains("West Park School is now one of Derby Careers Hub&#x27;s schools")
                .contains("<strong>nobody yet</strong>");
        assertThat(cora.get("/hubs/" + derby + "/schools?q=136634").body()).contains("Already in this hub");

        Visitor nia = new Visitor(app).signIn("nia@nottingham.example", Accounts.PASSWORD);
        assertThat(nia.get("/hubs/" + nottingham + "/schools?q=136634").body()).contains("In Derby Careers Hub");
        var refused = nia.post("/hubs/" + nottingham + "/schools", Map.of("urn", "136634", "q", ""));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("West Park School is in Derby Careers Hub");
    }

    @Test
    void aPrimaryOrNurseryShowsWhyItCannotJoinAndAPostForItIsRefused() {
        Visitor cora = new Visitor(app).signIn("cora@derby.example", Accounts.PASSWORD);

        assertThat(cora.get("/hubs/" + derby + "/schools?q=Lord+Street").body())
                .contains("No: It is a nursery school: encounters start in Year 7");
        var refused = cora.post("/hubs/" + derby + "/schools", Map.of("urn", "112471", "q", "Lord Street"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Lord Street Nursery School cannot be added");
        assertThat(db.dsl().fetchCount(SCHOOL, SCHOOL.URN.eq(112471))).isZero();
    }

    @Test
    void removingASchoolAsksFirstThenKeepsItsHistory() {
        Visitor cora = new Visitor(app).signIn("cora@derby.example", Accounts.PASSWORD);
        cora.get("/hubs/" + derby + "/schools");
        cora.post("/hubs/" + derby + "/schools", Map.of("urn", "137911", "q", ""));
        long school = db.dsl().fetchValue(SCHOOL.ID, SCHOOL.URN.eq(137911));
        String removePath = "/hubs/" + derby + "/schools/" + school + "/remove";

        assertThat(cora.get(removePath).body()).contains("Remove Allestree Woodlands School from Derby Careers Hub?");
        assertThat(cora.post(removePath, Map.of()).statusCode()).isEqualTo(422);
        assertThat(db.dsl().fetchValue(SCHOOL.HUB_ID, SCHOOL.ID.eq(school))).isEqualTo(derby);

        Visitor nia = new Visitor(app).signIn("nia@nottingham.example", Accounts.PASSWORD);
        nia.get("/account");
        assertThat(nia.post(removePath, Map.of("confirm", "remove")).statusCode())
                .isEqualTo(403);
        assertThat(nia.get("/hubs/" + nottingham + "/schools/" + school + "/remove")
                        .statusCode())
                .isEqualTo(404);

        assertThat(cora.post(removePath, Map.of("confirm", "remove")).statusCode())
                .isEqualTo(302);
        assertThat(db.dsl().fetchValue(SCHOOL.HUB_ID, SCHOOL.ID.eq(school))).isNull();
        assertThat(cora.get("/hubs/" + derby + "/schools").body())
                .contains("Allestree Woodlands School has left Derby Careers Hub")
                .contains("Allestree Woodlands School (URN 137911), left on Mon 7 Dec 2026");
    }
}

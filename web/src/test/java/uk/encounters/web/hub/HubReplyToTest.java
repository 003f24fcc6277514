package uk.encounters.web.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.HUB;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Addressees;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** Where replies to a hub's emails go: its coordinators, or the one address the hub gives. */
class HubReplyToTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static RunningApp app;
    static long hub;
    static long school;

    @BeforeAll
    static void start() {
        TestData data = new TestData(db.dsl());
        hub = data.hub("Reply-to hub");
        school = data.school(hub, "Reply-to School");
        Accounts.create(db.dsl(), "cora@replyhub.example", "Cora", Scope.coordinator(hub));
        Accounts.create(db.dsl(), "ben@replyhub.example", "Ben", Scope.coordinator(hub));
        Accounts.create(db.dsl(), "lee@replyschool.example", "Lee", Scope.careersLeader(school));
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void repliesGoToTheCoordinatorsUntilTheHubGivesOneAddressAndBackWhenItIsCleared() {
        assertThat(Addressees.replyToHub(db.dsl(), hub).addresses())
                .containsExactly("ben@replyhub.example", "cora@replyhub.example");
        Visitor cora = new Visitor(app).signIn("cora@replyhub.example", Accounts.PASSWORD);
        assertThat(cora.get("/hubs/" + hub + "/people").body()).contains("goes to the hub's coordinators");

        HttpResponse<String> bad = cora.post("/hubs/" + hub + "/reply-to", Map.of("replyTo", "not an address"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("Enter an email address in the right format");

        cora.get("/hubs/" + hub + "/people");
        assertThat(cora.post("/hubs/" + hub + "/reply-to", Map.of("replyTo", "careers@replyhub.example"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(Addressees.replyToHub(db.dsl(), hub).addresses()).containsExactly("careers@replyhub.example");
        assertThat(cora.get("/hubs/" + hub + "/people").body()).contains("<strong>careers@replyhub.example</strong>");

        cora.post("/hubs/" + hub + "/reply-to", Map.of("replyTo", " "));
        assertThat(db.dsl().fetchValue(HUB.REPLY_TO_EMAIL, HUB.ID.eq(hub))).isNull();
        assertThat(Addressees.replyToSchool(db.dsl(), school).addresses())
                .isEqualTo(List.of("lee@replyschool.example"));
    }

    @Test
    void onlyTheHubsCoordinatorSaysWhereItsRepliesGo() {
        Visitor lee = new Visitor(app).signIn("lee@replyschool.example", Accounts.PASSWORD);
        lee.get("/schools/" + school + "/progress");

        assertThat(lee.post("/hubs/" + hub + "/reply-to", Map.of("replyTo", "lee@replyschool.example"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(db.dsl().fetchValue(HUB.REPLY_TO_EMAIL, HUB.ID.eq(hub))).isNull();
    }
}

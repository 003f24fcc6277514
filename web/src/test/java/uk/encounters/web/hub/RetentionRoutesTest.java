package uk.encounters.web.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.privacy.LeaverRetention;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** The coordinator sets how long the hub keeps its leavers; another hub's coordinator cannot. */
class RetentionRoutesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static RunningApp app;
    static long derby;
    static long nottingham;

    @BeforeAll
    static void twoHubs() {
        TestData data = new TestData(db.dsl());
        derby = data.hub("Derby Careers Hub");
        nottingham = data.hub("Nottingham Careers Hub");
        Accounts.create(db.dsl(), "cora@derby.example", "Cora", Scope.coordinator(derby));
        Accounts.create(db.dsl(), "nia@nottingham.example", "Nia", Scope.coordinator(nottingham));
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void processRetentionKeepsTheHubsLeaversLongerAndAuditsIt() {
        Visitor cora = new Visitor(app).signIn("cora@derby.example", Accounts.PASSWORD);
        assertThat(cora.get("/hubs/" + derby + "/retention").body())
                .contains("How long leavers are kept")
                .contains("value=\"1\"");

        assertThat(cora.post("/hubs/" + derby + "/retention", Map.of("years", "3"))
                        .statusCode())
                .isEqualTo(302);

        assertThat(new LeaverRetention(db.dsl()).yearsFor(derby)).isEqualTo(3);
        assertThat(new LeaverRetention(db.dsl()).yearsFor(nottingham)).isEqualTo(1);
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("hub.pupil_retention_years")))
                .isEqualTo(1);
        assertThat(cora.get("/hubs/" + derby + "/retention").body()).contains("Saved: leavers are kept");
    }

    @Test
    void processRetentionRefusesAPeriodOutsideOneToTenYears() {
        Visitor cora = new Visitor(app).signIn("cora@derby.example", Accounts.PASSWORD);
        cora.get("/hubs/" + derby + "/retention");

        assertThat(cora.post("/hubs/" + derby + "/retention", Map.of("years", "0"))
                        .statusCode())
                .isEqualTo(422);
        assertThat(cora.post("/hubs/" + derby + "/retention", Map.of("years", "11"))
                        .statusCode())
                .isEqualTo(422);
    }

    @Test
    void anotherHubsCoordinatorIsRefused() {
        Visitor nia = new Visitor(app).signIn("nia@nottingham.example", Accounts.PASSWORD);

        assertThat(nia.get("/hubs/" + derby + "/retention").statusCode()).isEqualTo(403);
        assertThat(nia.post("/hubs/" + derby + "/retention", Map.of("years", "5"))
                        .statusCode())
                .isEqualTo(403);
    }
}

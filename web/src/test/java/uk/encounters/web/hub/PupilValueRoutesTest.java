package uk.encounters.web.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.hub.PupilValueSettings;
import uk.encounters.marketplace.pupil.PupilValueWeights;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** The coordinator sets the hub's pupil-value weights; nobody else can. */
class PupilValueRoutesTest {

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
        long school = data.school(derby, "Bemrose School");
        Accounts.create(db.dsl(), "cora@derby.example", "Cora", Scope.coordinator(derby));
        Accounts.create(db.dsl(), "nia@nottingham.example", "Nia", Scope.coordinator(nottingham));
        Accounts.create(db.dsl(), "carla@bemrose.example", "Carla", Scope.careersLeader(school));
        app = RunningApp.start(db.database(), java.time.LocalDate.of(2026, 11, 23));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Map<String, String> weights(String disadvantaged, String eal) {
        Map<String, String> fields = new HashMap<>();
        PupilValueWeights.DEFAULTS.byName().forEach((name, weight) -> fields.put(name, String.valueOf(weight)));
        fields.put("disadvantaged", disadvantaged);
        fields.put("eal", eal);
        return fields;
    }

    @Test
    void theCoordinatorRaisesDisadvantagedPupilsAndSwitchesOnEalThenGoesBackToTheDefaults() {
        Visitor cora = new Visitor(app).signIn("cora@derby.example", Accounts.PASSWORD);
        String page = cora.get("/hubs/" + derby + "/pupil-value").body();
        assertThat(page).contains("Who goes first").contains("value=\"3\"").contains("Default 0.5");

        HttpResponse<String> saved = cora.post("/hubs/" + derby + "/pupil-value", weights("1", "0.25"));

        assertThat(saved.statusCode()).isEqualTo(302);
        PupilValueWeights stored = new PupilValueSettings(db.dsl()).forHub(derby);
        assertThat(stored.disadvantaged()).isEqualTo(1.0);
        assertThat(stored.eal()).isEqualTo(0.25);
        assertThat(new PupilValueSettings(db.dsl()).forHub(nottingham)).isEqualTo(PupilValueWeights.DEFAULTS);
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("hub.pupil_value_weights")))
                .isEqualTo(1);
        assertThat(cora.get("/hubs/" + derby + "/pupil-value").body()).contains("Saved: the next round");

        cora.post("/hubs/" + derby + "/pupil-value", Map.of("defaults", "true"));
        assertThat(new PupilValueSettings(db.dsl()).forHub(derby)).isEqualTo(PupilValueWeights.DEFAULTS);
    }

    @Test
    void aWeightThatIsNotANumberOrOutOfRangeIsShownBesideItsFieldAndNothingIsSaved() {
        Visitor cora = new Visitor(app).signIn("cora@derby.example", Accounts.PASSWORD);
        cora.get("/hubs/" + derby + "/pupil-value");
        Map<String, String> bad = weights("lots", "0");
        bad.put("catchUpDecay", "1.5");

        HttpResponse<String> refused = cora.post("/hubs/" + derby + "/pupil-value", bad);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("id=\"disadvantaged-error\"")
                .contains("Extra share for a disadvantaged pupil must be a number like 0.5 or 3")
                .contains("Share kept by each further catch-up encounter must be between 0 and 1");
        assertThat(new PupilValueSettings(db.dsl()).forHub(derby)).isEqualTo(PupilValueWeights.DEFAULTS);
    }

    @Test
    void anotherHubsCoordinatorAndACareersLeaderAreRefused() {
        Visitor nia = new Visitor(app).signIn("nia@nottingham.example", Accounts.PASSWORD);
        nia.get("/account");
        assertThat(nia.get("/hubs/" + derby + "/pupil-value").statusCode()).isEqualTo(403);
        assertThat(nia.post("/hubs/" + derby + "/pupil-value", weights("2", "0"))
                        .statusCode())
                .isEqualTo(403);
        Visitor carla = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);
        carla.get("/account");
        assertThat(carla.get("/hubs/" + derby + "/pupil-value").statusCode()).isEqualTo(403);
        assertThat(new PupilValueSettings(db.dsl()).forHub(derby)).isEqualTo(PupilValueWeights.DEFAULTS);
    }
}

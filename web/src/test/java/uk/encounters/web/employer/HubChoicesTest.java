package uk.encounters.web.employer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Passwords;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** The offer form keeps its list of hubs, but a hub the administrator creates is offered at once. */
class HubChoicesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final String ADMIN_PASSWORD = "granite otter lantern meadow";
    static RunningApp app;

    @BeforeAll
    static void oneHubAndAnAdministrator() {
        new AccountRepository(db.dsl())
                .create("admin@example.org", "Ada Admin", new Passwords().hash(ADMIN_PASSWORD), Scope.admin());
        new TestData(db.dsl()).hub("Derby Careers Hub");
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aHubCreatedByTheAdministratorIsOfferedOnTheFormAtOnce() {
        Visitor sme = new Visitor(app);
        // with one hub the form asks for none
        assertThat(sme.get("/offer-a-talk").body()).doesNotContain("name=\"hub\"");

        Visitor admin = new Visitor(app).signIn("admin@example.org", ADMIN_PASSWORD);
        admin.get("/admin");
        assertThat(admin.post("/admin/hubs", Map.of("name", "Norwich Careers Hub", "area", "norwich"))
                        .statusCode())
                .isEqualTo(302);

        assertThat(sme.get("/offer-a-talk").body())
                .contains("name=\"hub\"")
                .contains("Derby Careers Hub")
                .contains("Norwich Careers Hub");
    }
}

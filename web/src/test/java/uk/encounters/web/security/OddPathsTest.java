package uk.encounters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Addresses no page of the app links to: ids that are not ids, paths that are not normalised, and where sign-in goes next. */
class OddPathsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static RunningApp app;
    static long hub;
    static long school;
    static long employer;

    @BeforeAll
    static void start() {
        TestData data = new TestData(db.dsl());
        hub = data.hub("Derby Careers Hub");
        school = data.school(hub, "Da Vinci Academy");
        employer = data.employer(hub, "Acme Engineering");
        Accounts.create(db.dsl(), "admin@example.org", "Ada Admin", Scope.admin());
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anIdThatIsNotANumberOrIsTooLargeNamesNoPage() {
        Visitor admin = new Visitor(app).signIn("admin@example.org", Accounts.PASSWORD);
        List<String> wrong = new ArrayList<>();
        for (String odd : new String[] {"abc", "99999999999999999999", "-1", "1e3"}) {
            for (String path : new String[] {"/admin/outbox/" + odd, "/admin/hubs/" + odd, "/hubs/" + odd + "/round",
                    "/hubs/" + hub + "/rounds/" + odd, "/schools/" + odd + "/progress",
                    "/schools/" + school + "/bookings/" + odd, "/schools/" + school + "/activities/" + odd + "/edit",
                    "/employers/" + odd, "/employers/" + employer + "/offers/" + odd + "/edit",
                    "/employers/" + employer + "/bookings/" + odd + "/decline"}) {
                int status = admin.get(path).statusCode();
                if (status != 404) {
                    wrong.add("GET " + path + ": " + status);
                }
            }
            admin.get("/admin");
            for (String path : new String[] {"/admin/hubs/" + odd + "/coordinators", "/offers/" + odd + "/confirm/token",
                    "/hubs/" + hub + "/rounds/" + odd + "/publish", "/schools/" + school + "/requests/" + odd + "/cancel"}) {
                int status = admin.post(path, Map.of("name", "Sam", "email", "sam@example.org")).statusCode();
                if (status != 404) {
                    wrong.add("POST " + path + ": " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}

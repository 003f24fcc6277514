package uk.encounters.web.employer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
 * Who reads an employer's statement: its own people and the coordinators of the hubs it works with; not another
 * employer's people, nor a coordinator of a hub it does not work with.
 */
class EmployerStatementAccessTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static RunningApp app;
    static long employer;

    @BeforeAll
    static void twoHubsAndTheirPeople() {
        TestData data = new TestData(db.dsl());
        long derby = data.hub("Derby Careers Hub");
        long leicester = data.hub("Leicester Careers Hub");
        long nottingham = data.hub("Nottingham Careers Hub");
        employer = data.employer(derby, "Acme Ltd");
        // works with Leicester too: its coordinator looks after the organisation there
        data.present(employer, leicester);
        long other = data.employer(derby, "Other Firm");
        Accounts.create(db.dsl(), "priya@acme.example", "Priya", Scope.employer(employer));
        Accounts.create(db.dsl(), "sam@other.example", "Sam", Scope.employer(other));
        Accounts.create(db.dsl(), "leila@leicester.example", "Leila", Scope.coordinator(leicester));
        Accounts.create(db.dsl(), "nia@nottingham.example", "Nia", Scope.coordinator(nottingham));
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    int status(String email, String path) {
        return new Visitor(app).signIn(email, Accounts.PASSWORD).get(path).statusCode();
    }

    String page() {
        return "/employers/" + employer + "/statement";
    }

    String pdf() {
        return "/employers/" + employer + "/statement/2026/pdf";
    }

    @Test
    void theEmployersOwnPeopleReadItAsAPageAndAPdf() {
        assertThat(status("priya@acme.example", page())).isEqualTo(200);
        assertThat(status("priya@acme.example", pdf())).isEqualTo(200);
    }

    @Test
    void aCoordinatorOfAHubTheEmployerWorksWithReadsIt() {
        assertThat(status("leila@leicester.example", page())).isEqualTo(200);
        assertThat(status("leila@leicester.example", pdf())).isEqualTo(200);
    }

    @Test
    void anotherEmployersPeopleAreRefused() {
        assertThat(status("sam@other.example", page())).isEqualTo(403);
        assertThat(status("sam@other.example", pdf())).isEqualTo(403);
    }

    @Test
    void aCoordinatorOfAHubTheEmployerDoesNotWorkWithIsRefused() {
        assertThat(status("nia@nottingham.example", page())).isEqualTo(403);
        assertThat(status("nia@nottingham.example", pdf())).isEqualTo(403);
    }

    @Test
    void nobodySignedInIsSentToSignIn() {
        var response = new Visitor(app).get(pdf());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith("/sign-in");
    }
}

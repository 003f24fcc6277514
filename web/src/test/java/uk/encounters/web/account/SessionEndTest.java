package uk.encounters.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.Mailbox;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;
import uk.encounters.web.WebConfig;

/** Sessions end: on a new password, on "sign out everywhere", when a role goes, and a while after sign-in whatever their use. */
class SessionEndTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Pattern RESET = Pattern.compile("https?://\\S+(/password-reset/\\S+)");
    static RunningApp app;
    static long hub;

    @BeforeAll
    static void start() {
        hub = new TestData(db.dsl()).hub("Derby Careers Hub");
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aNewPasswordEndsEverySessionButTheOneThatSetIt() {
        String email = "reset@derby-hub.example";
        Accounts.create(db.dsl(), email, "Rae", Scope.coordinator(hub));
        Visitor laptop = new Visitor(app).signIn(email, Accounts.PASSWORD);
        Visitor phone = new Visitor(app).signIn(email, Accounts.PASSWORD);
        assertThat(laptop.get("/account").statusCode()).isEqualTo(200);

        Visitor inbox = new Visitor(app);
        inbox.get("/password-reset");
        inbox.post("/password-reset", Map.of("email", email));
        Matcher link = RESET.matcher(Mailbox.latestTo(app, email));
        assertThat(link.find()).isTrue();
        inbox.get(link.group(1));
        assertThat(inbox.post(
                                link.group(1),
                                Map.of(
                                        "password",
                                        "amber lantern quietly rowing",
                                        "confirm",
                                        "amber lantern quietly rowing"))
                        .statusCode())
                .isEqualTo(302);

        assertThat(inbox.get("/account").statusCode())
                .as("the session that set it goes on")
                .isEqualTo(200);
        assertThat(laptop.get("/account").headers().firstValue("location")).hasValue("/sign-in?next=%2Faccount");
        assertThat(phone.get("/account").statusCode()).isEqualTo(302);
        assertThat(phone.get("/sign-in").body()).contains("Your session has ended: sign in again");
        assertThat(new Visitor(app)
                        .signIn(email, "amber lantern quietly rowing")
                        .get("/account")
                        .statusCode())
                .as("signing in again works")
                .isEqualTo(200);
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfThePerson() {
        String email = "everywhere@derby-hub.example";
        Accounts.create(db.dsl(), email, "Eve", Scope.coordinator(hub));
        Accounts.create(db.dsl(), "bystander@derby-hub.example", "Bo", Scope.coordinator(hub));
        Visitor here = new Visitor(app).signIn(email, Accounts.PASSWORD);
        Visitor there = new Visitor(app).signIn(email, Accounts.PASSWORD);
        Visitor bystander = new Visitor(app).signIn("bystander@derby-hub.example", Accounts.PASSWORD);
        assertThat(here.get("/account").body()).contains("Sign out everywhere");

        assertThat(here.post("/sign-out-everywhere", Map.of()).statusCode()).isEqualTo(302);

        assertThat(here.get("/account").statusCode()).isEqualTo(302);
        assertThat(there.get("/account").statusCode()).isEqualTo(302);
        assertThat(bystander.get("/account").statusCode()).as("nobody else's").isEqualTo(200);
        signingOutEndsOnlyThisSession();
    }

    private void signingOutEndsOnlyThisSession() {
        String email = "one@derby-hub.example";
        Accounts.create(db.dsl(), email, "Una", Scope.coordinator(hub));
        Visitor here = new Visitor(app).signIn(email, Accounts.PASSWORD);
        Visitor there = new Visitor(app).signIn(email, Accounts.PASSWORD);
        here.get("/account");
        here.post("/sign-out", Map.of());
        assertThat(here.get("/account").statusCode()).isEqualTo(302);
        assertThat(there.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void aRemovedRoleTakesEffectOnTheNextRequest() {
        String email = "leaving@derby-hub.example";
        long user = Accounts.create(db.dsl(), email, "Lou", Scope.coordinator(hub));
        Visitor lou = new Visitor(app).signIn(email, Accounts.PASSWORD);
        assertThat(lou.get("/hubs/" + hub + "/employers").statusCode()).isEqualTo(200);

        new AccountRepository(db.dsl()).removeScope(user, Scope.coordinator(hub));

        assertThat(lou.get("/hubs/" + hub + "/employers").statusCode()).isEqualTo(403);
    }

    @Test
    void aSessionEndsItsLifetimeAfterSignInHoweverBusy() throws InterruptedException {
        assertThat(WebConfig.fromEnvironment(Map.of()).sessionLifetime()).isEqualTo(Duration.ofHours(12));
        String email = "busy@derby-hub.example";
        Accounts.create(db.dsl(), email, "Bea", Scope.coordinator(hub));
        // in use for 1.5 s of a 4 s lifetime: room for a slow machine's sign-in and requests
        try (RunningApp shortLived = RunningApp.start(db.database(), TODAY, Map.of("SESSION_LIFETIME_SECONDS", "4"))) {
            Visitor bea = new Visitor(shortLived).signIn(email, Accounts.PASSWORD);
            long signedIn = System.nanoTime();
            while (System.nanoTime() - signedIn < Duration.ofMillis(1500).toNanos()) {
                assertThat(bea.get("/account").statusCode())
                        .as("in use within its lifetime")
                        .isEqualTo(200);
                Thread.sleep(250);
            }
            // the session began before signedIn was read, so by then it is older than its 4 seconds
            Thread.sleep(Math.max(0, Duration.ofMillis(4300).toMillis() - (System.nanoTime() - signedIn) / 1_000_000));

            assertThat(bea.get("/account").statusCode()).isEqualTo(302);
            assertThat(bea.get("/sign-in").body()).contains("Sessions end 4 seconds after signing in");
            // a form sent after the end: once signed in again, back to the page the form was on
            var posted = bea.withHeader("Referer", shortLived.url("/hubs/" + hub + "/employers?q=castle"))
                    .post("/hubs/" + hub + "/employers/merge", Map.of("from", "1", "into", "2"));
            assertThat(posted.headers().firstValue("location"))
                    .hasValue("/sign-in?next=%2Fhubs%2F" + hub + "%2Femployers%3Fq%3Dcastle");
        }
    }
}

package uk.encounters.web.account;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.WEB_SESSION;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/**
 * Sessions outlive a restart in PostgreSQL; a restart under another secret (SESSION_SECRET unset)
 * used to leave every signed-in browser with forms that were all refused, Sign out included, reload
 * or not. Each test signs in, restarts the app on the same port and database with another secret,
 * and carries on in the same browser.
 */
class FormsAcrossARestartTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final String CORA = "cora@restart-hub.example";
    static long hub;
    static long school;
    static long cora;
    static String people;
    static String careersLeaders;

    RunningApp app;

    @BeforeAll
    static void aHubWithACoordinator() {
        TestData data = new TestData(db.dsl());
        hub = data.hub("Restart Careers Hub");
        school = data.school(hub, "Restart Academy");
        cora = Accounts.create(db.dsl(), CORA, "Cora Restart", Scope.coordinator(hub));
        people = "/hubs/" + hub + "/people";
        careersLeaders = "/hubs/" + hub + "/careers-leaders";
    }

    @BeforeEach
    void start() {
        app = RunningApp.start(db.database(), TODAY, Map.of("SESSION_SECRET", "the first process's secret, 32+ chars"));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void afterARestartPagesGiveFreshTokensAndTheirFormsWork() {
        Visitor browser = new Visitor(app).signIn(CORA, Accounts.PASSWORD);
        browser.get(people);
        String before = browser.csrfToken();

        restartUnderAnotherSecret();

        for (String path : new String[] {"/", "/account", people}) {
            assertThat(browser.get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(browser.csrfToken()).isNotEqualTo(before);
        assertThat(browser.cookie("XSRF-TOKEN")).isEqualTo(browser.csrfToken());
        assertThat(browser.post(careersLeaders, invite("lee@reloaded.example")).statusCode())
                .isEqualTo(302);
        assertThat(db.dsl().fetchExists(APP_USER, APP_USER.EMAIL.eq("lee@reloaded.example")))
                .isTrue();
    }

    @Test
    void aFormOpenedBeforeARestartChangesNothingAndIsAnsweredWithAFreshOne() {
        Visitor browser = new Visitor(app).signIn(CORA, Accounts.PASSWORD);
        browser.get(people);
        String before = browser.csrfToken();

        restartUnderAnotherSecret();
        HttpResponse<String> refused =
                browser.withHeader("Referer", app.url(people)).post(careersLeaders, invite("lee@stale.example"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body())
                .contains("This form has expired", "Nothing in it was saved", "Cora Restart")
                .contains("<a class=\"button\" href=\"" + people + "\">Go back to the page</a>")
                .doesNotContain("Sign in again");
        assertThat(db.dsl().fetchExists(APP_USER, APP_USER.EMAIL.eq("lee@stale.example")))
                .as("a refused form changes nothing")
                .isFalse();
        assertThat(browser.csrfToken()).as("the page's token").isNotEqualTo(before);
        assertThat(browser.cookie("XSRF-TOKEN")).isEqualTo(browser.csrfToken());

        assertThat(browser.post(careersLeaders, invite("lee@stale.example")).statusCode())
                .as("sent again with the fresh token")
                .isEqualTo(302);
        assertThat(db.dsl().fetchExists(APP_USER, APP_USER.EMAIL.eq("lee@stale.example")))
                .isTrue();
    }

    @Test
    void signOutWithAFormFromBeforeARestartSignsOutAndSigningInAgainWorks() {
        Visitor browser = new Visitor(app).signIn(CORA, Accounts.PASSWORD);
        int signOuts = signOuts();

        restartUnderAnotherSecret();
        HttpResponse<String> signedOut = browser.post("/sign-out", Map.of());

        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(signedOut.headers().firstValue("location")).hasValue("/");
        assertThat(signOuts()).as("audited as any sign-out").isEqualTo(signOuts + 1);
        assertThat(browser.get("/account").statusCode()).as("signed out").isEqualTo(302);
        browser.signIn(CORA, Accounts.PASSWORD);
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
    }

    @Test
    void aVisitorFromBeforeARestartCanOpenASignInLinkAndUseIt() {
        Visitor browser = new Visitor(app);
        browser.get("/sign-in");
        String link = "/sign-in/link/"
                + new LoginTokenRepository(db.dsl(), app.clock())
                        .issue(cora, LoginTokenRepository.Purpose.MAGIC_LINK)
                        .token();

        restartUnderAnotherSecret();

        assertThat(browser.get("/sign-in").statusCode()).isEqualTo(200);
        assertThat(browser.get(link).statusCode()).isEqualTo(200);
        assertThat(browser.post(link, Map.of()).statusCode()).isEqualTo(302);
        assertThat(browser.get("/account").body()).contains("Cora Restart");
    }

    @Test
    void aFormFromASessionThatHasEndedOffersToSignInAgainAndBackToThePage() {
        Visitor browser = new Visitor(app).signIn(CORA, Accounts.PASSWORD);
        browser.get(people);
        db.dsl().deleteFrom(WEB_SESSION).execute();

        HttpResponse<String> refused =
                browser.withHeader("Referer", app.url(people)).post(careersLeaders, invite("lee@ended.example"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body())
                .contains("This form has expired", "your session has expired", "Sign in again")
                .contains("/sign-in?next&#x3D;%2Fhubs%2F" + hub + "%2Fpeople")
                .contains("<a href=\"" + people + "\">go back to the page</a>");
        assertThat(db.dsl().fetchExists(APP_USER, APP_USER.EMAIL.eq("lee@ended.example")))
                .isFalse();
        String signIn = "/sign-in?next=%2Fhubs%2F" + hub + "%2Fpeople";
        assertThat(browser.get(signIn).statusCode()).isEqualTo(200);
        assertThat(browser.post(signIn, Map.of("email", CORA, "password", Accounts.PASSWORD))
                        .headers()
                        .firstValue("location"))
                .hasValue(people);
    }

    @Test
    void aForgedFormIsAnsweredAsExpiredAndChangesNothing() {
        Visitor browser = new Visitor(app).signIn(CORA, Accounts.PASSWORD);
        browser.get(people);

        HttpResponse<String> forged = browser.postExactly(
                careersLeaders,
                Map.of(
                        "school",
                        String.valueOf(school),
                        "name",
                        "Fay Forged",
                        "email",
                        "fay@forged.example",
                        "X-XSRF-TOKEN",
                        "forged.1.x"));
        HttpResponse<String> noToken = browser.postExactly(careersLeaders, invite("fay@forged.example"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("This form has expired");
        assertThat(db.dsl().fetchExists(APP_USER, APP_USER.EMAIL.eq("fay@forged.example")))
                .isFalse();
        HttpResponse<String> forgedSignOut = browser.postExactly("/sign-out-everywhere", Map.of());
        assertThat(forgedSignOut.statusCode())
                .as("only Sign out itself goes ahead without its token")
                .isEqualTo(403);
        assertThat(browser.get("/account").statusCode()).isEqualTo(200);
    }

    private Map<String, String> invite(String email) {
        return Map.of("school", String.valueOf(school), "name", "Lee Leader", "email", email);
    }

    private int signOuts() {
        return db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("sign_out"));
    }

    /** The same port (the browser's cookies are the server's), the same database, another secret. */
    private void restartUnderAnotherSecret() {
        int port = URI.create(app.url("/")).getPort();
        app.close();
        app = RunningApp.start(
                db.database(),
                TODAY,
                Map.of("PORT", String.valueOf(port), "SESSION_SECRET", "the second process's secret, 32+ chars"));
    }
}

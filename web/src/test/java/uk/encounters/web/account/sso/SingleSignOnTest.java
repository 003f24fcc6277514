package uk.encounters.web.account.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.SIGN_IN_IDENTITY;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
import uk.encounters.web.account.sso.TestOidcProvider.Person;

/**
 * Single sign-on end to end against a real OpenID Connect provider started here: who is signed in,
 * and every way a sign-in is refused (an address nobody invited or the provider did not verify, a
 * token for another client, forged, or for another sign-in, an answer replayed or its state changed).
 */
class SingleSignOnTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final Pattern HIDDEN = Pattern.compile("name=\"([a-z_]+)\" value=\"([^\"]*)\"");

    static TestOidcProvider provider;
    static RunningApp app;
    static long hub;
    static final HttpClient browser =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        TestData data = new TestData(db.dsl());
        hub = data.hub("SSO hub");
        long school = data.school(hub, "SSO School");
        Accounts.create(db.dsl(), "cora@ssohub.example", "Cora", Scope.coordinator(hub));
        Accounts.create(db.dsl(), "lee@ssoschool.example", "Lee", Scope.careersLeader(school));
        Accounts.create(db.dsl(), "una@ssoschool.example", "Una", Scope.careersLeader(school));
        provider = TestOidcProvider.start()
                .knows(new Person("sub-cora", "Cora@SSOhub.example", true))
                .knows(new Person("sub-una", "una@ssoschool.example", false))
                .knows(new Person("sub-stranger", "stranger@elsewhere.example", true));
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23), provider.environment("test"));
    }

    @AfterAll
    static void stop() {
        app.close();
        provider.close();
    }

    /** The provider's answer to a sign-in started by {@code visitor}: the app's callback path, with code and state. */
    static String answerFor(Visitor visitor, String email) {
        HttpResponse<String> start = visitor.get("/sign-in/sso/test");
        assertThat(start.statusCode()).isEqualTo(302);
        String authorise = start.headers().firstValue("Location").orElseThrow();
        assertThat(authorise).startsWith(provider.issuer() + "/authorize?");
        HttpResponse<String> page =
                send(HttpRequest.newBuilder(URI.create(authorise)).GET());
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher hidden = HIDDEN.matcher(page.body());
        while (hidden.find()) {
            fields.put(hidden.group(1), hidden.group(2).replace("&quot;", "\"").replace("&amp;", "&"));
        }
        assertThat(fields).containsKeys("state", "nonce", "code_challenge", "redirect_uri");
        fields.put("email", email);
        HttpResponse<String> back = send(HttpRequest.newBuilder(URI.create(provider.issuer() + "/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
        assertThat(back.statusCode()).isEqualTo(302);
        URI callback = URI.create(back.headers().firstValue("Location").orElseThrow());
        return callback.getRawPath() + "?" + callback.getRawQuery();
    }

    static HttpResponse<String> signInAs(Visitor visitor, String email) {
        return visitor.get(answerFor(visitor, email));
    }

    @Test
    void anInvitedPersonSignsInWithTheVerifiedAccountOfTheirAddressAndLaterByTheProvidersIdForThem() {
        Visitor cora = new Visitor(app);

        HttpResponse<String> signedIn = signInAs(cora, "Cora@SSOhub.example");

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(cora.get("/account").body()).contains("cora@ssohub.example");
        assertThat(db.dsl()
                        .fetchValue(
                                SIGN_IN_IDENTITY.SUBJECT,
                                SIGN_IN_IDENTITY
                                        .ISSUER
                                        .eq(provider.issuer())
                                        .and(SIGN_IN_IDENTITY.SUBJECT.eq("sub-cora"))))
                .isEqualTo("sub-cora");
        assertThat(db.dsl()
                        .fetchCount(
                                AUDIT_LOG,
                                AUDIT_LOG
                                        .ACTION
                                        .eq("sign_in")
                                        .and(AUDIT_LOG.DETAIL.cast(String.class).contains("sso:test"))))
                .isPositive();

        // her address changes at her organisation: the provider's id for her still finds her account
        provider.knows(new Person("sub-cora", "cora.new@ssohub.example", true));
        Visitor again = new Visitor(app);
        assertThat(signInAs(again, "cora.new@ssohub.example").statusCode()).isEqualTo(302);
        assertThat(again.get("/account").body()).contains("cora@ssohub.example");
        provider.knows(new Person("sub-cora", "Cora@SSOhub.example", true));
    }

    @Test
    void anAddressNobodyInvitedOrTheProviderDidNotVerifySignsNobodyIn() {
        Visitor stranger = new Visitor(app);
        HttpResponse<String> uninvited = signInAs(stranger, "stranger@elsewhere.example");
        assertThat(uninvited.statusCode()).isEqualTo(403);
        assertThat(uninvited.body()).contains("Nobody with the email address stranger@elsewhere.example");
        assertThat(stranger.get("/account").statusCode()).isNotEqualTo(200);

        Visitor una = new Visitor(app);
        HttpResponse<String> unverified = signInAs(una, "una@ssoschool.example");
        assertThat(unverified.statusCode()).isEqualTo(401);
        assertThat(unverified.body()).contains("has not verified the email address una@ssoschool.example");
        assertThat(una.get("/account").statusCode()).isNotEqualTo(200);
    }

    @Test
    void aTokenForAnotherClientForgedOrForAnotherSignInSignsNobodyIn() {
        provider.nextTokenFor("someone-elses-client");
        Visitor audience = new Visitor(app);
        assertThat(signInAs(audience, "Cora@SSOhub.example").statusCode()).isEqualTo(401);
        assertThat(audience.get("/account").statusCode()).isNotEqualTo(200);

        provider.nextTokenForged();
        Visitor forged = new Visitor(app);
        assertThat(signInAs(forged, "Cora@SSOhub.example").statusCode()).isEqualTo(401);
        assertThat(forged.get("/account").statusCode()).isNotEqualTo(200);

        provider.nextTokenWithNonce("a-nonce-from-another-sign-in");
        Visitor nonce = new Visitor(app);
        HttpResponse<String> refused = signInAs(nonce, "Cora@SSOhub.example");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("did not confirm who you are");
        assertThat(nonce.get("/account").statusCode()).isNotEqualTo(200);
    }

    @Test
    void theProvidersAnswerWorksOnceInTheBrowserThatAskedAndNeverWithAnotherState() {
        Visitor first = new Visitor(app);
        String answer = answerFor(first, "Cora@SSOhub.example");
        assertThat(first.get(answer).statusCode()).isEqualTo(302);

        // replayed: in the same browser, and in another one
        assertThat(first.get(answer).statusCode()).isEqualTo(400);
        Visitor thief = new Visitor(app);
        assertThat(thief.get(answer).statusCode()).isEqualTo(400);
        assertThat(thief.get("/account").statusCode()).isNotEqualTo(200);

        // the used code under a fresh sign-in's own state: the provider gives it once only
        Visitor replay = new Visitor(app);
        String fresh = answerFor(replay, "Cora@SSOhub.example");
        String usedCode = answer.replaceAll(".*code=([^&]+).*", "$1");
        assertThat(replay.get(fresh.replaceAll("code=[^&]+", "code=" + usedCode))
                        .statusCode())
                .isEqualTo(401);
        assertThat(replay.get("/account").statusCode()).isNotEqualTo(200);

        // a changed state: refused, and the sign-in it belonged to is over
        Visitor tampered = new Visitor(app);
        String changed = answerFor(tampered, "Cora@SSOhub.example").replaceAll("state=[^&]+", "state=forged");
        assertThat(tampered.get(changed).statusCode()).isEqualTo(400);
        assertThat(tampered.get("/account").statusCode()).isNotEqualTo(200);
    }

    @Test
    void aHubThatRequiresItForItsCoordinatorsTakesNoPasswordOrLinkFromThem() {
        Visitor cora = new Visitor(app);
        signInAs(cora, "Cora@SSOhub.example");
        assertThat(cora.get("/hubs/" + hub + "/people").body())
                .contains("Coordinators must sign in with their organisation's account");

        assertThat(cora.post("/hubs/" + hub + "/single-sign-on", Map.of("required", "yes"))
                        .statusCode())
                .isEqualTo(302);
        try {
            assertThat(db.dsl().fetchValue(HUB.COORDINATORS_NEED_SSO, HUB.ID.eq(hub)))
                    .isTrue();
            Visitor password = new Visitor(app);
            password.get("/sign-in");
            HttpResponse<String> refused =
                    password.post("/sign-in", Map.of("email", "cora@ssohub.example", "password", Accounts.PASSWORD));
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(password.get("/account").statusCode()).isNotEqualTo(200);
            // single sign-on still works for her, and careers leaders still use their passwords
            assertThat(signInAs(new Visitor(app), "Cora@SSOhub.example").statusCode())
                    .isEqualTo(302);
            new Visitor(app).signIn("lee@ssoschool.example", Accounts.PASSWORD);
        } finally {
            db.dsl().update(HUB).set(HUB.COORDINATORS_NEED_SSO, false).execute();
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}

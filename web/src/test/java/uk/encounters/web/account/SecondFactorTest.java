package uk.encounters.web.account;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.APP_USER;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Role;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.account.SecondFactor;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;
import uk.encounters.web.WebConfig;

/** Two-step sign-in: administrators and coordinators set it up before they can act; anyone may opt in. */
class SecondFactorTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final Pattern CODES = Pattern.compile("<code>([A-Z2-7]{4}-[A-Z2-7]{4})</code>");
    static RunningApp app;
    static long hub;
    static long school;

    @BeforeAll
    static void start() {
        assertThat(WebConfig.fromEnvironment(Map.of()).secondFactorRoles())
                .isEqualTo(Set.of(Role.ADMIN, Role.COORDINATOR));
        TestData data = new TestData(db.dsl());
        hub = data.hub("Derby Careers Hub");
        school = data.school(hub, "Opt-in Academy");
        app = RunningApp.start(
                db.database(), LocalDate.of(2026, 11, 23), Map.of("SECOND_FACTOR_ROLES", "admin,coordinator"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aCoordinatorSetsItUpBeforeActingAndEachSignInAsksForACodeThatWorksOnce() {
        Accounts.create(db.dsl(), "cora@derby-hub.example", "Cora", Scope.coordinator(hub));
        Visitor cora = new Visitor(app).signIn("cora@derby-hub.example", Accounts.PASSWORD);

        HttpResponse<String> dashboard = cora.get("/hubs/" + hub + "/employers");
        assertThat(dashboard.headers().firstValue("location")).hasValue("/two-factor");
        assertThat(cora.get("/two-factor").headers().firstValue("location")).hasValue("/two-factor/setup");
        String setup = cora.get("/two-factor/setup").body();
        assertThat(setup).contains("Set up two-step sign-in").contains("otpauth://totp/");
        String secret = setup.replaceAll("(?s).*<p class=\"secret-key\"><strong>([A-Z2-7 ]+)</strong>.*", "$1")
                .replace(" ", "");

        HttpResponse<String> wrong =
                cora.post("/two-factor/setup", Map.of("code", "000000".equals(now(secret)) ? "111111" : "000000"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("That code is not right");
        String used = now(secret);
        HttpResponse<String> done = cora.post("/two-factor/setup", Map.of("code", used));
        assertThat(done.statusCode()).isEqualTo(200);
        List<String> recovery =
                CODES.matcher(done.body()).results().map(r -> r.group(1)).toList();
        assertThat(recovery).hasSize(10);
        assertThat(cora.get("/hubs/" + hub + "/employers").statusCode()).isEqualTo(200);
        assertThat(db.dsl().fetchValue(APP_USER.TOTP_SECRET, APP_USER.EMAIL.eq("cora@derby-hub.example")))
                .isEqualTo(secret);

        // a new sign-in asks again; the code already used is refused, a recovery code works once
        Visitor again = new Visitor(app).signIn("cora@derby-hub.example", Accounts.PASSWORD);
        assertThat(again.get("/hubs/" + hub + "/employers").statusCode()).isEqualTo(302);
        again.get("/two-factor");
        assertThat(again.post("/two-factor", Map.of("code", used)).statusCode())
                .as("a code works once")
                .isEqualTo(422);
        assertThat(again.post("/two-factor", Map.of("code", recovery.getFirst().toLowerCase()))
                        .statusCode())
                .isEqualTo(302);
        assertThat(again.get("/hubs/" + hub + "/employers").statusCode()).isEqualTo(200);

        Visitor third = new Visitor(app).signIn("cora@derby-hub.example", Accounts.PASSWORD);
        third.get("/two-factor");
        assertThat(third.post("/two-factor", Map.of("code", recovery.getFirst()))
                        .statusCode())
                .isEqualTo(422);
        assertThat(third.get("/hubs/" + hub + "/employers").statusCode()).isEqualTo(302);
    }

    @Test
    void aCareersLeaderNeedsNoneUntilTheyTurnItOnAndThenAlways() {
        Accounts.create(db.dsl(), "lee@opt-in.example", "Lee", Scope.careersLeader(school));
        Visitor lee = new Visitor(app).signIn("lee@opt-in.example", Accounts.PASSWORD);
        assertThat(lee.get("/schools/" + school + "/requests").statusCode()).isEqualTo(200);
        assertThat(lee.get("/account").body()).contains("Two-step sign-in");

        String setup = lee.get("/two-factor/setup").body();
        String secret = setup.replaceAll("(?s).*<p class=\"secret-key\"><strong>([A-Z2-7 ]+)</strong>.*", "$1")
                .replace(" ", "");
        assertThat(lee.post("/two-factor/setup", Map.of("code", now(secret))).statusCode())
                .isEqualTo(200);

        Visitor later = new Visitor(app).signIn("lee@opt-in.example", Accounts.PASSWORD);
        assertThat(later.get("/schools/" + school + "/requests").headers().firstValue("location"))
                .hasValue("/two-factor");
    }

    @Test
    void theCodesAreThoseOfRfc6238() {
        // RFC 6238's SHA-1 test vector, truncated to 6 digits: T = 59 s gives 94287082
        String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        assertThat(SecondFactor.codeAt(secret, 59 / 30)).isEqualTo("287082");
        assertThat(SecondFactor.codeAt(secret, 1111111109L / 30)).isEqualTo("081804");
    }

    private static String now(String secret) {
        return SecondFactor.codeAt(secret, new SecondFactor(db.dsl(), Clock.systemUTC()).currentStep());
    }
}

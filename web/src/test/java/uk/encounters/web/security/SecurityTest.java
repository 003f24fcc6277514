package uk.encounters.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Passwords;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Mailbox;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

class SecurityTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final String PASSWORD = "violet tractor summit pebble";
    static RunningApp app;

    @BeforeAll
    static void start() {
        long school =
                new TestData(db.dsl()).school(new TestData(db.dsl()).hub("Derby Careers Hub"), "Da Vinci Academy");
        new AccountRepository(db.dsl())
                .create("lee@example.org", "Lee", new Passwords().hash(PASSWORD), Scope.careersLeader(school));
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenOrWithAForgedOneIsRefused() {
        Visitor visitor = new Visitor(app);
        visitor.get("/sign-in");

        assertThat(visitor.postExactly("/sign-in", Map.of("email", "lee@example.org", "password", PASSWORD))
                        .statusCode())
                .isEqualTo(403);
        assertThat(visitor.postExactly(
                                "/sign-in",
                                Map.of("email", "lee@example.org", "password", PASSWORD, "X-XSRF-TOKEN", "forged"))
                        .statusCode())
                .isEqualTo(403);
        visitor.get("/sign-in");
        assertThat(visitor.post("/sign-in", Map.of("email", "lee@example.org", "password", PASSWORD))
                        .statusCode())
                .isEqualTo(302);
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() {
        for (String path : new String[] {"/", "/sign-in", "/no-such-page"}) {
            var headers = new Visitor(app).get(path).headers();
            assertThat(headers.firstValue("content-security-policy"))
                    .as(path)
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains("script-src 'self'")
                            .contains("frame-ancestors 'none'")
                            .doesNotContain("unsafe-inline"));
            assertThat(headers.firstValue("x-content-type-options")).as(path).hasValue("nosniff");
            assertThat(headers.firstValue("referrer-policy")).as(path).hasValue("same-origin");
            assertThat(headers.firstValue("x-frame-options")).as(path).hasValue("DENY");
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        var cookie = new Visitor(app)
                .get("/sign-in").headers().allValues("set-cookie").stream()
                        .filter(c -> c.startsWith("encounters_session="))
                        .findFirst()
                        .orElseThrow();

        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    }

    @Test
    void cookiesAreSecureAndHstsIsSentWhenTheSiteIsServedOverHttps() {
        RunningApp https = RunningApp.start(
                db.database(), LocalDate.of(2026, 11, 23), Map.of("BASE_URL", "https://encounters.example.org"));
        try {
            var headers = new Visitor(https).get("/sign-in").headers();
            assertThat(headers.allValues("set-cookie"))
                    .isNotEmpty()
                    .allSatisfy(cookie -> assertThat(cookie).containsIgnoringCase("Secure"));
            assertThat(headers.firstValue("strict-transport-security")).isPresent();
        } finally {
            https.close();
        }
    }

    @Test
    void repeatedSignInAttemptsForOneAccountAreStoppedWithA429Page() {
        new AccountRepository(db.dsl())
                .create("target@example.org", "Target", new Passwords().hash(PASSWORD), Scope.admin());
        Visitor attacker = new Visitor(app);
        int status = 0;
        for (int attempt = 1; attempt <= RateLimit.LIMITS.get("sign-in").perAccount() + 1; attempt++) {
            attacker.get("/sign-in");
            status = attacker.post("/sign-in", Map.of("email", "target@example.org", "password", "guess " + attempt))
                    .statusCode();
        }
        attacker.get("/sign-in");
        HttpResponse<String> blocked =
                attacker.post("/sign-in", Map.of("email", "target@example.org", "password", PASSWORD));

        assertThat(status).isEqualTo(429);
        assertThat(blocked.statusCode()).as("even the right password waits").isEqualTo(429);
        assertThat(blocked.body()).contains("Too many attempts");
        assertThat(blocked.headers().firstValue("retry-after")).isPresent();
    }

    /**
     * An upload route reads up to 2 MB: it answers whoever may not use it before reading any of
     * the body, so nobody can make it read 2 MB by posting to a school or employer not theirs.
     */
    @Test
    void anUploadIsAnsweredBeforeItsBodyIsReadWhenTheSenderMayNotUseTheRoute() throws Exception {
        TestData data = new TestData(db.dsl());
        long otherSchool = data.school(data.hub("Leicester Careers Hub"), "Another Academy");
        Visitor lee = new Visitor(app).signIn("lee@example.org", PASSWORD);
        String session = "Cookie: encounters_session=" + lee.cookie("encounters_session") + "\r\n";

        for (String path : new String[] {
            "/schools/" + otherSchool + "/import/pupils", "/schools/" + otherSchool + "/import/activities"
        }) {
            assertThat(statusLineOfBodilessPost(path, ""))
                    .as("nobody signed in: " + path)
                    .contains(" 302 ");
            assertThat(statusLineOfBodilessPost(path, session))
                    .as("another school's careers leader: " + path)
                    .contains(" 403 ");
        }
    }

    /** Sends a POST's head declaring a 1 MB body, sends none of it, and reads the status line (10 s at most). */
    private static String statusLineOfBodilessPost(String path, String headers) throws Exception {
        java.net.URI base = java.net.URI.create(app.url("/"));
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers
                                    + "Content-Type: multipart/form-data; boundary=XYZ\r\nContent-Length: 1000000\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new java.io.BufferedReader(new java.io.InputStreamReader(
                            socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
                    .readLine();
        } catch (java.net.SocketTimeoutException e) {
            return "no answer while the body was awaited";
        }
    }

    @Test
    void anOversizeBodyIsRefusedWithAClearPage() {
        Visitor visitor = new Visitor(app);
        visitor.get("/sign-in");

        HttpResponse<String> response = visitor.post("/sign-in", Map.of("email", "x".repeat(100_000), "password", "y"));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("That was too large to send");
    }

    @Test
    void noPasswordOrTokenReachesTheLogsInAFullSignInAndResetFlow() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        logs.start();
        root.addAppender(logs);
        String token;
        new AccountRepository(db.dsl())
                .create("logs@example.org", "Logan", new Passwords().hash(PASSWORD), Scope.admin());
        try {
            Visitor logan = new Visitor(app).signIn("logs@example.org", PASSWORD);
            logan.get("/password-reset");
            logan.post("/password-reset", Map.of("email", "logs@example.org"));
            String body = Mailbox.latestTo(app, "logs@example.org");
            token = body.replaceAll("(?s).*/password-reset/(\\S+).*", "$1");
            Visitor reset = new Visitor(app);
            reset.get("/password-reset/" + token);
            reset.post(
                    "/password-reset/" + token,
                    Map.of("password", "marble falcon river tulip", "confirm", "marble falcon river tulip"));
            Visitor failed = new Visitor(app);
            failed.get("/sign-in");
            failed.post("/sign-in", Map.of("email", "logs@example.org", "password", "a wrong guess here"));
        } finally {
            root.detachAppender(logs);
            root.setLevel(ch.qos.logback.classic.Level.INFO);
        }
        String logged = logs.list.stream()
                .map(e -> e.getFormattedMessage() + " " + e.getThrowableProxy())
                .collect(Collectors.joining("\n"));

        assertThat(logs.list)
                .as("the flow did log something, so the check means something")
                .isNotEmpty();
        assertThat(logged)
                .doesNotContain(PASSWORD)
                .doesNotContain("marble falcon river tulip")
                .doesNotContain("a wrong guess here")
                .doesNotContain(token);
        assertThat(db.dsl().fetch("select * from login_token").formatCSV()).doesNotContain(token);
    }
}

package uk.encounters.web.observe;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/** The request id in the real app: in each response, in the access log line, and never a secret in the logs. */
class RequestIdTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final String TOKEN = "q7Vb0Xr2mN4sT6uW8yZ1aC3eG5iK7oQ9sU1wY3_-AbC"; // the shape of a link's 256-bit token

    static RunningApp app;
    static RunningApp behindProxy;
    static long school;
    static long leader;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        TestData data = new TestData(db.dsl());
        school = data.school(data.hub("Derby Careers Hub"), "Da Vinci Academy");
        leader = Accounts.create(db.dsl(), "lee@davinci.example", "Lee", Scope.careersLeader(school));
        app = RunningApp.start(db.database(), TODAY);
        behindProxy = RunningApp.start(db.database(), TODAY, Map.of("TRUST_PROXY", "true"));
    }

    @AfterAll
    static void stop() {
        app.close();
        behindProxy.close();
    }

    @Test
    void everyResponseCarriesAFreshRequestId() {
        Set<String> ids = new HashSet<>();
        for (String path : List.of("/", "/", "/sign-in", "/no-such-page", "/health")) {
            String id = app.get(path).headers().firstValue(RequestId.HEADER).orElseThrow();
            assertThat(id).matches("[0-9a-f]{16}");
            ids.add(id);
        }
        assertThat(ids).hasSize(5);
    }

    @Test
    void anIncomingRequestIdIsTakenOnlyFromATrustedProxy() throws Exception {
        String fromProxy = "3f1c9e2a-7b4d-4e8f-9a0b-1c2d3e4f5a6b";

        assertThat(idAnswered(app, fromProxy))
                .as("no proxy to trust: a visitor could forge it")
                .isNotEqualTo(fromProxy);
        assertThat(idAnswered(behindProxy, fromProxy)).isEqualTo(fromProxy);
        for (String malformed :
                List.of("short", "has spaces in it, and \"quotes\"", "x".repeat(65), "<script>alert(1)</script>")) {
            assertThat(idAnswered(behindProxy, malformed)).as(malformed).matches("[0-9a-f]{16}");
        }
    }

    @Test
    void eachRequestIsLoggedOnceWithItsRoutePathStatusDurationAndUser() throws Exception {
        Visitor lee = new Visitor(app).signIn("lee@davinci.example", Accounts.PASSWORD);
        try (LogCapture logs = new LogCapture()) {
            var page = lee.get("/schools/" + school + "/progress");
            String id = page.headers().firstValue(RequestId.HEADER).orElseThrow();

            ILoggingEvent line = accessLine(logs, id);

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(LogCapture.valueOf(line, "method")).isEqualTo("GET");
            assertThat(LogCapture.valueOf(line, "route")).isEqualTo("/schools/:schoolId/progress");
            assertThat(LogCapture.valueOf(line, "path")).isEqualTo("/schools/" + school + "/progress");
            assertThat(LogCapture.valueOf(line, "status")).isEqualTo(200);
            assertThat((Long) LogCapture.valueOf(line, "durationMs")).isNotNegative();
            assertThat(LogCapture.valueOf(line, "userId")).isEqualTo(leader);
            assertThat(line.getFormattedMessage())
                    .startsWith("GET /schools/" + school + "/progress 200 ")
                    .contains("route=/schools/:schoolId/progress", "user=" + leader);
            assertThat(logs.events(e -> id.equals(LogCapture.requestIdOf(e))
                            && e.getLoggerName().equals(AccessLog.class.getName())))
                    .hasSize(1);
        }
    }

    @Test
    void aPathNoRouteTakesIsLoggedAsUnmatchedWithoutUser() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            var page = app.get("/no-such-page?email=someone@example.org");
            ILoggingEvent line =
                    accessLine(logs, page.headers().firstValue(RequestId.HEADER).orElseThrow());

            assertThat(LogCapture.valueOf(line, "route")).isEqualTo(AccessLog.UNMATCHED);
            assertThat(LogCapture.valueOf(line, "path"))
                    .as("never the query string")
                    .isEqualTo("/no-such-page");
            assertThat(LogCapture.valueOf(line, "status")).isEqualTo(404);
            assertThat(LogCapture.valueOf(line, "userId")).isNull();
        }
    }

    @Test
    void theSecretsOfSignInReplyAndCalendarLinksNeverReachTheLogs() throws Exception {
        Map<String, String> loggedAs = Map.of(
                "/sign-in/link/" + TOKEN, "/sign-in/link/[secret]",
                "/password-reset/" + TOKEN, "/password-reset/[secret]",
                "/invitation/" + TOKEN, "/invitation/[secret]",
                "/bookings/12/reply/" + TOKEN, "/bookings/12/reply/[secret]",
                "/calendar/" + TOKEN, "/calendar/[secret]",
                "/offers/7/confirm/" + TOKEN, "/offers/7/confirm/[secret]",
                "/organisations/7/invitation/" + TOKEN, "/organisations/7/invitation/[secret]",
                // a link mangled by a mail program, which no route takes
                "/sign-in/link/" + TOKEN + "/extra", "/sign-in/link/[secret]/extra");
        try (LogCapture logs = new LogCapture()) {
            for (var link : loggedAs.entrySet()) {
                String id = app.get(link.getKey())
                        .headers()
                        .firstValue(RequestId.HEADER)
                        .orElseThrow();
                assertThat(LogCapture.valueOf(accessLine(logs, id), "path")).isEqualTo(link.getValue());
            }
            assertThat(logs.events()).isNotEmpty().allSatisfy(e -> {
                assertThat(e.getFormattedMessage()).doesNotContain(TOKEN);
                assertThat(String.valueOf(e.getKeyValuePairs())).doesNotContain(TOKEN);
            });
        }
    }

    private String idAnswered(RunningApp to, String incoming) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(to.url("/")))
                        .header(RequestId.HEADER, incoming)
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.headers().firstValue(RequestId.HEADER).orElseThrow();
    }

    /** The access line is written when the response has ended, which the client may see first. */
    static ILoggingEvent accessLine(LogCapture logs, String requestId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            List<ILoggingEvent> lines = logs.events(e ->
                    e.getLoggerName().equals(AccessLog.class.getName()) && requestId.equals(LogCapture.requestIdOf(e)));
            if (!lines.isEmpty() || System.nanoTime() > deadline) {
                assertThat(lines).as("the access line of request " + requestId).hasSize(1);
                return lines.getFirst();
            }
            Thread.sleep(20);
        }
    }
}

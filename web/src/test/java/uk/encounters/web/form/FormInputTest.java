package uk.encounters.web.form;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.RATE_LIMIT;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
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
import uk.encounters.web.WebServer;

/** Requests no browser sends, which the form fuzzing found answered with a 500: now a 400 that writes nothing. */
class FormInputTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static RunningApp app;
    static long hub;
    static long employer;
    static long school;

    @BeforeAll
    static void start() {
        TestData data = new TestData(db.dsl());
        hub = data.hub("Derby Careers Hub");
        employer = data.employer(hub, "Acme Engineering");
        school = data.school(hub, "Da Vinci Academy");
        Accounts.create(db.dsl(), "admin@example.org", "Ada Admin", Scope.admin());
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aMultipartBodyWithAnEmptyBoundaryIsRefusedWith400() throws Exception {
        for (String type : new String[] {
            "multipart/form-data; boundary=", "multipart/form-data; boundary=\"\"", "multipart/form-data"
        }) {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(app.url("/sign-in/link")))
                                    .header("Content-Type", type)
                                    .POST(HttpRequest.BodyPublishers.ofString("email=someone@example.org"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(type).isEqualTo(400);
            assertThat(response.body()).contains("Something was wrong with that request");
        }
    }

    /**
     * A part header with an unbalanced quote makes Netty's decoder throw where Vert.x never answers:
     * routes that take no file refuse multipart bodies before the decoder sees them.
     */
    @Test
    void aMultipartBodyWhereNoFileIsTakenIsRefusedWith415AtOnce() throws Exception {
        for (String path : new String[] {"/sign-in", "/offer-a-talk"}) {
            assertThat(postUnbalancedPartHeader(path).statusCode()).as(path).isEqualTo(415);
        }
    }

    /**
     * The upload routes decode multipart themselves ({@link UploadForm}): the same body is a 400, at
     * once. Sent by someone allowed to upload there: anyone else is answered before the body is read.
     */
    @Test
    void aMalformedMultipartBodyOnAnUploadRouteIsRefusedWith400AtOnce() throws Exception {
        String session = "encounters_session="
                + new Visitor(app)
                        .signIn("admin@example.org", Accounts.PASSWORD)
                        .cookie("encounters_session");
        for (String path : new String[] {
            "/employers/" + employer + "/import/volunteers",
            "/employers/" + employer + "/import/offers",
            "/schools/" + school + "/import/pupils",
            "/schools/" + school + "/import/log"
        }) {
            HttpResponse<String> response = postUnbalancedPartHeader(path, session);

            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).contains("Something was wrong with that request");
        }
    }

    private static HttpResponse<String> postUnbalancedPartHeader(String path) throws Exception {
        return postUnbalancedPartHeader(path, "none=");
    }

    /** Within 10 s: the request used to go unanswered. */
    private static HttpResponse<String> postUnbalancedPartHeader(String path, String cookie) throws Exception {
        String body = "--XYZ\r\nContent-Disposition: form-data; name=\"\"]x;y\"\r\n\r\nvalue\r\n--XYZ--\r\n";
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(app.url(path)))
                                .timeout(java.time.Duration.ofSeconds(10))
                                .header("Content-Type", "multipart/form-data; boundary=XYZ")
                                .header("Cookie", cookie)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUploadOverTheLimitIsRefusedWith413WhetherItsLengthIsDeclaredOrNot() throws Exception {
        String session =
                new Visitor(app).signIn("admin@example.org", Accounts.PASSWORD).cookie("encounters_session");
        String head = "POST /employers/" + employer
                + "/import/volunteers HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Cookie: encounters_session=" + session + "\r\nContent-Type: multipart/form-data; boundary=XYZ\r\n";
        assertThat(statusLineOf(
                        head + "Content-Length: " + (WebServer.UPLOAD_LIMIT_BYTES + 1) + "\r\n\r\n", new byte[0]))
                .as("declared")
                .contains(" 413 ");

        java.io.ByteArrayOutputStream chunked = new java.io.ByteArrayOutputStream();
        byte[] chunk = "x".repeat(64 * 1024).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (long sent = 0; sent <= WebServer.UPLOAD_LIMIT_BYTES; sent += chunk.length) {
            chunked.write(
                    (Integer.toHexString(chunk.length) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            chunked.write(chunk);
            chunked.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        chunked.write("0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(statusLineOf(head + "Transfer-Encoding: chunked\r\n\r\n", chunked.toByteArray()))
                .as("counted as it arrives")
                .contains(" 413 ");
    }

    @Test
    void aNulCharacterInAFieldIsRefusedWith400BeforeAnythingIsWritten() {
        Visitor visitor = new Visitor(app);
        visitor.get("/sign-in/link");
        int rateLimitRows = db.dsl().fetchCount(RATE_LIMIT);

        HttpResponse<String> response = visitor.post("/sign-in/link", Map.of("email", "someone@example.org\u0000"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(db.dsl().fetchCount(RATE_LIMIT))
                .as("not even counted against a rate limit")
                .isEqualTo(rateLimitRows);
    }

    @Test
    void aNulCharacterInTheQueryIsRefusedWith400() throws Exception {
        Visitor admin = new Visitor(app).signIn("admin@example.org", Accounts.PASSWORD);
        assertThat(admin.get("/hubs/" + hub + "/employers?q=acme").statusCode()).isEqualTo(200);

        assertThat(admin.get("/hubs/" + hub + "/employers?q=acme%00").statusCode())
                .as("the name filter goes to PostgreSQL")
                .isEqualTo(400);
        assertThat(statusLineOf("/offer-a-talk?sector=a%G0"))
                .as("a query that does not decode")
                .contains(" 400 ");
    }

    /** Java's HTTP client will not send a malformed address; a socket will. */
    private static String statusLineOf(String target) throws Exception {
        return statusLineOf("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", new byte[0]);
    }

    private static String statusLineOf(String head, byte[] body) throws Exception {
        URI base = URI.create(app.url("/"));
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            return new java.io.BufferedReader(new java.io.InputStreamReader(
                            socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
                    .readLine();
        }
    }
}

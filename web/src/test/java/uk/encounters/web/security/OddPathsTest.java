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
            for (String path : new String[] {
                "/admin/outbox/" + odd,
                "/admin/hubs/" + odd,
                "/hubs/" + odd + "/round",
                "/hubs/" + hub + "/rounds/" + odd,
                "/schools/" + odd + "/progress",
                "/schools/" + school + "/bookings/" + odd,
                "/schools/" + school + "/activities/" + odd + "/edit",
                "/employers/" + odd,
                "/employers/" + employer + "/offers/" + odd + "/edit",
                "/employers/" + employer + "/bookings/" + odd + "/decline"
            }) {
                int status = admin.get(path).statusCode();
                if (status != 404) {
                    wrong.add("GET " + path + ": " + status);
                }
            }
            admin.get("/admin");
            for (String path : new String[] {
                "/admin/hubs/" + odd + "/coordinators",
                "/offers/" + odd + "/confirm/token",
                "/hubs/" + hub + "/rounds/" + odd + "/publish",
                "/schools/" + school + "/requests/" + odd + "/cancel"
            }) {
                int status = admin.post(path, Map.of("name", "Sam", "email", "sam@example.org"))
                        .statusCode();
                if (status != 404) {
                    wrong.add("POST " + path + ": " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** The router matched these on their normalised form, and pages built links from the raw one. */
    @Test
    void aPathThatIsNotInItsPlainFormNamesNoPage() throws Exception {
        Visitor admin = new Visitor(app).signIn("admin@example.org", Accounts.PASSWORD);
        String cookie = "encounters_session=" + admin.cookie("encounters_session");
        assertThat(statusLineOf("/hubs/" + hub + "/offers", cookie))
                .as("the plain path")
                .contains(" 200 ");

        for (String odd : new String[] {
            "//host/../hubs/" + hub + "/offers",
            "/hubs//" + hub + "/offers",
            "/hubs/" + hub + "/./offers",
            "/hubs/" + hub + "/x/../offers",
            "/hubs/" + hub + "/%2E%2E/" + hub + "/offers",
            "/hubs%2F" + hub + "/offers",
            "/hubs/" + hub + "\\offers"
        }) {
            assertThat(statusLineOf(odd, cookie)).as(odd).containsAnyOf(" 404 ", " 400 ");
        }
    }

    @Test
    void theLinkToAPupilsLogKeepsTheWholeReference() {
        long pupil = new TestData(db.dsl()).pupil(school, 10);
        db.dsl().execute("update pupil set reference = ? where id = ?", "A&B #1", pupil);
        new TestData(db.dsl()).encounter(pupil, LocalDate.of(2026, 10, 1), true);
        Visitor admin = new Visitor(app).signIn("admin@example.org", Accounts.PASSWORD);

        String page = admin.get("/schools/" + school + "/pupils/log?reference=A%26B+%231")
                .body();
        String href = page.replaceAll("(?s).*<a href=\"([^\"]*log\\.csv[^\"]*)\".*", "$1")
                .replace("&#x3D;", "=")
                .replace("&amp;", "&");
        var download = admin.get(href);

        assertThat(href).isEqualTo("/schools/" + school + "/pupils/log.csv?reference=A%26B+%231");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).contains("A local employer");
    }

    @Test
    void signingInGoesOnlyToAPathOfThisSiteInAPlainShape() {
        Accounts.create(db.dsl(), "lee@example.org", "Lee", Scope.careersLeader(school));
        Map<String, String> followed = new java.util.LinkedHashMap<>();
        for (String next : new String[] {
            "%2F%09%2Fevil.example%2F",
            "%2F%5Cevil.example",
            "%2F%2Fevil.example",
            "https%3A%2F%2Fevil.example",
            "%2F%0D%0ALocation%3A+http%3A%2F%2Fevil.example",
            "%2F.%2F%2Fevil.example",
            "%2F..%2F%2Fevil.example",
            "%2F%E2%80%AE%2Fevil.example",
            "%2Fschools%2F" + school + "%2Fprogress",
            "%2Fschools%2F" + school + "%2Foffers%3Ftype%3Dcareers_talk%26year%3D9"
        }) {
            Visitor lee = new Visitor(app);
            lee.get("/sign-in?next=" + next);
            var response = lee.post(
                    "/sign-in?next=" + next, Map.of("email", "lee@example.org", "password", Accounts.PASSWORD));
            followed.put(
                    next,
                    response.statusCode() + " "
                            + response.headers().firstValue("location").orElse(""));
        }

        assertThat(followed)
                .allSatisfy((next, answer) -> assertThat(answer).as(next).startsWith("302 /"));
        assertThat(followed.values())
                .filteredOn(answer -> !answer.equals("302 /account"))
                .containsExactly(
                        "302 /schools/" + school + "/progress",
                        "302 /schools/" + school + "/offers?type=careers_talk&year=9");
    }

    @Test
    void theSignInFormCarriesNextAsOneValue() {
        String page = new Visitor(app)
                .get("/sign-in?next=" + "%2Fschools%2F1%2Foffers%3Ftype%3Dcareers_talk%26year%3D9")
                .body();

        assertThat(page).contains("action=\"/sign-in?next=%2Fschools%2F1%2Foffers%3Ftype%3Dcareers_talk%26year%3D9\"");
    }

    /** Java's HTTP client tidies some addresses before sending them; a socket sends them as written. */
    private static String statusLineOf(String target, String cookie) throws Exception {
        java.net.URI base = java.net.URI.create(app.url("/"));
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nCookie: " + cookie
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new java.io.BufferedReader(new java.io.InputStreamReader(
                            socket.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))
                    .readLine();
        }
    }
}

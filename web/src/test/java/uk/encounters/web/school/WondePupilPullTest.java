package uk.encounters.web.school;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.WONDE_LINK;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.pupil.PupilReferences;
import uk.encounters.marketplace.pupil.Upn;
import uk.encounters.marketplace.pupil.WondeLinkRepository;
import uk.encounters.marketplace.pupil.WondePull;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;
import uk.encounters.web.WebConfig;
import uk.encounters.web.wonde.WondePulls;

/**
 * Pupils pulled from a stand-in for Wonde's students endpoint (its documented JSON, two pages):
 * the first pull adds them, a later one updates, adds and archives leavers, and a refused token or
 * an unknown school changes nothing. Names sent by Wonde go nowhere.
 */
class WondePupilPullTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final String TOKEN = "wonde-test-token-0123456789";
    static final String KEY = "a test key of thirty-two characters or more";

    static final String TOBI =
            student("A1001", "W831412524001", "9", true, false, "N", "Yoruba", "Tobiloba", "Oyelaran");
    static final String MAISIE =
            student("A1002", "K831412524002", "9", false, false, "K", "English", "Maisie", "Hallworth");
    static final String KACPER =
            student("A1003", "Z831412524003", "10", false, false, "E", "Polish", "Kacper", "Szymanski");
    /** Wonde has no UPN or admission number for her: refused, by Wonde's id. */
    static final String NOBODY = "{\"id\":\"A1009\",\"forename\":\"Nadia\",\"surname\":\"Quist\","
            + "\"education_details\":{\"data\":{\"upn\":null,\"admission_number\":null,\"current_nc_year\":\"8\"}}}";

    static final List<String> NAMES =
            List.of("Tobiloba", "Oyelaran", "Maisie", "Hallworth", "Kacper", "Szymanski", "Nadia", "Quist", "2011-");

    static HttpServer wonde;
    static volatile List<String> roll = List.of();
    static volatile boolean tokenRevoked;
    static volatile boolean down;
    static final AtomicInteger requests = new AtomicInteger();
    static RunningApp app;
    static long school;
    Visitor visitor;

    @BeforeAll
    static void aSchoolAndWonde() throws IOException {
        wonde = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        wonde.createContext("/v1.0/schools/", WondePupilPullTest::answer);
        wonde.start();
        TestData data = new TestData(db.dsl());
        school = data.school(data.hub("Derby Careers Hub"), "Bemrose School");
        Accounts.create(db.dsl(), "carla@bemrose.example", "Carla", Scope.careersLeader(school));
        app = RunningApp.start(db.database(), TODAY, environment());
    }

    static Map<String, String> environment() {
        return Map.of("PUPIL_REFERENCE_KEY", KEY, "WONDE_API_TOKEN", TOKEN, "WONDE_API_URL", wondeUrl());
    }

    static String wondeUrl() {
        return "http://127.0.0.1:" + wonde.getAddress().getPort() + "/v1.0";
    }

    @AfterAll
    static void stop() {
        app.close();
        wonde.stop(0);
    }

    @BeforeEach
    void signInToAnEmptyRollLinkedToWonde() {
        db.dsl().deleteFrom(PUPIL).where(PUPIL.SCHOOL_ID.eq(school)).execute();
        db.dsl().deleteFrom(WONDE_LINK).execute();
        tokenRevoked = false;
        down = false;
        roll = List.of(TOBI, MAISIE, KACPER, NOBODY);
        visitor = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);
        visitor.get(pupilsPage());
        assertThat(visitor.post(pupilsPage() + "/wonde", Map.of("wondeSchoolId", "A100"))
                        .statusCode())
                .isEqualTo(302);
    }

    @Test
    void theFirstPullAddsWondesPupilsByTheReferencesTheCsvImportGives() {
        HttpResponse<String> page = pull();

        assertThat(page.body())
                .contains("Pulled the pupils from Wonde: 3 added, 0 updated, 0 unchanged, 0 archived as leavers,"
                        + " 1 refused.")
                .containsPattern("Last pulled Mon 23 Nov 2026 at \\d\\d:\\d\\d: 3 added")
                .contains("<td>A1009</td><td>Wonde has neither a UPN nor an admission number for this pupil</td>");
        assertThat(NAMES).allSatisfy(name -> assertThat(page.body()).doesNotContain(name));
        assertThat(pupils())
                .containsExactlyInAnyOrder(
                        reference("W831412524001") + " Year 9 disadvantaged=true send=false eal=true on roll",
                        reference("K831412524002") + " Year 9 disadvantaged=false send=true eal=false on roll",
                        reference("Z831412524003") + " Year 10 disadvantaged=false send=true eal=true on roll");
        assertThat(requests.get()).as("both pages read").isGreaterThanOrEqualTo(2);
        assertThat(db.dsl()
                        .select(AUDIT_LOG.ACTION)
                        .from(AUDIT_LOG)
                        .where(AUDIT_LOG.SUBJECT_ID.eq(school))
                        .fetch(AUDIT_LOG.ACTION))
                .contains("school_linked_to_wonde", "pupils_pulled_from_wonde");
    }

    @Test
    void aLaterPullUpdatesOneAddsOneAndArchivesTheLeaverKeepingOthersReferences() {
        pull();
        long madeUp = new TestData(db.dsl()).pupil(school, 7);
        roll = List.of(
                student("A1001", "W831412524001", "Year 10", false, true, "N", "Yoruba", "Tobiloba", "Oyelaran"),
                MAISIE,
                student("A1004", "N831412524004", "7", true, false, "N", "English", "Ewan", "Pritchard"));

        HttpResponse<String> page = pull();

        assertThat(page.body())
                .contains("Pulled the pupils from Wonde: 1 added, 1 updated, 1 unchanged, 1 archived as leavers,"
                        + " 0 refused.");
        assertThat(pupils())
                .containsExactlyInAnyOrder(
                        reference("W831412524001") + " Year 10 disadvantaged=true send=false eal=true on roll",
                        reference("K831412524002") + " Year 9 disadvantaged=false send=true eal=false on roll",
                        reference("Z831412524003") + " Year 10 disadvantaged=false send=true eal=true archived "
                                + TODAY,
                        reference("N831412524004") + " Year 7 disadvantaged=true send=false eal=false on roll",
                        db.dsl().fetchValue(PUPIL.REFERENCE, PUPIL.ID.eq(madeUp))
                                + " Year 7 disadvantaged=false send=false eal=false on roll");
    }

    @Test
    void aRefusedTokenAnUnknownSchoolOrWondeDownChangesNothing() {
        pull();
        List<String> before = pupils();
        roll = List.of(MAISIE);
        tokenRevoked = true;

        HttpResponse<String> refused = pull();

        assertThat(refused.body())
                .contains("Nothing was changed: Wonde refused this installation&#x27;s token (401)")
                .contains("changed nothing: Wonde refused");
        assertThat(pupils()).isEqualTo(before);

        tokenRevoked = false;
        visitor.get(pupilsPage());
        visitor.post(pupilsPage() + "/wonde", Map.of("wondeSchoolId", "B999"));
        assertThat(pull().body()).contains("Nothing was changed: Wonde has no school B999 that has granted this app");
        assertThat(pupils()).isEqualTo(before);

        visitor.get(pupilsPage());
        visitor.post(pupilsPage() + "/wonde", Map.of("wondeSchoolId", "A100"));
        down = true;
        assertThat(pull().body()).contains("Nothing was changed: Wonde could not give the pupils (503)");
        assertThat(pupils()).isEqualTo(before);
    }

    @Test
    void aWondeSchoolIdThatIsNotLettersAndDigitsIsRefusedBesideTheField() {
        visitor.get(pupilsPage());
        HttpResponse<String> page = visitor.post(pupilsPage() + "/wonde", Map.of("wondeSchoolId", "A1/../x"));

        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body()).contains("Wonde school id may hold only letters and digits");
        assertThat(db.dsl().fetchValue(WONDE_LINK.WONDE_SCHOOL_ID, WONDE_LINK.SCHOOL_ID.eq(school)))
                .isEqualTo("A100");
    }

    @Test
    void theNightlyPullTakesEachSchoolOnceHoweverManyInstancesRunIt() {
        Clock clock = Clock.fixed(TODAY.atTime(1, 30).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        WondePulls instanceA = pulls(clock);
        WondePulls instanceB = pulls(clock);

        assertThat(instanceA.pullAllDue()).isEqualTo(1);
        assertThat(instanceB.pullAllDue()).isZero();
        assertThat(pupils()).hasSize(3);
    }

    private static WondePulls pulls(Clock clock) {
        WebConfig config = WebConfig.fromEnvironment(environment());
        return new WondePulls(
                config.wonde(),
                new WondeLinkRepository(db.dsl()),
                new WondePull(db.dsl()),
                PupilReferenceKey.of(config, db.dsl()),
                clock);
    }

    private HttpResponse<String> pull() {
        visitor.get(pupilsPage());
        assertThat(visitor.post(pupilsPage() + "/wonde/pull", Map.of()).statusCode())
                .isEqualTo(302);
        return visitor.get(pupilsPage());
    }

    private static String pupilsPage() {
        return "/schools/" + school + "/pupils";
    }

    /** What the CSV import makes of the UPN: the same key, the same school. */
    private static String reference(String upn) {
        PupilReferences references = PupilReferenceKey.of(WebConfig.fromEnvironment(environment()), db.dsl());
        return references.of(school, Upn.parse(upn).orElseThrow());
    }

    private static List<String> pupils() {
        return db.dsl()
                .select(
                        PUPIL.REFERENCE,
                        PUPIL.YEAR_GROUP,
                        PUPIL.DISADVANTAGED,
                        PUPIL.SEND,
                        PUPIL.EAL,
                        PUPIL.ARCHIVED_ON)
                .from(PUPIL)
                .where(PUPIL.SCHOOL_ID.eq(school))
                .orderBy(PUPIL.ID)
                .fetch(r -> r.value1() + " Year " + r.value2() + " disadvantaged=" + r.value3() + " send="
                        + r.value4() + " eal=" + r.value5()
                        + (r.value6() == null ? " on roll" : " archived " + r.value6()));
    }

    /** A student as Wonde's students endpoint gives one with education_details, extended_details and year. */
    static String student(
            String id,
            String upn,
            String year,
            boolean premium,
            boolean fsm6,
            String sen,
            String firstLanguage,
            String forename,
            String surname) {
        return "{\"id\":\"" + id + "\",\"upi\":\"" + id + "upi\",\"mis_id\":\"" + id.substring(1)
                + "\",\"forename\":\"" + forename + "\",\"surname\":\"" + surname
                + "\",\"date_of_birth\":{\"date\":\"2011-03-14 00:00:00.000000\",\"timezone_type\":3,\"timezone\":"
                + "\"Europe/London\"},"
                + "\"education_details\":{\"data\":{\"upn\":\"" + upn + "\",\"admission_number\":\"00" + id.substring(1)
                + "\",\"current_nc_year\":\"" + year + "\"}},"
                + "\"year\":{\"data\":{\"id\":\"Y" + year + "\",\"code\":\"" + year + "\",\"name\":\"Year " + year
                + "\"}},"
                + "\"extended_details\":{\"data\":{\"sen_status\":\"" + sen + "\",\"premium_pupil_indicator\":"
                + premium
                + ",\"free_school_meals\":false,\"free_school_meals_6\":" + fsm6 + ",\"first_language\":\""
                + firstLanguage + "\"}}}";
    }

    /** Two pages: the first two students, then the rest; 401 for another token, 404 for another school, 503 when down. */
    private static void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getQuery();
        int status;
        String body;
        if (down) {
            status = 503;
            body = "{\"error\":\"maintenance\"}";
        } else if (tokenRevoked
                || !("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            status = 401;
            body = "{\"error\":\"invalid_token\"}";
        } else if (!path.equals("/v1.0/schools/A100/students")
                || !query.contains("include=education_details,extended_details,year")) {
            status = 404;
            body = "{\"error\":\"not_found\"}";
        } else {
            status = 200;
            List<String> students = roll;
            boolean second = query.matches("(.*&)?page=2(&.*)?");
            List<String> shown = new ArrayList<>(
                    second
                            ? students.subList(Math.min(2, students.size()), students.size())
                            : students.subList(0, Math.min(2, students.size())));
            boolean more = !second && students.size() > 2;
            String next =
                    more ? "\"" + wondeUrl() + path.substring("/v1.0".length()) + "?" + query + "&page=2\"" : "null";
            body = "{\"data\":[" + String.join(",", shown) + "],\"meta\":{\"pagination\":{\"next\":" + next
                    + ",\"previous\":null,\"more\":" + more + ",\"per_page\":2,\"current_page\":" + (second ? 2 : 1)
                    + "}}}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}

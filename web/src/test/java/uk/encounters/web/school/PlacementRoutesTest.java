package uk.encounters.web.school;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.PLACEMENT_SIGN_OFF;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.placement.Declaration;
import uk.encounters.marketplace.placement.PlacementPaperwork;
import uk.encounters.marketplace.placement.PlacementRepository;
import uk.encounters.marketplace.testing.SamplePaperwork;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/**
 * The school's placements through real HTTP: where each stands, the host's paperwork read and its
 * files downloaded by the school, the check recorded (or sent back, with its reason shown to the
 * host), and nobody else's placements seen.
 */
class PlacementRoutesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2027, 5, 3);
    static final LocalDate STARTS = LocalDate.of(2027, 6, 14);
    static final LocalDate ENDS = LocalDate.of(2027, 6, 25);

    static RunningApp app;
    static long littleover;
    static long oakwood;
    static long acme;
    static long brook;
    static long derby;

    @BeforeAll
    static void aSchoolWithPupilsPlacedAtTwoHosts() {
        TestData data = new TestData(db.dsl());
        derby = data.hub("Derby Careers Hub");
        long nottingham = data.hub("Nottingham Careers Hub");
        littleover = data.school(derby, "Littleover Community School");
        oakwood = data.school(derby, "Oakwood Academy");
        acme = data.employer(derby, "Acme Logistics");
        brook = data.employer(derby, "Brook Bakery");
        // Acme's paperwork holds through the placement; Brook has given none
        SamplePaperwork.declared(
                db.dsl(), acme, TODAY.minusDays(20), LocalDate.of(2028, 3, 31), LocalDate.of(2027, 2, 1));
        data.placed(littleover, acme, STARTS, ENDS, 2);
        data.placed(littleover, brook, STARTS, ENDS, 1);
        data.placed(oakwood, acme, STARTS, ENDS, 1);
        Accounts.create(db.dsl(), "lee@littleover.example", "Lee Leader", Scope.careersLeader(littleover));
        Accounts.create(db.dsl(), "ola@oakwood.example", "Ola", Scope.careersLeader(oakwood));
        Accounts.create(db.dsl(), "ada@adviser.example", "Ada", Scope.enterpriseAdviser(littleover));
        Accounts.create(db.dsl(), "ash@acme.example", "Ash", Scope.employer(acme));
        Accounts.create(db.dsl(), "cora@derby.example", "Cora", Scope.coordinator(derby));
        Accounts.create(db.dsl(), "nia@nottingham.example", "Nia", Scope.coordinator(nottingham));
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Visitor signedIn(String email) {
        return new Visitor(app).signIn(email, Accounts.PASSWORD);
    }

    static List<Long> placements(long school, long host) {
        return new PlacementRepository(db.dsl(), Clock.systemUTC())
                .forSchool(school).stream()
                        .filter(l -> l.placement().employerId() == host)
                        .map(l -> l.placement().id())
                        .toList();
    }

    static Declaration acmesDeclaration() {
        return new PlacementPaperwork(db.dsl(), Clock.systemUTC()).current(acme).orElseThrow();
    }

    static int checksOf(long placement) {
        return db.dsl().fetchCount(PLACEMENT_SIGN_OFF, PLACEMENT_SIGN_OFF.PLACEMENT_ID.eq(placement));
    }

    static String path(long school, long placement) {
        return "/schools/" + school + "/placements/" + placement;
    }

    @Test
    void theCareersLeaderReadsThePaperworkDownloadsItsFileAndApprovesTheBookingsPupilsTogether() {
        Visitor lee = signedIn("lee@littleover.example");
        String list = lee.get("/schools/" + littleover + "/placements").body();
        assertThat(list).contains("3 of 3 not ready").contains("Acme Logistics").contains("Brook Bakery");

        List<Long> atAcme = placements(littleover, acme);
        long first = atAcme.getFirst();
        String page = lee.get(path(littleover, first)).body();
        assertThat(page)
                .contains("Work experience at Acme Logistics")
                .contains("Mon 14 Jun to Fri 25 Jun 2027")
                .contains("Current until Mon 31 Jan 2028") // the risk assessment's year, sooner than the insurance
                .contains("Read the host&#x27;s paperwork and approve it")
                .contains("Zurich Insurance, policy EL-123456")
                .contains("The same for the booking's other pupils at Acme Logistics (1 more)");
        Declaration declaration = acmesDeclaration();
        String file = path(littleover, first) + "/documents/"
                + declaration.insuranceCertificate().id();
        assertThat(page).contains("href=\"" + file + "\"");
        HttpResponse<byte[]> download = lee.download(file);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;");
        assertThat(download.body()).isEqualTo(SamplePaperwork.pdf());

        HttpResponse<String> approved = lee.post(
                path(littleover, first) + "/check",
                Map.of("decision", "approve", "declaration", String.valueOf(declaration.id()), "together", "yes"));
        assertThat(approved.statusCode()).isEqualTo(302);
        String after = lee.get(path(littleover, first)).body();
        assertThat(after).contains("Approved for 2 pupils.").contains("Approved by Lee Leader on Mon 3 May 2027");
        assertThat(atAcme).allSatisfy(id -> assertThat(checksOf(id)).isEqualTo(1));
        // checked, the two wait next for their parents' agreement
        assertThat(lee.get("/schools/" + littleover + "/placements").body())
                .contains("3 of 3 not ready")
                .contains("Parent or carer&#x27;s agreement: to do (waiting for the school)");

        // the host sees how many are ready, never who they are
        String acmePage = signedIn("ash@acme.example").get("/employers/" + acme).body();
        assertThat(acmePage)
                .contains("Work-experience placements you host")
                .contains("Littleover Community School")
                .contains("Oakwood Academy");
        new PlacementRepository(db.dsl(), Clock.systemUTC())
                .forEmployer(acme)
                .forEach(l -> assertThat(acmePage).doesNotContain(l.placement().pupilReference()));
    }

    @Test
    void sendingBackNeedsTheReasonWhichTheHostThenSees() {
        Visitor ola = signedIn("ola@oakwood.example");
        long placement = placements(oakwood, acme).getFirst();
        ola.get(path(oakwood, placement));
        long declaration = acmesDeclaration().id();

        HttpResponse<String> blank = ola.post(
                path(oakwood, placement) + "/check",
                Map.of("decision", "send-back", "declaration", String.valueOf(declaration), "reason", " "));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body())
                .contains("id=\"reason-error\"")
                .contains("Enter what the host needs to put right")
                .contains("value=\"send-back\" checked");
        assertThat(checksOf(placement)).isZero();

        ola.post(
                path(oakwood, placement) + "/check",
                Map.of(
                        "decision",
                        "send-back",
                        "declaration",
                        String.valueOf(declaration),
                        "reason",
                        "The risk assessment does not cover the loading bay."));
        assertThat(checksOf(placement)).isEqualTo(1);
        assertThat(signedIn("ash@acme.example").get("/employers/" + acme).body())
                .contains("Sent back on Mon 3 May 2027: The risk assessment does not cover the loading bay.")
                .contains("(Waiting for the host)");
    }

    @Test
    void aCheckOfADeclarationNoLongerInForceRecordsNothing() {
        Visitor lee = signedIn("lee@littleover.example");
        long atBrook = placements(littleover, brook).getFirst();
        String page = lee.get(path(littleover, atBrook)).body();
        assertThat(page)
                .contains("Brook Bakery has not given its paperwork yet")
                .doesNotContain("/check\"");

        HttpResponse<String> stale = lee.post(
                path(littleover, atBrook) + "/check",
                Map.of(
                        "decision",
                        "approve",
                        "declaration",
                        String.valueOf(acmesDeclaration().id())));
        assertThat(stale.statusCode()).isEqualTo(302);
        assertThat(lee.get(path(littleover, atBrook)).body()).contains("Nothing was recorded");
        assertThat(checksOf(atBrook)).isZero();
    }

    @Test
    void theHubsCoordinatorSeesAndMayCheckButNobodyElseSeesTheSchoolsPlacements() {
        long placement = placements(littleover, brook).getFirst();
        Visitor cora = signedIn("cora@derby.example");
        String hub = cora.get("/hubs/" + derby + "/placements").body();
        assertThat(hub)
                .contains("Littleover Community School")
                .contains("Oakwood Academy")
                .contains("Brook Bakery");
        assertThat(cora.get(path(littleover, placement)).statusCode()).isEqualTo(200);

        assertThat(signedIn("nia@nottingham.example")
                        .get(path(littleover, placement))
                        .statusCode())
                .isEqualTo(403);
        assertThat(signedIn("nia@nottingham.example")
                        .get("/hubs/" + derby + "/placements")
                        .statusCode())
                .isEqualTo(403);
        assertThat(signedIn("ola@oakwood.example")
                        .get(path(littleover, placement))
                        .statusCode())
                .isEqualTo(403);
        assertThat(signedIn("ash@acme.example").get(path(littleover, placement)).statusCode())
                .isEqualTo(403);
        // a school's own id with another school's placement: not found
        long oakwoods = placements(oakwood, acme).getFirst();
        assertThat(signedIn("lee@littleover.example")
                        .get(path(littleover, oakwoods))
                        .statusCode())
                .isEqualTo(404);

        // an enterprise adviser reads the school's bookings, but placements name pupils
        Visitor ada = signedIn("ada@adviser.example");
        long atAcme = placements(littleover, acme).getFirst();
        assertThat(ada.get("/schools/" + littleover + "/placements").statusCode())
                .isEqualTo(403);
        assertThat(ada.get(path(littleover, atAcme)).statusCode()).isEqualTo(403);
        assertThat(ada.get("/schools/" + littleover + "/bookings").body()).doesNotContain("/placements");
        long certificate = acmesDeclaration().insuranceCertificate().id();
        assertThat(ada.download(path(littleover, atAcme) + "/documents/" + certificate)
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void onlyAFileOfTheDeclarationInForceIsServedToTheSchool() {
        // Acme declares again with a new certificate: the old one is the host's to see, no longer the school's
        long old = acmesDeclaration().insuranceCertificate().id();
        SamplePaperwork.declared(
                db.dsl(), acme, TODAY.minusDays(1), LocalDate.of(2028, 3, 31), LocalDate.of(2027, 2, 1));
        long current = acmesDeclaration().insuranceCertificate().id();
        assertThat(current).isNotEqualTo(old);
        Visitor lee = signedIn("lee@littleover.example");
        long atAcme = placements(littleover, acme).getFirst();
        assertThat(lee.download(path(littleover, atAcme) + "/documents/" + old).statusCode())
                .isEqualTo(404);
        assertThat(lee.download(path(littleover, atAcme) + "/documents/" + current)
                        .statusCode())
                .isEqualTo(200);
    }
}

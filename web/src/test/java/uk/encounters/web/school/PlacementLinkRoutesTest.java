package uk.encounters.web.school;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.placement.AgreementDecision;
import uk.encounters.marketplace.placement.Placement;
import uk.encounters.marketplace.placement.PlacementProgress;
import uk.encounters.marketplace.placement.PlacementRepository;
import uk.encounters.marketplace.testing.SamplePaperwork;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/**
 * A placed pupil's parent and the pupil through their links: made by the careers leader and shown
 * once with a QR code, opening that placement alone, the answers kept, bad answers refused beside
 * their fields, and any other link refused without naming anything.
 */
class PlacementLinkRoutesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2027, 5, 3);
    static final LocalDate STARTS = LocalDate.of(2027, 6, 14);
    static final LocalDate ENDS = LocalDate.of(2027, 6, 25);
    static final Pattern LINK = Pattern.compile("http://[^<\"]*/placements/(\\d+)/(agreement|pupil)/([A-Za-z0-9_-]+)");

    static RunningApp app;
    static long school;
    static List<Placement> placed;

    @BeforeAll
    static void twoPupilsPlacedAtAHostWithItsPaperwork() {
        TestData data = new TestData(db.dsl());
        long hub = data.hub("Derby Careers Hub");
        school = data.school(hub, "Littleover Community School");
        long host = data.employer(hub, "Acme Logistics");
        SamplePaperwork.declared(
                db.dsl(), host, TODAY.minusDays(20), LocalDate.of(2028, 3, 31), LocalDate.of(2027, 2, 1));
        data.placed(school, host, STARTS, ENDS, 2);
        placed = new PlacementRepository(db.dsl(), Clock.systemUTC())
                .forSchool(school).stream()
                        .map(PlacementRepository.PlacementLine::placement)
                        .toList();
        Accounts.create(db.dsl(), "lee@littleover.example", "Lee Leader", Scope.careersLeader(school));
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String link(Placement placement, String kind) {
        Visitor lee = new Visitor(app).signIn("lee@littleover.example", Accounts.PASSWORD);
        String path = "/schools/" + school + "/placements/" + placement.id();
        lee.get(path);
        HttpResponse<String> made = lee.post(path + "/links/" + kind, Map.of());
        assertThat(made.statusCode()).isEqualTo(200);
        assertThat(made.body()).contains("<svg").contains("class=\"qr-code\"").contains("Fri 25 Jun 2027");
        Matcher m = LINK.matcher(made.body());
        assertThat(m.find()).as(made.body()).isTrue();
        assertThat(Long.parseLong(m.group(1))).isEqualTo(placement.id());
        return "/placements/" + m.group(1) + "/" + m.group(2) + "/" + m.group(3);
    }

    static PlacementProgress progress(Placement placement) {
        return new PlacementRepository(db.dsl(), Clock.systemUTC()).progress(placement.id());
    }

    @Test
    void theParentReadsThePlacementAndAgreesWithTheirNameAndNothingElseIsShown() {
        Placement first = placed.get(0);
        String link = link(first, "parent");
        Visitor parent = new Visitor(app);
        String page = parent.get(link).body();
        assertThat(page)
                .contains("Work experience at Acme Logistics")
                .contains("Mon 14 Jun to Fri 25 Jun 2027")
                .contains("Dan Price, 01332 123456")
                .contains("Lifting and carrying")
                .contains("Nothing over 5 kg")
                .doesNotContain(first.pupilReference())
                .doesNotContain(placed.get(1).pupilReference())
                .doesNotContain("/documents/");

        HttpResponse<String> blank = parent.post(link, Map.of("answer", "agreed", "givenBy", "", "relationship", ""));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("id=\"givenBy-error\"").contains("id=\"relationship-error\"");
        assertThat(progress(first).agreement()).isNull();

        HttpResponse<String> agreed =
                parent.post(link, Map.of("answer", "agreed", "givenBy", "Jo Smith", "relationship", "mother"));
        assertThat(agreed.statusCode()).isEqualTo(302);
        assertThat(parent.get(link).body()).contains("Agreed by Jo Smith (mother) on Mon 3 May 2027");
        assertThat(progress(first).agreement().decision()).isEqualTo(AgreementDecision.AGREED);
        assertThat(progress(placed.get(1)).agreement())
                .as("the other pupil's placement")
                .isNull();
    }

    @Test
    void thePupilTicksEveryPointOfTheChecklistOnceAndWritesAfterwardsFromTheFirstDay() {
        Placement second = placed.get(1);
        String link = link(second, "pupil");
        Visitor pupil = new Visitor(app);
        String page = pupil.get(link).body();
        assertThat(page)
                .contains("Your work experience at Acme Logistics")
                .contains("I know what to do if I am ill or late")
                .contains("From your first day, come back to this page");
        // the form is not offered before the first day, and a post made anyway is refused
        HttpResponse<String> early = pupil.post(
                link + "/reflection",
                Map.of("whatTheyDid", "Nothing yet", "whatTheyLearnt", "Nothing yet", "wouldConsider", "yes"));
        assertThat(early.statusCode()).as("before the first day").isEqualTo(422);
        assertThat(early.body()).contains("Write about your placement from its first day");
        assertThat(progress(second).reflection()).isNull();

        HttpResponse<String> partly = pupil.postAll(
                link + "/induction", List.of(Map.entry("point", "first_day"), Map.entry("point", "dress")));
        assertThat(partly.statusCode()).isEqualTo(422);
        assertThat(partly.body()).contains("id=\"point-error\"").contains("value=\"dress\" checked");
        assertThat(progress(second).inductedAt()).isNull();

        HttpResponse<String> all = pupil.postAll(
                link + "/induction",
                java.util.Arrays.stream(uk.encounters.marketplace.placement.InductionPoint.values())
                        .map(p -> Map.entry("point", p.code()))
                        .toList());
        assertThat(all.statusCode()).isEqualTo(302);
        assertThat(progress(second).inductedAt()).isNotNull();
        assertThat(pupil.get(link).body()).contains("You have read the arrangements and ticked each point");
    }

    @Test
    void aLinkOfAnotherPurposePlacementOrAMadeUpOneOpensNothing() {
        Placement first = placed.get(0);
        String parentLink = link(first, "parent");
        String token = parentLink.substring(parentLink.lastIndexOf('/') + 1);
        Visitor stranger = new Visitor(app);
        assertThat(stranger.get("/placements/" + first.id() + "/pupil/" + token).statusCode())
                .isEqualTo(410);
        assertThat(stranger.get("/placements/" + placed.get(1).id() + "/agreement/" + token)
                        .statusCode())
                .isEqualTo(410);
        HttpResponse<String> madeUp = stranger.get("/placements/" + first.id() + "/agreement/not-a-real-link");
        assertThat(madeUp.statusCode()).isEqualTo(410);
        assertThat(madeUp.body()).contains("This link does not work").doesNotContain("Acme Logistics");
        stranger.get(parentLink); // a real page with its form, so the post carries a good CSRF token
        assertThat(stranger.post(
                                "/placements/" + placed.get(1).id() + "/agreement/" + token,
                                Map.of("answer", "agreed", "givenBy", "Someone", "relationship", "uncle"))
                        .statusCode())
                .isEqualTo(410);
        assertThat(progress(placed.get(1)).agreement()).isNull();
    }

    @Test
    void theSchoolRecordsAPaperFormAndSeesTheStepsMove() {
        Placement second = placed.get(1);
        Visitor lee = new Visitor(app).signIn("lee@littleover.example", Accounts.PASSWORD);
        String path = "/schools/" + school + "/placements/" + second.id();
        assertThat(lee.get(path).body()).contains("Make the parent&#x27;s or carer&#x27;s link");
        HttpResponse<String> blank = lee.post(path + "/agreement", Map.of("givenBy", "Sam Jones", "relationship", ""));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("id=\"answer-error\"").contains("<details open>");
        lee.post(path + "/agreement", Map.of("answer", "refused", "givenBy", "Sam Jones", "relationship", "father"));
        String after = lee.get(path).body();
        assertThat(after)
                .contains("Refused by Sam Jones (father) on Mon 3 May 2027, on a paper form recorded by Lee Leader");
    }

    @Test
    void aLinkEmailedToTheAddressTypedOpensThePlacementAndABadAddressIsRefusedBesideItsField() {
        Placement first = placed.get(0);
        Visitor lee = new Visitor(app).signIn("lee@littleover.example", Accounts.PASSWORD);
        String path = "/schools/" + school + "/placements/" + first.id();
        lee.get(path);
        HttpResponse<String> bad = lee.post(path + "/links/parent/email", Map.of("parentEmail", "jo at home"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"parentEmail-error\"");

        HttpResponse<String> sent = lee.post(path + "/links/parent/email", Map.of("parentEmail", "jo@family.example"));
        assertThat(sent.statusCode()).isEqualTo(302);
        var message = db.dsl()
                .select(
                        uk.encounters.marketplace.jooq.Tables.OUTBOX.BODY_TEXT,
                        uk.encounters.marketplace.jooq.Tables.OUTBOX.LINK_TOKEN_IDS)
                .from(uk.encounters.marketplace.jooq.Tables.OUTBOX)
                .where(uk.encounters.marketplace.jooq.Tables.OUTBOX.RECIPIENT.eq("jo@family.example"))
                .fetchSingle();
        assertThat(message.value1())
                .contains("Littleover Community School has arranged a work-experience placement for your child")
                .contains("{link:" + message.value2()[0] + "}");
        String token = new uk.encounters.marketplace.account.LoginTokenRepository(db.dsl(), app.clock())
                .mint(message.value2()[0])
                .orElseThrow()
                .token();
        assertThat(new Visitor(app)
                        .get("/placements/" + first.id() + "/agreement/" + token)
                        .body())
                .contains("Your child's school has arranged a work-experience placement");
    }
}

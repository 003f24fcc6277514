package uk.encounters.web.school;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;
import static uk.encounters.marketplace.jooq.Tables.PLACEMENT;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.placement.PlacementRepository;
import uk.encounters.marketplace.placement.PlacementSource;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;
import uk.encounters.web.employer.PlacementPaperworkRoutesTest;

/**
 * A placement a pupil found, through real HTTP: recorded by the careers leader (bad input refused
 * beside its field, a host that looks like one of the hub's organisations asked about first), its
 * host sent a link that declares the paperwork for it without an account, and asked to host again.
 */
class SelfFoundPlacementRoutesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2027, 5, 3);

    static RunningApp app;
    static long derby;
    static long littleover;
    static long brook;

    @BeforeAll
    static void aSchoolWithYear10AndAHubOrganisation() {
        TestData data = new TestData(db.dsl());
        derby = data.hub("Derby Careers Hub");
        littleover = data.school(derby, "Littleover Community School");
        for (int i = 0; i < 3; i++) {
            data.pupil(littleover, 10);
        }
        brook = data.employer(derby, "Brook Bakery");
        Accounts.create(db.dsl(), "lee@littleover.example", "Lee Leader", Scope.careersLeader(littleover));
        Accounts.create(db.dsl(), "bea@brook.example", "Bea", Scope.employer(brook));
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String reference(int index) {
        return db.dsl()
                .select(uk.encounters.marketplace.jooq.Tables.PUPIL.REFERENCE)
                .from(uk.encounters.marketplace.jooq.Tables.PUPIL)
                .where(uk.encounters.marketplace.jooq.Tables.PUPIL.SCHOOL_ID.eq(littleover))
                .orderBy(uk.encounters.marketplace.jooq.Tables.PUPIL.ID)
                .limit(1)
                .offset(index)
                .fetchSingle()
                .value1();
    }

    static Map<String, String> fields(String pupil, String host, String postcode) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("pupil", pupil);
        fields.put("hostName", host);
        fields.put("hostPostcode", postcode);
        fields.put("sector", "Retail");
        fields.put("size", "micro");
        fields.put("contactName", "Pat Owner");
        fields.put("contactEmail", "pat@cornershop.example");
        fields.put("contactPhone", "01332 654321");
        fields.put("startsOn", "2027-06-14");
        fields.put("endsOn", "2027-06-18");
        return fields;
    }

    static Visitor lee() {
        Visitor lee = new Visitor(app).signIn("lee@littleover.example", Accounts.PASSWORD);
        lee.get("/schools/" + littleover + "/placements/new");
        return lee;
    }

    static int placements() {
        return db.dsl().fetchCount(PLACEMENT);
    }

    @Test
    void badInputIsRefusedBesideItsFieldAndNothingIsSaved() {
        Visitor lee = lee();
        Map<String, String> bad = fields("NOT-A-PUPIL", "Corner Shop", "not a postcode");
        bad.put("startsOn", "2027-06-12");
        bad.put("endsOn", "2027-06-11");
        bad.put("contactEmail", "pat at cornershop");
        int before = placements();
        HttpResponse<String> refused = lee.post("/schools/" + littleover + "/placements/new", bad);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("No pupil on your school&#x27;s roll has the reference NOT-A-PUPIL")
                .contains("id=\"hostPostcode-error\"")
                .contains("id=\"contactEmail-error\"")
                .contains("The last day must be on or after the first day")
                .contains("value=\"Corner Shop\"");
        assertThat(placements()).isEqualTo(before);
    }

    @Test
    void aNewHostIsSentALinkThatDeclaresItsPaperworkForThePlacementAndIsAskedToHostAgain() throws Exception {
        Visitor lee = lee();
        HttpResponse<String> recorded =
                lee.post("/schools/" + littleover + "/placements/new", fields(reference(0), "Corner Shop", "DE23 6AB"));
        assertThat(recorded.statusCode()).isEqualTo(302);
        long placementId = db.dsl().fetchValue(PLACEMENT.ID, PLACEMENT.HOST_CONTACT_EMAIL.eq("pat@cornershop.example"));
        var placement = new PlacementRepository(db.dsl(), Clock.systemUTC())
                .find(littleover, placementId)
                .orElseThrow();
        assertThat(placement.source()).isEqualTo(PlacementSource.SELF_FOUND);
        assertThat(placement.employerName()).isEqualTo("Corner Shop");
        assertThat(lee.get("/schools/" + littleover + "/placements/" + placementId)
                        .body())
                .contains("Recorded. Pat Owner is emailed a link")
                .contains("found by the pupil or family")
                .contains("Arranged with Pat Owner, pat@cornershop.example, 01332 654321");

        var message = db.dsl()
                .select(OUTBOX.SUBJECT, OUTBOX.BODY_TEXT, OUTBOX.LINK_TOKEN_IDS)
                .from(OUTBOX)
                .where(OUTBOX.RECIPIENT.eq("pat@cornershop.example"))
                .fetchSingle();
        assertThat(message.value1())
                .isEqualTo(
                        "Littleover Community School: work experience with Corner Shop, Mon 14 Jun to Fri 18 Jun 2027");
        assertThat(message.value2()).contains("/offer-a-talk?near=DE23+6AB&area=" + derby);
        LoginTokenRepository.MintedLink link = new LoginTokenRepository(
                        db.dsl(), Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC))
                .mint(message.value3()[0])
                .orElseThrow();
        String address = "/placements/" + placementId + "/host/" + link.token();

        Visitor host = new Visitor(app);
        String page = host.get(address).body();
        assertThat(page)
                .contains(
                        "Littleover Community School has recorded that one of its pupils will do work experience with you")
                .doesNotContain(placement.pupilReference())
                .contains("name=\"insurer\"");
        HttpResponse<String> expired = host.upload(
                address,
                PlacementPaperworkRoutesTest.fields("2027-04-30"),
                PlacementPaperworkRoutesTest.certificateAndAssessment());
        assertThat(expired.statusCode()).isEqualTo(422);
        assertThat(expired.body()).contains("id=\"insuranceExpiresOn-error\"");

        HttpResponse<String> declared = host.upload(
                address,
                PlacementPaperworkRoutesTest.fields("2028-03-31"),
                PlacementPaperworkRoutesTest.certificateAndAssessment());
        assertThat(declared.statusCode()).isEqualTo(302);
        assertThat(host.get(address).body())
                .contains("Your placement paperwork holds for it")
                .contains("/offer-a-talk?near&#x3D;DE23+6AB&amp;area&#x3D;" + derby);
        assertThat(new PlacementRepository(db.dsl(), Clock.systemUTC())
                        .readiness(placement)
                        .steps()
                        .getFirst()
                        .done())
                .isTrue();

        // the link opens this placement's host only
        assertThat(host.get("/placements/" + (placementId + 1000) + "/host/" + link.token())
                        .statusCode())
                .isEqualTo(410);
        assertThat(host.get("/placements/" + placementId + "/agreement/" + link.token())
                        .statusCode())
                .isEqualTo(410);
    }

    @Test
    void aHostLikeOneOfTheHubsOrganisationsIsAskedAboutFirstAndItsOwnPeopleAreToldInstead() {
        db.dsl()
                .update(EMPLOYER)
                .set(EMPLOYER.POSTCODE, "DE1 2AA")
                .where(EMPLOYER.ID.eq(brook))
                .execute();
        Visitor lee = lee();
        Map<String, String> form = fields(reference(1), "Brook Bakery Ltd", "DE1 2AA");
        form.put("contactEmail", "sam@brook.example");
        int before = placements();
        HttpResponse<String> asked = lee.post("/schools/" + littleover + "/placements/new", form);
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("Is it Brook Bakery?").contains("value=\"" + brook + "\"");
        assertThat(placements()).as("nothing saved before the answer").isEqualTo(before);

        form.put("existing", String.valueOf(brook));
        assertThat(lee.post("/schools/" + littleover + "/placements/new", form).statusCode())
                .isEqualTo(302);
        assertThat(db.dsl().fetchValue(PLACEMENT.EMPLOYER_ID, PLACEMENT.HOST_CONTACT_EMAIL.eq("sam@brook.example")))
                .isEqualTo(brook);
        assertThat(db.dsl().fetchCount(OUTBOX, OUTBOX.RECIPIENT.eq("bea@brook.example")))
                .isEqualTo(1);
        assertThat(db.dsl().fetchCount(OUTBOX, OUTBOX.RECIPIENT.eq("sam@brook.example")))
                .as("no link to a person the school named for an organisation with its own people")
                .isZero();
    }
}

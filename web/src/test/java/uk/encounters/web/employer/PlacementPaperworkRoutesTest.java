package uk.encounters.web.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.PLACEMENT_DECLARATION;
import static uk.encounters.marketplace.jooq.Tables.PLACEMENT_DOCUMENT;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.placement.PlacementDocument;
import uk.encounters.marketplace.placement.PlacementPaperwork;
import uk.encounters.marketplace.testing.SamplePaperwork;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;
import uk.encounters.web.Visitor.Upload;

/**
 * A host's placement paperwork through real HTTP: declared with its files, refused whole when a
 * part is wrong, and seen (files and all) only by the organisation's contacts and its hubs'
 * coordinators.
 */
class PlacementPaperworkRoutesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static RunningApp app;
    static long acme;
    static long brook;
    static long elm;
    static long elmCertificate;

    @BeforeAll
    static void organisationsContactsAndCoordinators() {
        TestData data = new TestData(db.dsl());
        long derby = data.hub("Derby Careers Hub");
        long nottingham = data.hub("Nottingham Careers Hub");
        acme = data.employer(derby, "Acme Engineering");
        data.workExperienceOffer(acme, OfferStatus.ACTIVE, LocalDate.of(2027, 7, 16));
        brook = data.employer(derby, "Brook Bakery");
        elm = data.employer(derby, "Elm Garage");
        SamplePaperwork.declared(
                db.dsl(), elm, TODAY.minusDays(10), LocalDate.of(2027, 3, 31), LocalDate.of(2026, 9, 1));
        elmCertificate = new PlacementPaperwork(db.dsl(), java.time.Clock.systemUTC())
                .current(elm)
                .orElseThrow()
                .insuranceCertificate()
                .id();
        long school = data.school(derby, "Littleover Community School");
        Accounts.create(db.dsl(), "ash@acme.example", "Ash", Scope.employer(acme));
        Accounts.create(db.dsl(), "bea@brook.example", "Bea", Scope.employer(brook));
        Accounts.create(db.dsl(), "eli@elm.example", "Eli", Scope.employer(elm));
        Accounts.create(db.dsl(), "cora@derby.example", "Cora", Scope.coordinator(derby));
        Accounts.create(db.dsl(), "nia@nottingham.example", "Nia", Scope.coordinator(nottingham));
        Accounts.create(db.dsl(), "lee@littleover.example", "Lee", Scope.careersLeader(school));
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Visitor signedIn(String email) {
        return new Visitor(app).signIn(email, Accounts.PASSWORD);
    }

    /** Every field filled as a host would, the risk assessment sent as a file. */
    static Map<String, String> fields(String insuranceExpiresOn) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("insurer", "Zurich Insurance");
        fields.put("policyNumber", "EL-123456");
        fields.put("insuranceExpiresOn", insuranceExpiresOn);
        fields.put("riskAssessment", "file");
        fields.put("riskAssessedOn", "2026-09-01");
        fields.put("healthSafetyStatement", "Every pupil is inducted on the first morning.");
        fields.put("supervisorName", "Dan Price");
        fields.put("supervisorPhone", "01332 123456");
        fields.put("hours", "9:00 to 15:30, Monday to Friday");
        fields.put("dressAndEquipment", "Own clothes; safety boots lent");
        return fields;
    }

    static List<Upload> certificateAndAssessment() {
        return List.of(
                new Upload("insuranceCertificate", "EL certificate 2026.pdf", "application/pdf", SamplePaperwork.pdf()),
                new Upload("riskAssessmentFile", "risk-assessment.png", "image/png", SamplePaperwork.png()));
    }

    static String page(long employerId) {
        return "/employers/" + employerId + "/placement-paperwork";
    }

    static int saved(long employerId) {
        return db.dsl().fetchCount(PLACEMENT_DOCUMENT, PLACEMENT_DOCUMENT.EMPLOYER_ID.eq(employerId))
                + db.dsl().fetchCount(PLACEMENT_DECLARATION, PLACEMENT_DECLARATION.EMPLOYER_ID.eq(employerId));
    }

    @Test
    void aContactDeclaresWithAPdfAndAPngAndSeesThePaperworkCurrent() {
        Visitor ash = signedIn("ash@acme.example");
        assertThat(ash.get("/employers/" + acme).body())
                .as("a host of placements is told the paperwork is needed")
                .contains("<a href=\"/employers/" + acme + "/placement-paperwork\">Placement paperwork</a>:"
                        + " needed before hosting a placement.");
        String blank = ash.get(page(acme)).body();
        assertThat(blank)
                .contains("Not given yet")
                .contains("PDF, PNG or JPEG, up to 5 MB.")
                .contains("enctype=\"multipart/form-data\"");

        HttpResponse<String> declared = ash.upload(page(acme), fields("2027-01-05"), certificateAndAssessment());

        assertThat(declared.statusCode()).isEqualTo(302);
        assertThat(declared.headers().firstValue("location")).contains(page(acme));
        String shown = ash.get(page(acme)).body();
        assertThat(shown)
                .contains("Declared. Your placement paperwork is current until Tue 5 Jan 2027.")
                .contains("Placement paperwork: current until Tue 5 Jan 2027.")
                .contains("EL certificate 2026.pdf")
                .contains("risk-assessment.png")
                .contains("Zurich Insurance, policy EL-123456, cover until Tue 5 Jan 2027")
                // declaring again starts from what was declared
                .contains("value=\"Dan Price\"")
                .contains("Leave it empty to keep EL certificate 2026.pdf while the policy is the same.");
        assertThat(ash.get("/employers/" + acme).body())
                .contains("Placement paperwork</a>: current until Tue 5 Jan 2027.");
    }

    @Test
    void anExpiredInsuranceIsRefusedBesideItsFieldAndNothingIsSaved() {
        Visitor bea = signedIn("bea@brook.example");
        bea.get(page(brook));

        HttpResponse<String> refused = bea.upload(page(brook), fields("2026-11-01"), certificateAndAssessment());

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("<span id=\"insuranceExpiresOn-error\" class=\"field-error\"><span class=\"visually-hidden\">"
                        + "Error: </span>This insurance expired on Sun 1 Nov 2026: give the details of the policy that"
                        + " covers you now</span>")
                .contains("<a href=\"#insuranceExpiresOn\">This insurance expired on Sun 1 Nov 2026")
                .as("what was typed is kept")
                .contains("value=\"Zurich Insurance\"")
                .contains("Every pupil is inducted on the first morning.")
                .contains("Files are not kept when there is a problem: choose them again.");
        assertThat(saved(brook)).isZero();
    }

    @Test
    void aProgramRenamedAsAPdfIsRefusedAndNothingIsSaved() {
        Visitor bea = signedIn("bea@brook.example");
        bea.get(page(brook));

        HttpResponse<String> refused = bea.upload(
                page(brook),
                fields("2027-01-05"),
                List.of(
                        new Upload(
                                "insuranceCertificate",
                                "certificate.pdf",
                                "application/pdf",
                                SamplePaperwork.program()),
                        new Upload("riskAssessmentFile", "risk-assessment.png", "image/png", SamplePaperwork.png())));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains(
                        "<span id=\"insuranceCertificate-error\" class=\"field-error\"><span class=\"visually-hidden\">"
                                + "Error: </span>The file must be a PDF, PNG or JPEG</span>");
        assertThat(saved(brook)).isZero();
    }

    @Test
    void aFileOverTheLimitIsRefusedBesideItsInput() {
        Visitor bea = signedIn("bea@brook.example");
        bea.get(page(brook));
        byte[] big = Arrays.copyOf(SamplePaperwork.pdf(), PlacementDocument.MAX_BYTES + 1);

        HttpResponse<String> refused = bea.upload(
                page(brook),
                fields("2027-01-05"),
                List.of(
                        new Upload("insuranceCertificate", "certificate.pdf", "application/pdf", big),
                        new Upload("riskAssessmentFile", "risk-assessment.png", "image/png", SamplePaperwork.png())));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("The file must be 5 MB or smaller");
        assertThat(saved(brook)).isZero();
    }

    @Test
    void anotherOrganisationsContactIsRefusedThePageAndItsFiles() {
        Visitor bea = signedIn("bea@brook.example");
        String document = page(elm) + "/documents/" + elmCertificate;

        assertThat(bea.get(page(elm)).statusCode()).isEqualTo(403);
        assertThat(bea.download(document).statusCode()).isEqualTo(403);
        assertThat(bea.get(page(brook)).statusCode()).isEqualTo(200);
        assertThat(bea.upload(page(elm), fields("2027-01-05"), certificateAndAssessment())
                        .statusCode())
                .isEqualTo(403);
        // through its own organisation's address, another's file is not found
        assertThat(bea.download(page(brook) + "/documents/" + elmCertificate).statusCode())
                .isEqualTo(404);
        assertThat(signedIn("nia@nottingham.example").get(page(elm)).statusCode())
                .as("the coordinator of a hub it does not work with")
                .isEqualTo(403);
        assertThat(signedIn("lee@littleover.example").download(document).statusCode())
                .as("a careers leader")
                .isEqualTo(403);
        assertThat(new Visitor(app).download(document).statusCode()).isEqualTo(302);
        assertThat(saved(elm)).as("the refused post wrote nothing").isEqualTo(2);
    }

    @Test
    void theCoordinatorOfAHubItWorksWithSeesThePaperworkAndItsFiles() {
        Visitor cora = signedIn("cora@derby.example");

        String shown = cora.get(page(elm)).body();

        assertThat(shown)
                .contains("Placement paperwork: current until Wed 31 Mar 2027.")
                .contains("insurance.pdf");
        assertThat(cora.download(page(elm) + "/documents/" + elmCertificate).statusCode())
                .isEqualTo(200);
    }

    @Test
    void aFileIsServedAsAnAttachmentWithItsStoredTypeAndExactBytes() {
        HttpResponse<byte[]> file = signedIn("eli@elm.example").download(page(elm) + "/documents/" + elmCertificate);

        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(file.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"insurance.pdf\"; filename*=UTF-8''insurance.pdf");
        assertThat(file.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(file.body()).isEqualTo(SamplePaperwork.pdf());
    }

    @Test
    void theEmployersPageSaysNothingOfPaperworkToAnOrganisationThatHostsNoPlacements() {
        assertThat(signedIn("bea@brook.example").get("/employers/" + brook).body())
                .doesNotContain("Placement paperwork");
        assertThat(signedIn("eli@elm.example").get("/employers/" + elm).body())
                .as("declared, so it hosts or means to")
                .contains("Placement paperwork</a>: current until Wed 31 Mar 2027.");
    }

    @Test
    void theFileNameIsPlainAsciiWithTheNameAsSentBesideIt() {
        assertThat(PaperworkDownload.attachment("Zertifikat \"2026\" ü.pdf"))
                .isEqualTo(
                        "attachment; filename=\"Zertifikat _2026_ _.pdf\"; filename*=UTF-8''Zertifikat%20%222026%22%20%C3%BC.pdf");
    }
}

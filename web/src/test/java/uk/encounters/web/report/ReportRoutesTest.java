package uk.encounters.web.report;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.FEEDBACK;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.PUPIL_FEEDBACK;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.feedback.PupilAnswer;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/**
 * The hub's report and a school's, as a page, a spreadsheet and a PDF, through real HTTP and real
 * PostgreSQL. The figures themselves are checked against SQL counts in the marketplace's ReportsTest;
 * here, that each form says them, and who may read which.
 */
class ReportRoutesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static RunningApp app;
    static long derby;
    static long nottingham;
    static long littleover;
    static long bemrose;

    @BeforeAll
    static void aHubOfTwoSchools() {
        TestData data = new TestData(db.dsl());
        derby = data.hub("Derby Careers Hub");
        nottingham = data.hub("Nottingham Careers Hub");
        // Littleover: four Year 9s, three with a talk this year (one of them disadvantaged, whose is the
        // only disadvantaged pupil); Bemrose: two Year 11s with SEND, neither with anything this year
        littleover = data.school(derby, "Littleover Community School");
        for (int i = 0; i < 4; i++) {
            long pupil = data.pupil(littleover, 9);
            if (i < 3) {
                data.encounter(pupil, LocalDate.of(2026, 10, 1 + i), true);
            }
            if (i == 0) {
                db.dsl()
                        .update(PUPIL)
                        .set(PUPIL.DISADVANTAGED, true)
                        .where(PUPIL.ID.eq(pupil))
                        .execute();
            }
        }
        bemrose = data.school(derby, "Bemrose School");
        for (int i = 0; i < 2; i++) {
            long pupil = data.pupil(bemrose, 11);
            db.dsl()
                    .update(PUPIL)
                    .set(PUPIL.SEND, true)
                    .where(PUPIL.ID.eq(pupil))
                    .execute();
        }
        // Rolls-Royce gave Littleover a talk; the school rated it 5 and two pupils answered
        long employer = data.employer(derby, "Rolls-Royce plc");
        long offer = data.offer(employer, OfferStatus.ACTIVE, LocalDate.of(2027, 7, 1));
        long request = data.request(littleover, 9, RequestStatus.MATCHED, LocalDate.of(2026, 9, 20));
        long booking = data.booking(request, offer, null, LocalDate.of(2026, 10, 1), BookingStatus.DELIVERED);
        db.dsl()
                .insertInto(FEEDBACK, FEEDBACK.BOOKING_ID, FEEDBACK.FROM_SIDE, FEEDBACK.RATING)
                .values(booking, "school", (short) 5)
                .execute();
        for (PupilAnswer answer : new PupilAnswer[] {PupilAnswer.YES, PupilAnswer.NO}) {
            db.dsl()
                    .insertInto(PUPIL_FEEDBACK)
                    .set(PUPIL_FEEDBACK.BOOKING_ID, booking)
                    .set(PUPIL_FEEDBACK.RESPONDENT_HASH, answer.getLiteral())
                    .set(PUPIL_FEEDBACK.LEARNT_WHAT_WORK_IS_LIKE, answer)
                    .set(PUPIL_FEEDBACK.LEARNT_WHAT_IT_TAKES, PupilAnswer.YES)
                    .set(PUPIL_FEEDBACK.WOULD_CONSIDER, PupilAnswer.PARTLY)
                    .execute();
        }
        Accounts.create(db.dsl(), "cora@derby.example", "Cora Ordinator", Scope.coordinator(derby));
        Accounts.create(db.dsl(), "nia@nottingham.example", "Nia Ordinator", Scope.coordinator(nottingham));
        Accounts.create(db.dsl(), "cal@littleover.example", "Cal Leader", Scope.careersLeader(littleover));
        Accounts.create(db.dsl(), "ada@littleover.example", "Ada Adviser", Scope.enterpriseAdviser(littleover));
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Visitor signedIn(String email) {
        return new Visitor(app).signIn(email, Accounts.PASSWORD);
    }

    @Test
    void theCoordinatorReadsTheHubsYearWithDisadvantagedAndSendPupilsAgainstTheRest() {
        HttpResponse<String> page = signedIn("cora@derby.example").get("/hubs/" + derby + "/report");

        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body().replaceAll("\\s+", " ");
        assertThat(html).contains("Report for Derby Careers Hub, 2026/27").contains("Made on Mon 23 Nov 2026");
        // six pupils, three with an encounter: 50%; Benchmark 6 due for Bemrose's two Year 11s, neither has it
        assertThat(html)
                .contains("data-figure=\"benchmark-5\">50%</dd>")
                .contains("3 of 6 pupils")
                .contains("data-figure=\"benchmark-6\">0%</dd>")
                .contains("data-figure=\"employers-engaged\">1</dd>")
                .contains("data-figure=\"sessions-held\">100%</dd>");
        // the groups' chart in words: disadvantaged 1 of 1, SEND 0 of 2, neither 2 of 3
        assertThat(html)
                .contains("100% (1 of 1 pupils)")
                .contains("0% (0 of 2 pupils)")
                .contains("67% (2 of 3 pupils)");
        assertThat(html).contains("data-school=\"" + littleover + "\"").contains("data-school=\"" + bemrose + "\"");
        assertThat(html).contains("<tr data-year-group=\"9\">").contains("<tr data-year-group=\"11\">");
        // the year on year table, this year only: earlier years were never kept
        assertThat(html).contains("<tr data-year=\"2026\">").doesNotContain("data-year=\"2025\"");
        // feedback: the school's 5, two pupils, one of whom learnt what the work is like
        assertThat(html)
                .contains("data-figure=\"school-rating\">5.0 out of 5</dd>")
                .contains("data-figure=\"pupils-answered\">2</dd>")
                .contains("<strong>50%</strong> said yes, they learnt what the work is like");
        assertThat(html)
                .contains("href=\"/hubs/" + derby + "/report.pdf?year=2026\"")
                .contains("href=\"/hubs/" + derby + "/report.csv?year=2026\"");
    }

    @Test
    void anEarlierYearWithNothingKeptSaysSo() {
        HttpResponse<String> page = signedIn("cora@derby.example").get("/hubs/" + derby + "/report?year=2025");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Report for Derby Careers Hub, 2025/26")
                .contains("were not kept: the year ended before the rollover began keeping them");
    }

    @Test
    void yearsNotYetBegunOrNotYearsAreNotFound() {
        Visitor cora = signedIn("cora@derby.example");

        assertThat(cora.get("/hubs/" + derby + "/report?year=2027").statusCode())
                .isEqualTo(404);
        assertThat(cora.get("/hubs/" + derby + "/report?year=twenty").statusCode())
                .isEqualTo(404);
        assertThat(cora.get("/hubs/" + derby + "/report.pdf?year=1999").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theSpreadsheetHoldsThePagesFigures() {
        HttpResponse<String> csv = signedIn("cora@derby.example").get("/hubs/" + derby + "/report.csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"derby-careers-hub-2026-27-report.csv\"");
        String[] lines = csv.body().replace("\uFEFF", "").split("\r\n");
        assertThat(lines[0]).startsWith("academic_year,school,year_group,pupils_group,pupils,benchmark5_pupils");
        assertThat(lines)
                .contains("2026/27,All schools,All,all pupils,6,3,50,2,0,0,0,3,1,1,0,0,1,1,0,5.0,,2,50,100,0")
                .contains("2026/27,All schools,All,disadvantaged,1,1,100,0,0,,0,,,,,,,,,,,,,,")
                .contains("2026/27,Bemrose School,All,SEND,2,0,0,2,0,0,0,,,,,,,,,,,,,,")
                .contains("2026/27,All schools,9,all pupils,4,3,75,0,0,,0,3,,,,,,,,,,,,,");
    }

    @Test
    void theHubsPdfNamesTheHubAndTheDateAndRenders() throws IOException {
        HttpResponse<byte[]> pdf = signedIn("cora@derby.example").download("/hubs/" + derby + "/report.pdf");

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Derby Careers Hub")
                    .contains("Report for 2026/27")
                    .contains("Made on Mon 23 Nov 2026")
                    .contains("Benchmark 5: 50% of 6 pupils")
                    .contains("Littleover Community School")
                    .contains("Schools rated 1 session 5.0 out of 5");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Report for 2026/27");
            assertDrawn(document, "hub-report-pdf-page-1");
        }
    }

    @Test
    void aSchoolsReportIsForItsPeopleItsAdviserAndItsHub() throws IOException {
        String path = "/schools/" + littleover + "/report";
        HttpResponse<String> page = signedIn("cal@littleover.example").get(path);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().replaceAll("\\s+", " "))
                .contains("Report for Littleover Community School, 2026/27")
                .contains("data-figure=\"benchmark-5\">75%</dd>")
                .contains("3 of 4 pupils")
                .doesNotContain("Bemrose");
        assertThat(signedIn("ada@littleover.example").get(path).statusCode()).isEqualTo(200);
        assertThat(signedIn("cora@derby.example").get(path).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> pdf = signedIn("cal@littleover.example").download(path + ".pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Littleover Community School")
                    .contains("Careers report for governors, 2026/27")
                    .contains("Figures from Derby Careers Hub.");
            assertDrawn(document, "school-report-pdf-page-1");
        }
    }

    @Test
    void nobodyElseReadsThem() {
        Visitor nia = signedIn("nia@nottingham.example");
        assertThat(nia.get("/hubs/" + derby + "/report").statusCode()).isEqualTo(403);
        assertThat(nia.download("/hubs/" + derby + "/report.pdf").statusCode()).isEqualTo(403);
        assertThat(nia.get("/schools/" + littleover + "/report.csv").statusCode())
                .isEqualTo(403);
        Visitor cal = signedIn("cal@littleover.example");
        assertThat(cal.get("/hubs/" + derby + "/report").statusCode()).isEqualTo(403);
        assertThat(cal.get("/schools/" + bemrose + "/report").statusCode()).isEqualTo(403);
        assertThat(new Visitor(app)
                        .get("/schools/" + littleover + "/report.pdf")
                        .statusCode())
                .isEqualTo(302);
    }

    /** The first page drawn, not blank: some dark pixels on it. Saved beside the screenshots, for a person to look at. */
    private static void assertDrawn(PDDocument document, String name) throws IOException {
        BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 72);
        java.nio.file.Path screenshots = java.nio.file.Path.of("target", "screenshots");
        java.nio.file.Files.createDirectories(screenshots);
        javax.imageio.ImageIO.write(
                image, "png", screenshots.resolve(name + ".png").toFile());
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFF) < 128) {
                    dark++;
                }
            }
        }
        assertThat(dark).as("dark pixels on page 1").isGreaterThan(500);
    }
}

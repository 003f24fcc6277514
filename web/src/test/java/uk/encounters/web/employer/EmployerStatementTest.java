package uk.encounters.web.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.BOOKING_ATTENDANCE_TALLY;
import static uk.encounters.marketplace.jooq.Tables.FEEDBACK;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.PUPIL_FEEDBACK;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
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
 * The employer's statement for 2026/27 against a hand count of a small year of bookings (counted in the comments
 * below), as a page and as a PDF.
 */
class EmployerStatementTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final AtomicInteger RESPONDENTS = new AtomicInteger();

    static RunningApp app;
    static TestData data;
    static long employer;

    @BeforeAll
    static void aYearOfSessions() {
        data = new TestData(db.dsl());
        long hub = data.hub("Derby Careers Hub");
        long bemrose = data.school(hub, "Bemrose School");
        long littleover = data.school(hub, "Littleover Community School");
        employer = data.employer(hub, "Acme Ltd");
        long other = data.employer(hub, "Other Firm");
        long offer = data.offer(employer, OfferStatus.ACTIVE, TODAY.plusMonths(4));
        long otherOffer = data.offer(other, OfferStatus.ACTIVE, TODAY.plusMonths(4));
        long ada = data.volunteer(employer, "Ada Lovelace");
        long grace = data.volunteer(employer, "Grace Hopper");

        // B1: Bemrose, Mon 12 Oct 2026, a morning (3 hours), delivered, given by Ada.
        // Pupils 1 (disadvantaged), 2 and 3 came, 4 was absent; 2 more came who have since been deleted, 1 of them
        // disadvantaged (the tally).
        long b1 = booking(bemrose, offer, ada, LocalDate.of(2026, 10, 12), "morning", BookingStatus.DELIVERED);
        long p1 = pupil(bemrose, true);
        long p2 = pupil(bemrose, false);
        long p3 = pupil(bemrose, false);
        long p4 = pupil(bemrose, true);
        data.attendance(b1, p1, true);
        data.attendance(b1, p2, true);
        data.attendance(b1, p3, true);
        data.attendance(b1, p4, false);
        db.dsl()
                .insertInto(
                        BOOKING_ATTENDANCE_TALLY,
                        BOOKING_ATTENDANCE_TALLY.BOOKING_ID,
                        BOOKING_ATTENDANCE_TALLY.ATTENDED,
                        BOOKING_ATTENDANCE_TALLY.DISADVANTAGED_ATTENDED)
                .values(b1, 2, 1)
                .execute();
        // B2: Littleover, Fri 30 Oct to Mon 2 Nov 2026, all day (6.25 hours on each of 2 weekdays), confirmed and
        // past, given by Grace. Pupils 5 (disadvantaged) and 6 came.
        long b2 = booking(littleover, offer, grace, LocalDate.of(2026, 10, 30), "all_day", BookingStatus.CONFIRMED);
        db.dsl()
                .update(BOOKING)
                .set(BOOKING.ENDS_ON, LocalDate.of(2026, 11, 2))
                .where(BOOKING.ID.eq(b2))
                .execute();
        data.attendance(b2, pupil(littleover, true), true);
        data.attendance(b2, pupil(littleover, false), true);
        // B3: Bemrose, Thu 5 Nov 2026, an afternoon (2 hours), delivered, given by Ada. Pupil 1 again (counted
        // once) and pupil 7.
        long b3 = booking(bemrose, offer, ada, LocalDate.of(2026, 11, 5), "afternoon", BookingStatus.DELIVERED);
        data.attendance(b3, p1, true);
        data.attendance(b3, pupil(bemrose, false), true);
        // Not counted: confirmed but still to come, declined, last year's, another employer's.
        booking(bemrose, offer, ada, LocalDate.of(2026, 12, 3), "morning", BookingStatus.CONFIRMED);
        booking(littleover, offer, grace, LocalDate.of(2026, 10, 20), "morning", BookingStatus.DECLINED);
        long lastYear = booking(bemrose, offer, ada, LocalDate.of(2026, 3, 10), "morning", BookingStatus.DELIVERED);
        data.attendance(lastYear, p2, true);
        long others =
                booking(bemrose, otherOffer, null, LocalDate.of(2026, 10, 13), "morning", BookingStatus.DELIVERED);
        data.attendance(others, p3, true);

        // Pupils' answers: 4 this year; learnt what the work is like 3 yes (75%), what it takes 2 yes (50%),
        // would consider 1 yes (25%). Answers about last year's and the other employer's sessions are not counted.
        answer(b1, "yes", "yes", "yes");
        answer(b1, "yes", "partly", "no");
        answer(b1, "no", "no", "no");
        answer(b2, "yes", "yes", "partly");
        answer(lastYear, "yes", "yes", "yes");
        answer(others, "yes", "yes", "yes");
        // Schools rated B1 4 and B2 5: 4.5 on average over 2 ratings; the employer's own rating is not the schools'.
        rating(b1, "school", 4);
        rating(b2, "school", 5);
        rating(b1, "employer", 1);
        rating(others, "school", 1);

        data.volunteerOfTheYear(hub, ada, 2026, "Two schools asked her back");
        Accounts.create(db.dsl(), "priya@acme.example", "Priya", Scope.employer(employer));
        app = RunningApp.start(db.database(), TODAY);
    }

    // Hand count for 2026/27: sessions B1, B2, B3 = 3; pupils 1, 2, 3, 5, 6, 7 = 6, plus 2 deleted = 8; disadvantaged
    // pupils 1 and 5 = 2, plus 1 deleted = 3; schools Bemrose and Littleover = 2; hours 3 + 2 x 6.25 + 2 = 17.5;
    // volunteers Ada and Grace = 2.
    static final String SUMMARY = "In 2026/27 Acme Ltd gave 3 sessions to 8 pupils at 2 schools, 3 of them"
            + " disadvantaged (pupil premium or free school meals).";

    @AfterAll
    static void stop() {
        app.close();
    }

    static long booking(long school, long offer, Long volunteer, LocalDate on, String period, BookingStatus status) {
        long request = data.request(school, 9, RequestStatus.MATCHED, on.minusDays(10));
        long booking = data.booking(request, offer, volunteer, on, status);
        db.dsl()
                .update(BOOKING)
                .set(BOOKING.PERIOD, period)
                .where(BOOKING.ID.eq(booking))
                .execute();
        return booking;
    }

    static long pupil(long school, boolean disadvantaged) {
        long pupil = data.pupil(school, 9);
        db.dsl()
                .update(PUPIL)
                .set(PUPIL.DISADVANTAGED, disadvantaged)
                .set(PUPIL.REFERENCE, "SECRETREF" + pupil)
                .where(PUPIL.ID.eq(pupil))
                .execute();
        return pupil;
    }

    static void answer(long booking, String workIsLike, String itTakes, String wouldConsider) {
        db.dsl()
                .insertInto(
                        PUPIL_FEEDBACK,
                        PUPIL_FEEDBACK.BOOKING_ID,
                        PUPIL_FEEDBACK.RESPONDENT_HASH,
                        PUPIL_FEEDBACK.LEARNT_WHAT_WORK_IS_LIKE,
                        PUPIL_FEEDBACK.LEARNT_WHAT_IT_TAKES,
                        PUPIL_FEEDBACK.WOULD_CONSIDER)
                .values(
                        booking,
                        "respondent" + RESPONDENTS.incrementAndGet(),
                        PupilAnswer.valueOf(workIsLike.toUpperCase()),
                        PupilAnswer.valueOf(itTakes.toUpperCase()),
                        PupilAnswer.valueOf(wouldConsider.toUpperCase()))
                .execute();
    }

    static void rating(long booking, String side, int rating) {
        db.dsl()
                .insertInto(FEEDBACK, FEEDBACK.BOOKING_ID, FEEDBACK.FROM_SIDE, FEEDBACK.RATING)
                .values(booking, side, (short) rating)
                .execute();
    }

    Visitor priya() {
        return new Visitor(app).signIn("priya@acme.example", Accounts.PASSWORD);
    }

    @Test
    void theStatementPageSaysTheHandCountedFigures() {
        HttpResponse<String> page = priya().get("/employers/" + employer + "/statement");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Your year with schools, 2026/27")
                .contains(SUMMARY)
                .contains("2 volunteers gave 17.5 hours of their time in school hours.")
                .contains("Of the 4 pupils who answered afterwards, 75% said they learnt what the work is like, 50%"
                        + " what it takes to succeed in it, and 25% would consider it.")
                .contains("Schools rated the sessions 4.5 out of 5 on average (2 ratings).")
                .contains("data-label=\"What\">Disadvantaged pupils reached</th><td class=\"numeric\""
                        + " data-label=\"How many\">3</td>")
                .contains("Named volunteer of the year by Derby Careers Hub: Ada Lovelace — Two schools asked her"
                        + " back")
                .contains("Thank you, from Derby Careers Hub.")
                .contains("Made on Mon 23 Nov 2026")
                .contains("href=\"/employers/" + employer + "/statement/2025\">2025/26</a>")
                .doesNotContain("SECRETREF");
    }

    @Test
    void theEmployersPageLinksToTheStatement() {
        assertThat(priya().get("/employers/" + employer).body())
                .contains("href=\"/employers/" + employer + "/statement\">Your year with schools</a>");
    }

    @Test
    void lastYearsStatementCountsOnlyLastYear() {
        assertThat(priya().get("/employers/" + employer + "/statement/2025").body())
                .contains("In 2025/26 Acme Ltd gave 1 session to 1 pupil at 1 school, 0 of them disadvantaged");
    }

    @Test
    void aYearToComeOrNotAYearIsNotFound() {
        Visitor priya = priya();
        assertThat(priya.get("/employers/" + employer + "/statement/2027").statusCode())
                .isEqualTo(404);
        assertThat(priya.get("/employers/" + employer + "/statement/next").statusCode())
                .isEqualTo(404);
    }

    @Test
    void thePdfSaysTheSameFiguresAndRenders() throws IOException {
        HttpResponse<byte[]> pdf = priya().download("/employers/" + employer + "/statement/2026/pdf");

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("filename=\"acme-ltd-2026-27-statement.pdf\"");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Derby Careers Hub")
                    .contains("Acme Ltd: a year with schools, 2026/27")
                    .contains("Made on Mon 23 Nov 2026")
                    .contains(SUMMARY)
                    .contains("2 volunteers gave 17.5 hours")
                    .contains("Hours of volunteers' time 17.5 hours")
                    .contains("Pupils reached 8")
                    .contains("75% said they learnt what the work is like")
                    .contains("Ada Lovelace")
                    .contains("Thank you, from Derby Careers Hub.")
                    .doesNotContain("SECRETREF");
            BufferedImage first = new PDFRenderer(document).renderImageWithDPI(0, 40);
            boolean inked = false;
            for (int x = 0; x < first.getWidth() && !inked; x++) {
                for (int y = 0; y < first.getHeight() && !inked; y++) {
                    inked = (first.getRGB(x, y) & 0xff) < 128;
                }
            }
            assertThat(inked).isTrue();
        }
    }
}

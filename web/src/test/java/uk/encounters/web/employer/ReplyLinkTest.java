package uk.encounters.web.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL_VISITOR_ARRANGEMENTS;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** The confirm and decline links of a round's digest, answered without signing in. */
class ReplyLinkTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static RunningApp app;
    static TestData data;
    static long school;
    static long offer;
    static long volunteer;

    @BeforeAll
    static void start() {
        data = new TestData(db.dsl());
        long hub = data.hub("Reply hub");
        school = data.school(hub, "Reply School");
        long employer = data.employer(hub, "Reply Firm");
        volunteer = data.volunteer(employer);
        offer = data.offer(employer, OfferStatus.ACTIVE, TODAY.plusMonths(3));
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** A published booking {@code daysAway} from today, with the secret its digest link carries. */
    static long published(int daysAway, String token) {
        long request = data.request(school, 9, RequestStatus.MATCHED, TODAY);
        long booking = data.booking(request, offer, volunteer, TODAY.plusDays(daysAway), BookingStatus.PUBLISHED);
        data.replyLink(booking, token);
        return booking;
    }

    @Test
    void aReplyLinkAnswersForItsOwnBookingOnlyAndStopsOnceTheDayHasPassed() {
        long past = published(-1, "yesterday-secret");
        long mine = published(10, "mine-secret");
        long theirs = published(11, "theirs-secret");
        Visitor visitor = new Visitor(app);

        assertThat(visitor.get("/bookings/" + past + "/reply/yesterday-secret").statusCode())
                .isEqualTo(410);
        assertThat(visitor.get("/bookings/" + theirs + "/reply/mine-secret").statusCode())
                .isEqualTo(410);
        visitor.get("/bookings/" + mine + "/reply/mine-secret");
        assertThat(visitor.post("/bookings/" + theirs + "/reply/mine-secret/confirm", Map.of())
                        .statusCode())
                .isEqualTo(410);
        assertThat(statusOf(theirs)).isEqualTo(BookingStatus.PUBLISHED);
    }

    @Test
    void theReplyPageSaysWhereToGoWhenToArriveWhomToAskForAndAboutTheGroup() {
        long booking = published(15, "arrival-secret");
        db.dsl()
                .update(REQUEST)
                .set(REQUEST.SEND_ADJUSTMENTS, "One pupil uses a wheelchair")
                .set(REQUEST.NOTES, "For the coordinator only")
                .where(REQUEST.ID.eq(db.dsl().fetchValue(BOOKING.REQUEST_ID, BOOKING.ID.eq(booking))))
                .execute();
        db.dsl()
                .insertInto(SCHOOL_VISITOR_ARRANGEMENTS)
                .set(SCHOOL_VISITOR_ARRANGEMENTS.SCHOOL_ID, school)
                .set(SCHOOL_VISITOR_ARRANGEMENTS.VISITOR_ADDRESS, "Reply School\nStation Road\nDerby DE1 2AB")
                .set(SCHOOL_VISITOR_ARRANGEMENTS.CONTACT_NAME, "Mr Okafor")
                .set(SCHOOL_VISITOR_ARRANGEMENTS.CONTACT_PHONE, "01332 765432")
                .set(SCHOOL_VISITOR_ARRANGEMENTS.MORNING_START, LocalTime.of(8, 45))
                .set(SCHOOL_VISITOR_ARRANGEMENTS.MORNING_END, LocalTime.of(11, 45))
                .set(SCHOOL_VISITOR_ARRANGEMENTS.AFTERNOON_START, LocalTime.of(13, 0))
                .set(SCHOOL_VISITOR_ARRANGEMENTS.AFTERNOON_END, LocalTime.of(15, 0))
                .onConflictDoNothing()
                .execute();

        String page = new Visitor(app)
                .get("/bookings/" + booking + "/reply/arrival-secret")
                .body();

        assertThat(page)
                .contains("Reply School<br>Station Road<br>Derby DE1 2AB")
                .contains("Arrive by 8:30am. The session runs 8:45am to 11:45am.")
                .contains("Mr Okafor, 01332 765432")
                .contains("One pupil uses a wheelchair")
                .contains("href=\"/volunteering/first-time\"")
                .doesNotContain("For the coordinator only");
    }

    @Test
    void theFirstTimeVolunteersGuideIsPublicAndSaysATeacherStaysInTheRoom() {
        HttpResponse<String> guide = new Visitor(app).get("/volunteering/first-time");

        assertThat(guide.statusCode()).isEqualTo(200);
        assertThat(guide.body()).contains("A teacher stays in the room").contains("tell the teacher");
    }

    @Test
    void theLinkShowsTheSessionAndConfirmingIsAButtonNotTheLinkItself() {
        long booking = published(14, "confirm-secret");
        Visitor visitor = new Visitor(app);

        var page = visitor.get("/bookings/" + booking + "/reply/confirm-secret?answer=confirm");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Can you do this session?", "Reply School", "Year 9");
        assertThat(statusOf(booking)).isEqualTo(BookingStatus.PUBLISHED);

        var confirmed = visitor.post("/bookings/" + booking + "/reply/confirm-secret/confirm", Map.of());
        assertThat(confirmed.statusCode()).isEqualTo(200);
        // the booking was in no digest to the school, so the employer is not told the school knows
        assertThat(confirmed.body())
                .contains("Confirmed: it is in your calendar. The school has not been emailed about this booking")
                .doesNotContain("has been told");
        assertThat(statusOf(booking)).isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void aDeclineNeedsAReasonReopensTheRequestAndSoCloseToTheDayCountsAsLate() {
        long booking = published(3, "decline-secret");
        Visitor visitor = new Visitor(app);
        visitor.get("/bookings/" + booking + "/reply/decline-secret");

        var blank = visitor.post("/bookings/" + booking + "/reply/decline-secret/decline", Map.of("reason", " "));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(blank.body()).contains("Why you cannot do it");
        assertThat(statusOf(booking)).isEqualTo(BookingStatus.PUBLISHED);

        var declined = visitor.post("/bookings/" + booking + "/reply/decline-secret/decline", Map.of("reason", "Away"));
        assertThat(declined.statusCode()).isEqualTo(200);
        var row = db.dsl().selectFrom(BOOKING).where(BOOKING.ID.eq(booking)).fetchSingle();
        assertThat(row.getStatus()).isEqualTo(BookingStatus.DECLINED);
        assertThat(row.getLateCancellation()).isTrue();
        assertThat(db.dsl()
                        .select(REQUEST.STATUS)
                        .from(REQUEST)
                        .where(REQUEST.ID.eq(row.getRequestId()))
                        .fetchSingle()
                        .value1())
                .isEqualTo(RequestStatus.OPEN);
    }

    @Test
    void aWrongOrMissingSecretFindsNothing() {
        long booking = published(21, "right-secret");
        Visitor visitor = new Visitor(app);

        assertThat(visitor.get("/bookings/" + booking + "/reply/wrong-secret").statusCode())
                .isEqualTo(410);
        visitor.get("/bookings/" + booking + "/reply/right-secret");
        assertThat(visitor.post("/bookings/" + booking + "/reply/wrong-secret/confirm", Map.of())
                        .statusCode())
                .isEqualTo(410);
        assertThat(statusOf(booking)).isEqualTo(BookingStatus.PUBLISHED);
    }

    private static BookingStatus statusOf(long booking) {
        return db.dsl()
                .select(BOOKING.STATUS)
                .from(BOOKING)
                .where(BOOKING.ID.eq(booking))
                .fetchSingle()
                .value1();
    }
}

package uk.encounters.web.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.FEEDBACK;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.feedback.FeedbackRequests;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;
import uk.encounters.web.account.Links;

/** The school's and the employer's "how did it go?": from the school's booking page, and by the message's links. */
class HowDidItGoTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 12, 8);

    static RunningApp app;
    static TestData data;
    static long school;
    static long offer;
    static long carla;
    static Visitor leader;

    @BeforeAll
    static void aSchoolAndAnEmployerEachWithSomeoneToAsk() {
        data = new TestData(db.dsl());
        long hub = data.hub("Derby Careers Hub");
        school = data.school(hub, "Bemrose School");
        long employer = data.employer(hub, "Rolls-Royce");
        offer = data.offer(employer, OfferStatus.ACTIVE, TODAY.plusMonths(3));
        carla = Accounts.create(db.dsl(), "carla@bemrose.example", "Carla", Scope.careersLeader(school));
        Accounts.create(db.dsl(), "rita@rolls.example", "Rita", Scope.employer(employer));
        app = RunningApp.start(db.database(), TODAY);
        leader = new Visitor(app).signIn("carla@bemrose.example", Accounts.PASSWORD);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static long booking(LocalDate on) {
        return data.booking(
                data.request(school, 9, RequestStatus.MATCHED, on.minusDays(7)),
                offer,
                null,
                on,
                BookingStatus.CONFIRMED);
    }

    static int answers(long booking, String side) {
        return db.dsl().fetchCount(FEEDBACK, FEEDBACK.BOOKING_ID.eq(booking).and(FEEDBACK.FROM_SIDE.eq(side)));
    }

    @Test
    void theCareersLeaderSaysHowItWentFromTheBookingPageOnce() {
        long booking = booking(TODAY.minusDays(1));
        String page = "/schools/" + school + "/bookings/" + booking;
        assertThat(leader.get(page).body()).contains("href=\"" + page + "/feedback\"");

        leader.get(page + "/feedback");
        HttpResponse<String> missing = leader.post(page + "/feedback", Map.of("comment", "More questions"));
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(missing.body()).contains("id=\"rating-error\"").contains("Select how it went");
        assertThat(answers(booking, "school")).isZero();

        HttpResponse<String> sent =
                leader.post(page + "/feedback", Map.of("rating", "2", "comment", "The volunteer was late"));
        assertThat(sent.statusCode()).isEqualTo(302);
        var row = db.dsl()
                .selectFrom(FEEDBACK)
                .where(FEEDBACK.BOOKING_ID.eq(booking))
                .fetchSingle();
        assertThat(row.getFromSide()).isEqualTo("school");
        assertThat(row.getRating()).isEqualTo((short) 2);
        assertThat(row.getComment()).isEqualTo("The volunteer was late");
        assertThat(row.getGivenByUserId()).isEqualTo(carla);
        assertThat(db.dsl()
                        .fetchCount(
                                AUDIT_LOG,
                                AUDIT_LOG.ACTION.eq("booking_feedback").and(AUDIT_LOG.SUBJECT_ID.eq(booking))))
                .isEqualTo(1);
        assertThat(leader.get(page).body()).contains("Your school said it went <strong>Not very well</strong>");
        assertThat(leader.get(page + "/feedback").body())
                .contains("Thank you: your answer is in")
                .doesNotContain("name=\"rating\"");

        leader.get(page);
        leader.post(page + "/feedback", Map.of("rating", "5", "comment", ""));
        assertThat(answers(booking, "school")).isEqualTo(1);
        assertThat(db.dsl().fetchValue(FEEDBACK.RATING, FEEDBACK.BOOKING_ID.eq(booking)))
                .isEqualTo((short) 2);
    }

    @Test
    void noFeedbackIsTakenBeforeTheSessionHappened() {
        long booking = booking(TODAY.plusDays(2));
        String page = "/schools/" + school + "/bookings/" + booking;
        leader.get(page + "/feedback");

        leader.post(page + "/feedback", Map.of("rating", "4", "comment", ""));

        assertThat(answers(booking, "school")).isZero();
        assertThat(leader.get(page).body()).contains("once the session has happened");
    }

    @Test
    void eachSideIsEmailedOnceALinkThatAnswersForItsSideOfThatBookingOnly() {
        long booking = booking(TODAY.minusDays(1));
        FeedbackRequests requests = new FeedbackRequests(db.dsl(), "Employer Encounters", app.clock());

        requests.run();
        assertThat(requests.run()).as("each message once").isZero();

        String schoolPath = path(booking, "carla@bemrose.example");
        String employerPath = path(booking, "rita@rolls.example");
        assertThat(schoolPath).startsWith("/bookings/" + booking + "/feedback/school/");
        assertThat(employerPath).startsWith("/bookings/" + booking + "/feedback/employer/");

        Visitor school = new Visitor(app);
        HttpResponse<String> form = school.get(schoolPath);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("How did it go?").contains("by Rolls-Royce");
        assertThat(school.post(schoolPath, Map.of("rating", "4", "comment", "Good\u0007 talk"))
                        .statusCode())
                .as("a control character is refused")
                .isEqualTo(422);
        assertThat(school.post(schoolPath, Map.of("rating", "4", "comment", "Good talk"))
                        .statusCode())
                .isEqualTo(302);
        assertThat(school.get(schoolPath).body()).contains("Thank you: your answer is in");

        // the employer's link does not answer for the school, nor for another booking
        String employerToken = employerPath.substring(employerPath.lastIndexOf('/') + 1);
        Visitor stranger = new Visitor(app);
        assertThat(stranger.get("/bookings/" + booking + "/feedback/school/" + employerToken)
                        .statusCode())
                .isEqualTo(410);
        assertThat(stranger.get("/bookings/" + booking(TODAY.minusDays(2)) + "/feedback/employer/" + employerToken)
                        .statusCode())
                .isEqualTo(410);

        Visitor employer = new Visitor(app);
        employer.get(employerPath);
        assertThat(employer.post(employerPath, Map.of("rating", "5", "comment", ""))
                        .statusCode())
                .isEqualTo(302);

        assertThat(db.dsl()
                        .select(FEEDBACK.FROM_SIDE, FEEDBACK.RATING)
                        .from(FEEDBACK)
                        .where(FEEDBACK.BOOKING_ID.eq(booking))
                        .orderBy(FEEDBACK.FROM_SIDE)
                        .fetch()
                        .map(r -> r.value1() + " " + r.value2()))
                .containsExactly("employer 5", "school 4");
        assertThat(db.dsl()
                        .fetchValue(
                                FEEDBACK.GIVEN_BY_USER_ID,
                                FEEDBACK.BOOKING_ID.eq(booking).and(FEEDBACK.FROM_SIDE.eq("school"))))
                .isNull();
        // the employer reads the school's answer beside the session it gave
        Visitor rita = new Visitor(app).signIn("rita@rolls.example", Accounts.PASSWORD);
        assertThat(rita.get("/employers/" + employerOf(booking)).body()).contains("The school: Well, “Good talk”.");
        // answered sides are not asked again
        db.dsl()
                .deleteFrom(OUTBOX)
                .where(OUTBOX.IDEMPOTENCY_KEY.like("feedback-request:%:" + booking + ":%"))
                .execute();
        requests.run();
        assertThat(db.dsl().fetchCount(OUTBOX, OUTBOX.IDEMPOTENCY_KEY.like("feedback-request:%:" + booking + ":%")))
                .isZero();
    }

    /** The path of the link in the message to {@code email} about the booking, made as the outbox worker makes it. */
    static String path(long booking, String email) {
        var message = db.dsl()
                .selectFrom(OUTBOX)
                .where(OUTBOX.RECIPIENT.eq(email))
                .and(OUTBOX.IDEMPOTENCY_KEY.like("feedback-request:%:" + booking + ":%"))
                .fetchSingle();
        assertThat(message.getSubject()).startsWith("How did it go?");
        long link = message.getLinkTokenIds()[0];
        var minted = new LoginTokenRepository(db.dsl(), app.clock()).mint(link).orElseThrow();
        return new Links("").url(minted);
    }

    static long employerOf(long booking) {
        return db.dsl()
                .select(uk.encounters.marketplace.jooq.Tables.OFFER.EMPLOYER_ID)
                .from(uk.encounters.marketplace.jooq.Tables.OFFER)
                .join(uk.encounters.marketplace.jooq.Tables.BOOKING)
                .on(uk.encounters.marketplace.jooq.Tables.BOOKING.OFFER_ID.eq(
                        uk.encounters.marketplace.jooq.Tables.OFFER.ID))
                .where(uk.encounters.marketplace.jooq.Tables.BOOKING.ID.eq(booking))
                .fetchSingle(uk.encounters.marketplace.jooq.Tables.OFFER.EMPLOYER_ID);
    }
}

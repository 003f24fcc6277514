package uk.encounters.web.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.BOOKING_PUPIL;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.FEEDBACK;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.calendar.Horizon;
import uk.encounters.marketplace.calendar.SchoolCalendar;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.marketplace.outbox.OutboxMessage;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.round.RoundRepository;
import uk.encounters.marketplace.school.VisitorArrangementChanges;
import uk.encounters.marketplace.school.VisitorArrangements;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** The employer's bookings: confirm in one click, decline with a reason, the calendar feed, feedback. */
class EmployerBookingsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final Pattern CALENDAR = Pattern.compile("value=\"https?://[^/\"]+(/calendar/[^\"]+\\.ics)\"");

    static RunningApp app;
    static TestData data;
    static long hub;
    static long school;
    static long employer;
    static long otherEmployer;
    static long offer;
    static long volunteer;
    Visitor visitor;

    @BeforeAll
    static void employersWithAccounts() {
        data = new TestData(db.dsl());
        hub = data.hub("Derby Careers Hub");
        school = data.school(hub, "Bemrose School");
        db.dsl()
                .update(SCHOOL)
                .set(SCHOOL.POSTCODE, "DE22 3HU")
                .where(SCHOOL.ID.eq(school))
                .execute();
        employer = data.employer(hub, "Acme, Engineering; Ltd");
        otherEmployer = data.employer(hub, "Other Firm");
        offer = data.offer(employer, OfferStatus.ACTIVE, TODAY.plusMonths(4));
        volunteer = data.volunteer(employer);
        Accounts.create(db.dsl(), "priya@acme.example", "Priya", Scope.employer(employer));
        Accounts.create(db.dsl(), "sam@other.example", "Sam", Scope.employer(otherEmployer));
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @BeforeEach
    void signIn() {
        visitor = new Visitor(app).signIn("priya@acme.example", Accounts.PASSWORD);
    }

    long publishedBooking(LocalDate on) {
        long request = data.request(school, 9, RequestStatus.MATCHED, on.minusDays(3));
        return data.booking(request, offer, volunteer, on, BookingStatus.PUBLISHED);
    }

    @Test
    void theEmployersPageListsBookingsWithSchoolDatePeriodGroupSizeAndAddress() {
        long booking = publishedBooking(TODAY.plusDays(10));

        String page = visitor.get("/employers/" + employer).body();

        assertThat(page)
                .contains("Bemrose School<br>DE22 3HU")
                .contains("Thu 3 Dec 2026")
                .contains("Morning")
                .contains("Careers talk for Year 9")
                .contains("/employers/" + employer + "/bookings/" + booking + "/confirm");
    }

    @Test
    void eachBookingShowsTheSchoolsAddressArrivalTimeContactAndTheGroup() {
        long visited = data.school(hub, "Littleover Community School");
        new VisitorArrangementChanges(db.dsl())
                .save(
                        Actor.anonymous(null),
                        visited,
                        new VisitorArrangements(
                                "Littleover Community School\nPastures Hill\nDerby DE23 4BZ",
                                "Main reception",
                                "Visitor bays by the gate",
                                "Bring photo ID",
                                "Mrs Shah",
                                "01332 123456",
                                LocalTime.of(8, 50),
                                LocalTime.of(11, 50),
                                LocalTime.of(13, 0),
                                LocalTime.of(15, 0)));
        long request = data.request(visited, 8, RequestStatus.MATCHED, TODAY);
        db.dsl()
                .update(REQUEST)
                .set(REQUEST.SEND_ADJUSTMENTS, "Two pupils use wheelchairs")
                .set(REQUEST.NOTES_FOR_VOLUNTEER, "They are studying forces")
                .set(REQUEST.NOTES, "For the coordinator only")
                .where(REQUEST.ID.eq(request))
                .execute();
        data.booking(request, offer, volunteer, TODAY.plusDays(15), BookingStatus.PUBLISHED);

        String page = visitor.get("/employers/" + employer).body();

        assertThat(page)
                .contains("Littleover Community School<br>Pastures Hill<br>Derby DE23 4BZ")
                .contains("Arrive by 8:35am")
                .contains("The session runs 8:50am to 11:50am.")
                .contains("Mrs Shah, 01332 123456")
                .contains("Visitor bays by the gate")
                .contains("Two pupils use wheelchairs")
                .contains("They are studying forces")
                .contains("href=\"/volunteering/first-time\"")
                .doesNotContain("For the coordinator only");
    }

    @Test
    void theSiteDetailsFormRefusesABadPhoneAndSavesAndAuditsAGoodOne() {
        String path = "/employers/" + employer + "/site";
        visitor.get("/employers/" + employer);

        HttpResponse<String> bad = visitor.post(
                path,
                Map.of(
                        "siteAddress", "Acme House\nDerby DE24 8GW",
                        "siteContactName", "Dan\tPrice",
                        "siteContactPhone", "ring reception"));

        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body())
                .contains("Their phone number must be a phone number of digits and spaces")
                .contains("Whom the school asks for must be one line of text");
        assertThat(db.dsl().fetchValue(EMPLOYER.SITE_ADDRESS, EMPLOYER.ID.eq(employer)))
                .isNull();

        HttpResponse<String> good = visitor.post(
                path,
                Map.of(
                        "siteAddress", "Acme House\nDerby DE24 8GW",
                        "siteContactName", "Dan Price",
                        "siteContactPhone", "+44 7700 900123",
                        "arrivalInstructions", "Wait at the gatehouse"));

        assertThat(good.statusCode()).isEqualTo(302);
        assertThat(db.dsl().fetchValue(EMPLOYER.SITE_CONTACT_PHONE, EMPLOYER.ID.eq(employer)))
                .isEqualTo("+44 7700 900123");
        assertThat(db.dsl()
                        .fetchCount(
                                AUDIT_LOG,
                                AUDIT_LOG.ACTION.eq("site_details_changed").and(AUDIT_LOG.SUBJECT_ID.eq(employer))))
                .isEqualTo(1);
        String page = visitor.get("/employers/" + employer).body();
        assertThat(page).contains("Wait at the gatehouse</textarea>");
        // given once, the address is shown and its form folds away
        assertThat(page)
                .contains("<dd class=\"written\">Acme House\nDerby DE24 8GW</dd>", "Dan Price, +44 7700 900123")
                .contains("<details id=\"site-form\"><summary>Change your site details</summary>");
        assertThat(page.indexOf("<details id=\"site-form\">")).isLessThan(page.indexOf("name=\"siteAddress\""));
    }

    @Test
    void confirmingTakesOneClickIsAuditedAndSaysTheSchoolKnowsOnlyWhenItWasEmailed() {
        long booking = publishedBooking(TODAY.plusDays(11));
        visitor.get("/employers/" + employer);

        HttpResponse<String> response =
                visitor.post("/employers/" + employer + "/bookings/" + booking + "/confirm", Map.of());

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(status(booking)).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(db.dsl()
                        .fetchCount(
                                AUDIT_LOG,
                                AUDIT_LOG.ACTION.eq("booking_confirmed").and(AUDIT_LOG.SUBJECT_ID.eq(booking))))
                .isEqualTo(1);
        // no round's digest went to the school about it, so the employer is not told the school knows
        assertThat(visitor.get("/employers/" + employer).body())
                .contains("Confirmed: it is in your calendar feed. The school has not been emailed about this booking")
                .doesNotContain("has been told", "has had this booking by email");

        // the school knows only where the round's digest went to it
        long emailed = publishedBooking(TODAY.plusDays(13));
        long round = new RoundRepository(db.dsl())
                .create(hub, Horizon.schoolWeeks(SchoolCalendar.ENGLAND, TODAY, 6), "weekly", null);
        db.dsl()
                .update(BOOKING)
                .set(BOOKING.ROUND_ID, round)
                .where(BOOKING.ID.eq(emailed))
                .execute();
        // the round's digest to the school's careers leader, as publishing queues it
        new Outbox(db.dsl())
                .enqueue(new OutboxMessage(
                        "round:" + round + ":school:" + school,
                        "round_digest_school",
                        "carla@bemrose.example",
                        "Encounters matched for your pupils: one session",
                        "Hello",
                        null));
        visitor.post("/employers/" + employer + "/bookings/" + emailed + "/confirm", Map.of());

        assertThat(status(emailed)).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(visitor.get("/employers/" + employer).body())
                .contains("Confirmed: it is in your calendar feed. The school has had this booking by email")
                .doesNotContain("has not been emailed");
    }

    @Test
    void declineAsksForAReasonThenFreesTheRequestAndItsPupilsForRematching() {
        long booking = publishedBooking(TODAY.plusDays(12));
        long pupil = data.pupil(school, 9);
        data.choose(booking, pupil);
        String path = "/employers/" + employer + "/bookings/" + booking + "/decline";
        visitor.get(path);

        HttpResponse<String> noReason = visitor.post(path, Map.of("reason", "  "));

        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("Enter why you cannot do it");
        assertThat(status(booking)).isEqualTo(BookingStatus.PUBLISHED);

        HttpResponse<String> declined =
                visitor.post(path, Map.of("reason", "Our engineer is on site in Leeds that week"));

        assertThat(declined.statusCode()).isEqualTo(302);
        assertThat(status(booking)).isEqualTo(BookingStatus.DECLINED);
        assertThat(db.dsl()
                        .select(BOOKING.DECLINE_REASON)
                        .from(BOOKING)
                        .where(BOOKING.ID.eq(booking))
                        .fetchOne(0, String.class))
                .isEqualTo("Our engineer is on site in Leeds that week");
        assertThat(db.dsl()
                        .select(REQUEST.STATUS)
                        .from(REQUEST)
                        .join(BOOKING)
                        .on(BOOKING.REQUEST_ID.eq(REQUEST.ID))
                        .where(BOOKING.ID.eq(booking))
                        .fetchOne(0))
                .isEqualTo(RequestStatus.OPEN);
        assertThat(db.dsl().fetchCount(BOOKING_PUPIL, BOOKING_PUPIL.BOOKING_ID.eq(booking)))
                .isZero();
    }

    @Test
    void anotherEmployersBookingCannotBeAnsweredThroughThisEmployersPage() {
        long othersOffer = data.offer(otherEmployer, OfferStatus.ACTIVE, TODAY.plusMonths(4));
        long request = data.request(school, 10, RequestStatus.MATCHED, TODAY);
        long othersBooking = data.booking(request, othersOffer, null, TODAY.plusDays(9), BookingStatus.PUBLISHED);
        visitor.get("/employers/" + employer);

        assertThat(visitor.post("/employers/" + employer + "/bookings/" + othersBooking + "/confirm", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(visitor.get("/employers/" + employer + "/bookings/" + othersBooking + "/decline")
                        .statusCode())
                .isEqualTo(404);
        assertThat(status(othersBooking)).isEqualTo(BookingStatus.PUBLISHED);
        Visitor other = new Visitor(app).signIn("sam@other.example", Accounts.PASSWORD);
        assertThat(other.get("/employers/" + employer).statusCode()).isEqualTo(403);
    }

    @Test
    void aPastBookingCanNoLongerBeDeclined() {
        long booking = publishedBooking(TODAY.minusDays(1));
        String path = "/employers/" + employer + "/bookings/" + booking + "/decline";
        visitor.get(path);

        visitor.post(path, Map.of("reason", "Too late"));

        assertThat(status(booking)).isEqualTo(BookingStatus.PUBLISHED);
    }

    @Test
    void theCalendarFeedHoldsConfirmedBookingsAndParsesAsICalendar() throws Exception {
        long confirmed = publishedBooking(TODAY.plusDays(20));
        db.dsl()
                .update(BOOKING)
                .set(BOOKING.STATUS, BookingStatus.CONFIRMED)
                .where(BOOKING.ID.eq(confirmed))
                .execute();
        long placementRequest = data.request(school, 10, RequestStatus.MATCHED, TODAY);
        long placement = db.dsl()
                .insertInto(
                        BOOKING,
                        BOOKING.REQUEST_ID,
                        BOOKING.OFFER_ID,
                        BOOKING.ENCOUNTER_TYPE,
                        BOOKING.STARTS_ON,
                        BOOKING.ENDS_ON,
                        BOOKING.PERIOD,
                        BOOKING.PUPILS,
                        BOOKING.STATUS)
                .values(
                        placementRequest,
                        offer,
                        "careers_talk",
                        TODAY.plusDays(28),
                        TODAY.plusDays(32),
                        "all_day",
                        2,
                        BookingStatus.CONFIRMED)
                .returning(BOOKING.ID)
                .fetchOne()
                .getId();
        long unconfirmed = publishedBooking(TODAY.plusDays(21));
        visitor.get("/employers/" + employer);

        String page =
                visitor.post("/employers/" + employer + "/calendar", Map.of()).body();
        Matcher link = CALENDAR.matcher(page);
        assertThat(link.find()).isTrue();
        HttpResponse<String> feed = new Visitor(app).get(link.group(1));

        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("content-type").orElse("")).startsWith("text/calendar");
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events)
                .extracting(e -> e.getProperty(Property.UID).orElseThrow().getValue())
                .contains("booking-" + confirmed + "@localhost", "booking-" + placement + "@localhost")
                .doesNotContain("booking-" + unconfirmed + "@localhost");
        VEvent talk = events.stream()
                .filter(e -> e.getProperty(Property.UID)
                        .orElseThrow()
                        .getValue()
                        .equals("booking-" + confirmed + "@localhost"))
                .findFirst()
                .orElseThrow();
        // 9:00 in London in December is 09:00 UTC
        assertThat(talk.getProperty(Property.DTSTART).orElseThrow().getValue())
                .isEqualTo(TODAY.plusDays(20).toString().replace("-", "") + "T090000Z");
        assertThat(talk.getProperty(Property.SUMMARY).orElseThrow().getValue())
                .isEqualTo("Careers talk for Year 9, Bemrose School");
        assertThat(talk.getProperty(Property.LOCATION).orElseThrow().getValue()).isEqualTo("Bemrose School, DE22 3HU");
        assertThat(talk.getProperty(Property.DESCRIPTION).orElseThrow().getValue())
                .contains("Arrive by 8:45am (the session runs 9am to midday)")
                .contains("/volunteering/first-time");
        VEvent week = events.stream()
                .filter(e -> e.getProperty(Property.UID)
                        .orElseThrow()
                        .getValue()
                        .equals("booking-" + placement + "@localhost"))
                .findFirst()
                .orElseThrow();
        assertThat(week.getProperty(Property.DTSTART).orElseThrow().getValue())
                .isEqualTo(TODAY.plusDays(28).toString().replace("-", ""));
        assertThat(week.getProperty(Property.DTEND).orElseThrow().getValue())
                .isEqualTo(TODAY.plusDays(33).toString().replace("-", ""));
        assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue())
                .isEqualTo("Acme, Engineering; Ltd school bookings");

        // a new address retires the old one
        visitor.get("/employers/" + employer);
        visitor.post("/employers/" + employer + "/calendar", Map.of());
        assertThat(new Visitor(app).get(link.group(1)).statusCode()).isEqualTo(410);
        assertThat(new Visitor(app).get("/calendar/nonsense.ics").statusCode()).isEqualTo(410);
    }

    @Test
    void afterADeliveredBookingTheEmployerSeesWhomTheyReachedAndAnswersTwoQuestionsOnce() {
        long booking = publishedBooking(TODAY.minusDays(7));
        db.dsl()
                .update(BOOKING)
                .set(BOOKING.STATUS, BookingStatus.DELIVERED)
                .where(BOOKING.ID.eq(booking))
                .execute();
        long reached = data.pupil(school, 9);
        long disadvantaged = data.pupil(school, 9);
        long absent = data.pupil(school, 9);
        db.dsl()
                .update(PUPIL)
                .set(PUPIL.DISADVANTAGED, true)
                .where(PUPIL.ID.eq(disadvantaged))
                .execute();
        for (long pupil : List.of(reached, disadvantaged, absent)) {
            db.dsl()
                    .insertInto(
                            ENCOUNTER,
                            ENCOUNTER.PUPIL_ID,
                            ENCOUNTER.BOOKING_ID,
                            ENCOUNTER.ENCOUNTER_TYPE,
                            ENCOUNTER.OCCURRED_ON,
                            ENCOUNTER.ATTENDED)
                    .values(pupil, booking, "careers_talk", TODAY.minusDays(7), pupil != absent)
                    .execute();
        }

        String page = visitor.get("/employers/" + employer).body();
        assertThat(page)
                .contains("Pupils reached</dt><dd>2</dd>")
                .contains("of them disadvantaged</dt><dd>1</dd>")
                .contains("/bookings/" + booking + "/feedback");

        String path = "/employers/" + employer + "/bookings/" + booking + "/feedback";
        visitor.get(path);
        HttpResponse<String> noRating = visitor.post(path, Map.of("comment", "Great questions"));
        assertThat(noRating.statusCode()).isEqualTo(422);
        assertThat(noRating.body()).contains("Select how it went");

        visitor.post(path, Map.of("rating", "5", "comment", "Great questions from Year 9"));
        visitor.get(path);
        visitor.post(path, Map.of("rating", "1", "comment", "Sent twice"));

        assertThat(db.dsl()
                        .select(FEEDBACK.RATING, FEEDBACK.COMMENT)
                        .from(FEEDBACK)
                        .where(FEEDBACK.BOOKING_ID.eq(booking))
                        .fetch()
                        .map(r -> r.value1() + " " + r.value2()))
                .containsExactly("5 Great questions from Year 9");
        assertThat(visitor.get("/employers/" + employer).body()).doesNotContain("/bookings/" + booking + "/feedback\"");
    }

    @Test
    void feedbackIsNotTakenBeforeTheSessionHappened() {
        long booking = publishedBooking(TODAY.plusDays(5));
        String path = "/employers/" + employer + "/bookings/" + booking + "/feedback";
        visitor.get(path);

        visitor.post(path, Map.of("rating", "4"));

        assertThat(db.dsl().fetchCount(FEEDBACK, FEEDBACK.BOOKING_ID.eq(booking)))
                .isZero();
    }

    private static BookingStatus status(long booking) {
        return db.dsl().fetchValue(BOOKING.STATUS, BOOKING.ID.eq(booking));
    }
}

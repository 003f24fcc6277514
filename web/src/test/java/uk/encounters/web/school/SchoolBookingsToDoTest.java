package uk.encounters.web.school;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/**
 * The bookings list as a to-do list: a tag for what each booking needs, the count on the school's
 * landing page, and confirming several bookings at once.
 */
class SchoolBookingsToDoTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static RunningApp app;
    static TestData data;
    static long hub;
    static long offer;
    static long pupil;
    static long otherSchool;

    long school;
    Visitor carla;

    @BeforeAll
    static void start() {
        data = new TestData(db.dsl());
        hub = data.hub("Derby Careers Hub");
        offer = data.offer(data.employer(hub, "Rolls-Royce"), OfferStatus.ACTIVE, TODAY.plusMonths(3));
        otherSchool = data.school(hub, "Other School");
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** A school of its own for each test, so its counts are only the test's bookings. */
    @BeforeEach
    void aSchoolAndItsCareersLeader() {
        school = data.school(hub, "Bemrose School");
        pupil = data.pupil(school, 9);
        String email = "carla" + school + "@bemrose.example";
        Accounts.create(db.dsl(), email, "Carla", Scope.careersLeader(school));
        carla = new Visitor(app).signIn(email, Accounts.PASSWORD);
    }

    long booking(long forSchool, LocalDate on, BookingStatus status, int places, boolean schoolConfirmed) {
        long booking = data.booking(
                data.request(forSchool, 9, RequestStatus.MATCHED, on.minusDays(7)), offer, null, on, status);
        db.dsl()
                .update(BOOKING)
                .set(BOOKING.PUPILS, places)
                .set(BOOKING.SCHOOL_CONFIRMED_AT, schoolConfirmed ? OffsetDateTime.now() : null)
                .where(BOOKING.ID.eq(booking))
                .execute();
        return booking;
    }

    @Test
    void eachBookingIsTaggedWithWhatItNeedsFromTheSchoolInPlainWords() {
        long toConfirm = booking(school, TODAY.plusDays(10), BookingStatus.PUBLISHED, 1, false);
        long choosePupils = booking(school, TODAY.plusDays(11), BookingStatus.CONFIRMED, 2, true);
        data.choose(choosePupils, pupil);
        long registerDue = booking(school, TODAY.minusDays(1), BookingStatus.CONFIRMED, 1, true);
        long ready = booking(school, TODAY.plusDays(12), BookingStatus.PUBLISHED, 1, true);
        data.choose(ready, pupil);
        long delivered = booking(school, TODAY.minusDays(5), BookingStatus.DELIVERED, 1, true);
        data.choose(delivered, pupil);
        db.dsl()
                .insertInto(
                        ENCOUNTER,
                        ENCOUNTER.PUPIL_ID,
                        ENCOUNTER.BOOKING_ID,
                        ENCOUNTER.ENCOUNTER_TYPE,
                        ENCOUNTER.OCCURRED_ON,
                        ENCOUNTER.ATTENDED)
                .values(pupil, delivered, "careers_talk", TODAY.minusDays(5), true)
                .execute();

        String page = carla.get("/schools/" + school + "/bookings").body();

        assertThat(row(page, toConfirm)).contains("<strong class=\"tag tag--blue\">To confirm</strong>");
        assertThat(row(page, choosePupils)).contains("<strong class=\"tag tag--yellow\">Choose pupils</strong>");
        assertThat(row(page, registerDue)).contains("<strong class=\"tag tag--red\">Register due</strong>");
        assertThat(row(page, ready)).contains("<strong class=\"tag tag--green\">Ready</strong>");
        assertThat(row(page, delivered)).contains("<strong class=\"tag tag--grey\">Attendance recorded</strong>");
        assertThat(page).doesNotContain(">published<").doesNotContain(">confirmed<");
        // only what can still be confirmed has a box to tick
        assertThat(row(page, toConfirm)).contains("name=\"booking\" value=\"" + toConfirm + "\"");
        assertThat(page).containsOnlyOnce("name=\"booking\"").contains("Confirm the selected bookings");
    }

    @Test
    void theLandingPageCountsWhatNeedsDoingAndLinksToTheBookings() {
        booking(school, TODAY.plusDays(10), BookingStatus.PUBLISHED, 1, false);
        booking(school, TODAY.plusDays(11), BookingStatus.PUBLISHED, 1, false);
        booking(school, TODAY.plusDays(12), BookingStatus.PUBLISHED, 1, false);
        booking(school, TODAY.plusDays(13), BookingStatus.CONFIRMED, 2, true);
        booking(school, TODAY.plusDays(14), BookingStatus.CONFIRMED, 2, true);
        booking(school, TODAY.minusDays(2), BookingStatus.CONFIRMED, 2, true);
        long ready = booking(school, TODAY.plusDays(15), BookingStatus.CONFIRMED, 1, true);
        data.choose(ready, pupil);

        String progress = carla.get("/schools/" + school + "/progress").body();

        assertThat(progress)
                .contains("<strong>To do:</strong> 3 bookings to confirm, 2 need pupils chosen, 1 register due.")
                .contains("<a href=\"/schools/" + school + "/bookings\">Go to your bookings</a>");
    }

    @Test
    void theLandingPageSaysNothingToDoWhenEveryBookingIsReady() {
        long ready = booking(school, TODAY.plusDays(15), BookingStatus.CONFIRMED, 1, true);
        data.choose(ready, pupil);

        assertThat(carla.get("/schools/" + school + "/progress").body()).doesNotContain("To do:");
    }

    @Test
    void severalBookingsAreConfirmedAtOnceInOneTransactionEachAudited() {
        long first = booking(school, TODAY.plusDays(10), BookingStatus.PUBLISHED, 1, false);
        long second = booking(school, TODAY.plusDays(11), BookingStatus.PUBLISHED, 1, false);
        long third = booking(school, TODAY.plusDays(12), BookingStatus.CONFIRMED, 1, false);
        carla.get("/schools/" + school + "/bookings");

        HttpResponse<String> confirmed = confirm(first, second, third);

        assertThat(confirmed.statusCode()).isEqualTo(302);
        assertThat(confirmed.headers().firstValue("location")).hasValue("/schools/" + school + "/bookings");
        List<OffsetDateTime> when = db.dsl()
                .select(BOOKING.SCHOOL_CONFIRMED_AT)
                .from(BOOKING)
                .where(BOOKING.ID.in(first, second, third))
                .fetch(BOOKING.SCHOOL_CONFIRMED_AT);
        // now() is the transaction's start: one time for all three means one transaction
        assertThat(when).hasSize(3).doesNotContainNull();
        assertThat(when.stream().distinct()).hasSize(1);
        var audited = db.dsl()
                .select(AUDIT_LOG.SUBJECT_ID, AUDIT_LOG.OCCURRED_AT)
                .from(AUDIT_LOG)
                .where(AUDIT_LOG.ACTION.eq("booking_confirmed_by_school"))
                .and(AUDIT_LOG.SUBJECT_ID.in(first, second, third))
                .fetch();
        assertThat(audited.getValues(AUDIT_LOG.SUBJECT_ID)).containsExactlyInAnyOrder(first, second, third);
        assertThat(audited.getValues(AUDIT_LOG.OCCURRED_AT).stream().distinct()).hasSize(1);
        String page = carla.get("/schools/" + school + "/bookings").body();
        assertThat(page).contains("Confirmed 3 bookings.").doesNotContain("name=\"booking\"");
    }

    @Test
    void anotherSchoolsBookingInTheFormIsNotConfirmed() {
        long ours = booking(school, TODAY.plusDays(10), BookingStatus.PUBLISHED, 1, false);
        long theirs = booking(otherSchool, TODAY.plusDays(10), BookingStatus.PUBLISHED, 1, false);
        carla.get("/schools/" + school + "/bookings");

        confirm(ours, theirs);

        assertThat(confirmedAt(ours)).isNotNull();
        assertThat(confirmedAt(theirs)).isNull();
        assertThat(db.dsl()
                        .fetchCount(
                                AUDIT_LOG,
                                AUDIT_LOG
                                        .SUBJECT_ID
                                        .eq(theirs)
                                        .and(AUDIT_LOG.ACTION.eq("booking_confirmed_by_school"))))
                .isZero();
        assertThat(carla.get("/schools/" + school + "/bookings").body())
                .contains("Confirmed 1 booking. Skipped 1 booking: 1 was not your school&#x27;s.");
    }

    @Test
    void aBookingNoLongerConfirmableIsSkippedWithTheReason() {
        long stillOn = booking(school, TODAY.plusDays(10), BookingStatus.PUBLISHED, 1, false);
        long declinedMeanwhile = booking(school, TODAY.plusDays(20), BookingStatus.PUBLISHED, 1, false);
        carla.get("/schools/" + school + "/bookings");
        // the employer declines while the careers leader has the list open
        db.dsl()
                .update(BOOKING)
                .set(BOOKING.STATUS, BookingStatus.DECLINED)
                .where(BOOKING.ID.eq(declinedMeanwhile))
                .execute();

        confirm(stillOn, declinedMeanwhile);

        assertThat(confirmedAt(stillOn)).isNotNull();
        assertThat(confirmedAt(declinedMeanwhile)).isNull();
        assertThat(carla.get("/schools/" + school + "/bookings").body())
                .contains("Confirmed 1 booking. Skipped 1 booking: Careers talk for Year 9 with Rolls-Royce, ")
                .contains(": it is no longer going ahead.");
    }

    @Test
    void confirmingWithNothingTickedConfirmsNothingAndSaysSo() {
        long open = booking(school, TODAY.plusDays(10), BookingStatus.PUBLISHED, 1, false);
        carla.get("/schools/" + school + "/bookings");

        carla.postAll("/schools/" + school + "/bookings/confirm", List.of());

        assertThat(confirmedAt(open)).isNull();
        assertThat(carla.get("/schools/" + school + "/bookings").body())
                .contains("Nothing was confirmed: tick the bookings to confirm first.");
    }

    private HttpResponse<String> confirm(long... bookings) {
        List<Map.Entry<String, String>> fields = java.util.Arrays.stream(bookings)
                .mapToObj(id -> Map.entry("booking", String.valueOf(id)))
                .toList();
        return carla.postAll("/schools/" + school + "/bookings/confirm", fields);
    }

    private static OffsetDateTime confirmedAt(long booking) {
        return db.dsl().fetchValue(BOOKING.SCHOOL_CONFIRMED_AT, BOOKING.ID.eq(booking));
    }

    /** The list's row for one booking, found by its link. */
    private static String row(String page, long booking) {
        int link = page.indexOf("/bookings/" + booking + "\"");
        assertThat(link).as("booking %d is listed", booking).isPositive();
        int start = page.lastIndexOf("<tr>", link);
        return page.substring(start, page.indexOf("</tr>", link));
    }
}

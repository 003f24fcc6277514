package uk.encounters.marketplace.schema;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.USER_SCOPE;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.school.SchoolPhase;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;

/** The rules the database holds on its own, whatever the application does. */
class SchemaConstraintsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final LocalDate DAY = LocalDate.of(2027, 3, 10);
    private static final AtomicInteger unique = new AtomicInteger();
    private static long schoolId;
    private static long employerId;
    private static long hubId;

    @BeforeAll
    static void hubWithOneSchoolAndOneEmployer() {
        DSLContext dsl = db.dsl();
        hubId = dsl.insertInto(HUB, HUB.NAME, HUB.AREA)
                .values("Derby", "derby")
                .returning(HUB.ID)
                .fetchOne()
                .getId();
        schoolId = dsl.insertInto(SCHOOL, SCHOOL.HUB_ID, SCHOOL.URN, SCHOOL.NAME, SCHOOL.PHASE)
                .values(hubId, 112956, "Littleover Community School", SchoolPhase.SECONDARY)
                .returning(SCHOOL.ID)
                .fetchOne()
                .getId();
        employerId = dsl.insertInto(
                        EMPLOYER,
                        EMPLOYER.REGISTERED_IN_HUB_ID,
                        EMPLOYER.NAME,
                        EMPLOYER.NORMALISED_NAME,
                        EMPLOYER.POSTCODE,
                        EMPLOYER.SIZE_BAND,
                        EMPLOYER.SECTOR)
                .values(hubId, "Acme Engineering Ltd", "acme engineering", "DE24 8BY", "small", "Manufacturing")
                .returning(EMPLOYER.ID)
                .fetchOne()
                .getId();
        new TestData(dsl).present(employerId, hubId);
    }

    @Test
    void refusesAVolunteerInTwoLiveBookingsAtTheSameDateAndPeriod() {
        long volunteer = volunteer();
        booking(volunteer, "careers_talk", DAY, DAY, "morning", BookingStatus.PUBLISHED);
        assertThatThrownBy(() -> booking(volunteer, "careers_talk", DAY, DAY, "morning", BookingStatus.PROPOSED))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("booking_volunteer_one_place_at_a_time_ex");
    }

    @Test
    void refusesAnAllDayBookingOverlappingAMorningOne() {
        long volunteer = volunteer();
        booking(volunteer, "mock_interviews", DAY, DAY, "morning", BookingStatus.CONFIRMED);
        assertThatThrownBy(() -> booking(volunteer, "careers_talk", DAY, DAY, "all_day", BookingStatus.PUBLISHED))
                .hasMessageContaining("booking_volunteer_one_place_at_a_time_ex");
    }

    @Test
    void refusesAMultiDayBookingCoveringAnotherOnesDay() {
        long volunteer = volunteer();
        booking(volunteer, "careers_talk", DAY.plusDays(2), DAY.plusDays(2), "afternoon", BookingStatus.CONFIRMED);
        assertThatThrownBy(() ->
                        booking(volunteer, "workplace_visit", DAY, DAY.plusDays(4), "all_day", BookingStatus.PUBLISHED))
                .hasMessageContaining("booking_volunteer_one_place_at_a_time_ex");
    }

    @Test
    void letsAVolunteerGiveAMorningAndAnAfternoonSessionOnOneDay() {
        long volunteer = volunteer();
        booking(volunteer, "careers_talk", DAY, DAY, "morning", BookingStatus.PUBLISHED);
        assertThatCode(() -> booking(volunteer, "careers_talk", DAY, DAY, "afternoon", BookingStatus.PUBLISHED))
                .doesNotThrowAnyException();
    }

    @Test
    void freesTheSlotOnceABookingIsDeclinedOrCancelled() {
        long volunteer = volunteer();
        booking(volunteer, "careers_talk", DAY, DAY, "morning", BookingStatus.DECLINED);
        booking(volunteer, "careers_talk", DAY, DAY, "morning", BookingStatus.CANCELLED);
        assertThatCode(() -> booking(volunteer, "careers_talk", DAY, DAY, "morning", BookingStatus.PUBLISHED))
                .doesNotThrowAnyException();
    }

    @Test
    void letsOneHostTakeWorkExperiencePupilsFromSeveralSchoolsInTheSameWeek() {
        long volunteer = volunteer();
        booking(volunteer, "work_experience", DAY, DAY.plusDays(4), "all_day", BookingStatus.PUBLISHED);
        assertThatCode(() ->
                        booking(volunteer, "work_experience", DAY, DAY.plusDays(4), "all_day", BookingStatus.PUBLISHED))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesABookingWhoseTypeDiffersFromItsOffer() {
        long volunteer = volunteer();
        long offer = offer(volunteer, "careers_talk");
        assertThatThrownBy(() ->
                        insertBooking(offer, "work_experience", volunteer, DAY, DAY, "morning", BookingStatus.PROPOSED))
                .hasMessageContaining("booking_offer_fk");
    }

    @Test
    void refusesAPupilOutsideYearsSevenToThirteen() {
        assertThatThrownBy(() -> db.dsl()
                        .insertInto(PUPIL, PUPIL.SCHOOL_ID, PUPIL.REFERENCE, PUPIL.YEAR_GROUP)
                        .values(schoolId, "P-BAD-6", (short) 6)
                        .execute())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("pupil_year_group_ck");
        assertThatThrownBy(() -> db.dsl()
                        .insertInto(PUPIL, PUPIL.SCHOOL_ID, PUPIL.REFERENCE, PUPIL.YEAR_GROUP)
                        .values(schoolId, "P-BAD-14", (short) 14)
                        .execute())
                .hasMessageContaining("pupil_year_group_ck");
    }

    @Test
    void refusesTheSamePupilReferenceTwiceInOneSchool() {
        db.dsl()
                .insertInto(PUPIL, PUPIL.SCHOOL_ID, PUPIL.REFERENCE, PUPIL.YEAR_GROUP)
                .values(schoolId, "P-DUP", (short) 9)
                .execute();
        assertThatThrownBy(() -> db.dsl()
                        .insertInto(PUPIL, PUPIL.SCHOOL_ID, PUPIL.REFERENCE, PUPIL.YEAR_GROUP)
                        .values(schoolId, "P-DUP", (short) 10)
                        .execute())
                .isInstanceOf(IntegrityConstraintViolationException.class)
                .hasMessageContaining("pupil_school_reference_uk");
    }

    @Test
    void refusesARequestWithABadYearGroupNoPupilsOrAWindowEndingBeforeItStarts() {
        assertThatThrownBy(() -> request((short) 5, 30, DAY, DAY.plusDays(7)))
                .hasMessageContaining("request_year_group_ck");
        assertThatThrownBy(() -> request((short) 9, 0, DAY, DAY.plusDays(7))).hasMessageContaining("request_pupils_ck");
        assertThatThrownBy(() -> request((short) 9, 30, DAY, DAY.minusDays(1)))
                .hasMessageContaining("request_window_ck");
        assertThatCode(() -> request((short) 9, 30, DAY, DAY)).doesNotThrowAnyException();
    }

    @Test
    void refusesTheSameEmailInAnotherCase() {
        db.dsl()
                .insertInto(APP_USER, APP_USER.EMAIL, APP_USER.DISPLAY_NAME)
                .values("Careers.Lead@Littleover.derby.sch.uk", "Sam Careers")
                .execute();
        assertThatThrownBy(() -> db.dsl()
                        .insertInto(APP_USER, APP_USER.EMAIL, APP_USER.DISPLAY_NAME)
                        .values("careers.lead@littleover.DERBY.sch.uk", "Sam Again")
                        .execute())
                .isInstanceOf(IntegrityConstraintViolationException.class)
                .hasMessageContaining("app_user_email_uk");
    }

    @Test
    void refusesAScopeThatDoesNotFitItsRole() {
        long user = db.dsl()
                .insertInto(APP_USER, APP_USER.EMAIL, APP_USER.DISPLAY_NAME)
                .values("scope" + unique.incrementAndGet() + "@example.org", "Scoped")
                .returning(APP_USER.ID)
                .fetchOne()
                .getId();
        assertThatThrownBy(() -> db.dsl()
                        .insertInto(USER_SCOPE, USER_SCOPE.USER_ID, USER_SCOPE.ROLE, USER_SCOPE.EMPLOYER_ID)
                        .values(user, "careers_leader", employerId)
                        .execute())
                .hasMessageContaining("user_scope_matches_role_ck");
        assertThatCode(() -> db.dsl()
                        .insertInto(USER_SCOPE, USER_SCOPE.USER_ID, USER_SCOPE.ROLE, USER_SCOPE.SCHOOL_ID)
                        .values(user, "careers_leader", schoolId)
                        .execute())
                .doesNotThrowAnyException();
    }

    @Test
    void refusesASecondSchoolWithTheSameUrn() {
        long hubId = db.dsl().select(HUB.ID).from(HUB).limit(1).fetchOne(HUB.ID);
        assertThatThrownBy(() -> db.dsl()
                        .insertInto(SCHOOL, SCHOOL.HUB_ID, SCHOOL.URN, SCHOOL.NAME, SCHOOL.PHASE)
                        .values(hubId, 112956, "Another name", SchoolPhase.SECONDARY)
                        .execute())
                .hasMessageContaining("school_urn_uk");
    }

    private static long volunteer() {
        return db.dsl()
                .insertInto(VOLUNTEER, VOLUNTEER.EMPLOYER_ID, VOLUNTEER.NAME, VOLUNTEER.EMAIL)
                .values(employerId, "Alex Volunteer", "alex" + unique.incrementAndGet() + "@acme.example")
                .returning(VOLUNTEER.ID)
                .fetchOne()
                .getId();
    }

    private static long offer(long volunteer, String type) {
        return db.dsl()
                .insertInto(
                        OFFER,
                        OFFER.EMPLOYER_ID,
                        OFFER.HUB_ID,
                        OFFER.VOLUNTEER_ID,
                        OFFER.ENCOUNTER_TYPE,
                        OFFER.TITLE,
                        OFFER.SECTOR,
                        OFFER.IN_SCHOOL,
                        OFFER.PUPILS_MAX,
                        OFFER.AVAILABLE_FROM,
                        OFFER.AVAILABLE_UNTIL)
                .values(
                        employerId,
                        hubId,
                        volunteer,
                        type,
                        "What engineers do",
                        "Manufacturing",
                        true,
                        30,
                        DAY.minusMonths(1),
                        DAY.plusMonths(2))
                .returning(OFFER.ID)
                .fetchOne()
                .getId();
    }

    private static long request(short yearGroup, int pupils, LocalDate from, LocalDate to) {
        return db.dsl()
                .insertInto(
                        REQUEST,
                        REQUEST.SCHOOL_ID,
                        REQUEST.YEAR_GROUP,
                        REQUEST.ENCOUNTER_TYPE,
                        REQUEST.PUPILS,
                        REQUEST.WINDOW_START,
                        REQUEST.WINDOW_END)
                .values(schoolId, yearGroup, "careers_talk", pupils, from, to)
                .returning(REQUEST.ID)
                .fetchOne()
                .getId();
    }

    private static void booking(
            long volunteer, String type, LocalDate from, LocalDate to, String period, BookingStatus status) {
        insertBooking(offer(volunteer, type), type, volunteer, from, to, period, status);
    }

    private static void insertBooking(
            long offer,
            String type,
            long volunteer,
            LocalDate from,
            LocalDate to,
            String period,
            BookingStatus status) {
        long request = request((short) 10, 30, from.minusDays(7), to.plusDays(7));
        db.dsl()
                .insertInto(
                        BOOKING,
                        BOOKING.REQUEST_ID,
                        BOOKING.OFFER_ID,
                        BOOKING.ENCOUNTER_TYPE,
                        BOOKING.VOLUNTEER_ID,
                        BOOKING.STARTS_ON,
                        BOOKING.ENDS_ON,
                        BOOKING.PERIOD,
                        BOOKING.PUPILS,
                        BOOKING.STATUS)
                .values(request, offer, type, volunteer, from, to, period, 30, status)
                .execute();
    }
}

package uk.encounters.marketplace.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.pupil.Hours;
import uk.encounters.marketplace.testing.ExampleLinks;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.marketplace.testing.WorkplaceData;
import uk.encounters.marketplace.testing.WorkplaceData.Where;

/** A workplace experience's register records each pupil's hours: the booking's usual ones, or the school's. */
class AttendanceHoursTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 9);
    static final Actor CARLA = Actor.anonymous("127.0.0.1");

    final TestData data = new TestData(db.dsl());
    final WorkplaceData workplace = new WorkplaceData(db.dsl());
    static final Clock CLOCK = Clock.fixed(
            MONDAY.plusWeeks(2).atStartOfDay(ZoneId.of("Europe/London")).toInstant(), ZoneId.of("Europe/London"));
    final SchoolBookingChanges changes = new SchoolBookingChanges(db.dsl(), CLOCK, ExampleLinks.cancellations(CLOCK));

    @Test
    void aWeeksPlacementGivesEachPupilWhoCameTwentyFiveHoursAndTheSchoolCorrectsOne() {
        long hub = data.hub("Placement hub");
        long school = data.school(hub, "Placement School");
        long employer = data.employer(hub, "Placement Host");
        long stayed = data.pupil(school, 10);
        long leftEarly = data.pupil(school, 10);
        long absent = data.pupil(school, 10);
        long placement = workplace.booking(
                school,
                10,
                employer,
                "work_experience",
                Where.AT_WORKPLACE,
                false,
                MONDAY,
                MONDAY.plusDays(4),
                "all_day");
        SchoolBooking booking = find(school, placement);
        assertThat(booking.usualHours()).isEqualTo(Hours.of(25));
        assertThat(booking.usualHoursMadeUp()).isEqualTo("5 days of 5 hours");

        changes.recordAttendance(
                CARLA, booking, Set.of(stayed, leftEarly, absent), Set.of(stayed, leftEarly), Map.of());

        assertThat(workplace.hours(placement))
                .containsEntry(stayed, new BigDecimal("25.0"))
                .containsEntry(leftEarly, new BigDecimal("25.0"))
                .containsEntry(absent, null);

        // one pupil missed the Friday and left early on Thursday
        changes.recordAttendance(
                CARLA,
                find(school, placement),
                Set.of(stayed, leftEarly, absent),
                Set.of(stayed, leftEarly),
                Map.of(leftEarly, new Hours(175)));

        assertThat(workplace.hours(placement))
                .containsEntry(stayed, new BigDecimal("25.0"))
                .containsEntry(leftEarly, new BigDecimal("17.5"))
                .containsEntry(absent, null);
        assertThat(db.dsl()
                        .select(AUDIT_LOG.DETAIL)
                        .from(AUDIT_LOG)
                        .where(AUDIT_LOG.ACTION.eq("attendance_changed"))
                        .and(AUDIT_LOG.SUBJECT_ID.eq(placement))
                        .fetchOne(0, String.class))
                .contains("\"changed\": 1");
    }

    @Test
    void moreThanTwentyFourHoursADayIsRefusedAndNothingOfTheRegisterIsSaved() {
        long hub = data.hub("Visit hub");
        long school = data.school(hub, "Visit School");
        long employer = data.employer(hub, "Visit Host");
        long first = data.pupil(school, 9);
        long second = data.pupil(school, 9);
        long visit = workplace.booking(
                school, 9, employer, "workplace_visit", Where.AT_WORKPLACE, false, MONDAY, MONDAY, "morning");
        Map<Long, Hours> given = new HashMap<>();
        given.put(second, Hours.of(25));

        assertThatThrownBy(() -> changes.recordAttendance(
                        CARLA, find(school, visit), Set.of(first, second), Set.of(first, second), given))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("more than 24 hours a day");
        assertThat(db.dsl().fetchCount(ENCOUNTER, ENCOUNTER.BOOKING_ID.eq(visit)))
                .isZero();
        assertThat(db.dsl().fetchValue(BOOKING.STATUS, BOOKING.ID.eq(visit))).isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void aTalkRecordsNoHours() {
        long hub = data.hub("Talk hub");
        long school = data.school(hub, "Talk School");
        long employer = data.employer(hub, "Talk Host");
        long pupil = data.pupil(school, 9);
        long talk = workplace.booking(
                school, 9, employer, "careers_talk", new Where(true, false, false), false, MONDAY, MONDAY, "morning");

        changes.recordAttendance(CARLA, find(school, talk), Set.of(pupil), Set.of(pupil), Map.of());

        assertThat(workplace.hours(talk)).containsEntry(pupil, null);
    }

    private static SchoolBooking find(long school, long booking) {
        return new SchoolBookingRepository(db.dsl()).find(school, booking).orElseThrow();
    }
}

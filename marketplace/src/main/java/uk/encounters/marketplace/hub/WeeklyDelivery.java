package uk.encounters.marketplace.hub;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.sum;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.calendar.Horizon;
import uk.encounters.marketplace.calendar.HubCalendarSettings;
import uk.encounters.marketplace.calendar.SchoolCalendar;
import uk.encounters.marketplace.pupil.YearGroupProgress;
import uk.encounters.marketplace.round.RoundSolver;

/**
 * One school week of the hub's bookings: what was planned (published to schools and employers and
 * not called off in good time) against what was delivered (attendance recorded). Planned places
 * are the pupils a booking was made for; delivered encounters are pupils recorded as attending.
 *
 * @param monday  the week's Monday
 * @param ahead   the week has not started yet: nothing can have been delivered
 */
public record WeeklyDelivery(
        LocalDate monday, int plannedSessions, int deliveredSessions, int plannedPlaces, int attended, boolean ahead) {

    /**
     * On the calendar at some point and not withdrawn in time: a later no-show or late cancellation
     * still leaves a hole in the week, which is what the coordinator needs to see.
     */
    static final Set<BookingStatus> PLANNED = EnumSet.of(
            BookingStatus.PUBLISHED, BookingStatus.CONFIRMED, BookingStatus.DELIVERED, BookingStatus.NO_SHOW);

    /**
     * Every school week from the start of this school year to the end of the next round's horizon
     * (holiday weeks left out), with zeros for weeks without bookings: one grouped query.
     */
    public static List<WeeklyDelivery> forHub(DSLContext dsl, long hubId, LocalDate today) {
        SchoolCalendar calendar = new HubCalendarSettings(dsl).calendarOf(hubId);
        LocalDate first = calendar.firstTeachingDay(AcademicYear.containing(today));
        LocalDate last = RoundSolver.nextHorizon(calendar, today).end();
        List<LocalDate> mondays = Horizon.between(calendar, first, last).mondays();
        if (mondays.isEmpty()) {
            return List.of();
        }
        Field<LocalDate> week = field("date_trunc('week', {0})::date", SQLDataType.LOCALDATE, BOOKING.STARTS_ON);
        Field<Integer> attended = field(selectCount()
                .from(ENCOUNTER)
                .where(ENCOUNTER.BOOKING_ID.eq(BOOKING.ID))
                .and(ENCOUNTER.ATTENDED));
        var planned = BOOKING.STATUS.in(PLANNED).or(BOOKING.LATE_CANCELLATION);
        var delivered = BOOKING.STATUS.eq(BookingStatus.DELIVERED);
        Field<Integer> plannedSessions = count().filterWhere(planned);
        Field<Integer> deliveredSessions = count().filterWhere(delivered);
        // a sum over no matching bookings is null: whole() makes it 0
        Field<Integer> plannedPlaces = sum(BOOKING.PUPILS).filterWhere(planned).convertFrom(WeeklyDelivery::whole);
        Field<Integer> attendedPlaces = sum(attended).filterWhere(delivered).convertFrom(WeeklyDelivery::whole);
        Map<LocalDate, WeeklyDelivery> weeks = dsl.select(
                        week, plannedSessions, deliveredSessions, plannedPlaces, attendedPlaces)
                .from(BOOKING)
                .join(REQUEST)
                .on(REQUEST.ID.eq(BOOKING.REQUEST_ID))
                .join(SCHOOL)
                .on(SCHOOL.ID.eq(REQUEST.SCHOOL_ID))
                .where(SCHOOL.HUB_ID.eq(hubId))
                .and(BOOKING.STARTS_ON.between(mondays.getFirst(), last))
                .groupBy(week)
                .fetchMap(
                        week,
                        r -> new WeeklyDelivery(
                                r.get(week),
                                r.get(plannedSessions),
                                r.get(deliveredSessions),
                                r.get(plannedPlaces),
                                r.get(attendedPlaces),
                                false));
        return mondays.stream()
                .map(monday -> {
                    WeeklyDelivery w = weeks.getOrDefault(monday, new WeeklyDelivery(monday, 0, 0, 0, 0, false));
                    return new WeeklyDelivery(
                            monday,
                            w.plannedSessions,
                            w.deliveredSessions,
                            w.plannedPlaces,
                            w.attended,
                            monday.isAfter(today));
                })
                .toList();
    }

    private static int whole(BigDecimal sum) {
        return sum == null ? 0 : sum.intValue();
    }

    /** Attended out of planned places, in whole percent (0 with nothing planned). */
    public int percentDelivered() {
        return YearGroupProgress.percent(attended, plannedPlaces);
    }
}

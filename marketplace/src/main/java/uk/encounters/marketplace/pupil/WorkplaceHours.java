package uk.encounters.marketplace.pupil;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import uk.encounters.marketplace.booking.SchoolDay;

/**
 * The hours a booked workplace experience gives each pupil who attends, until the school corrects
 * them on the register: its days times the hours of its period. Migration V23 filled in the
 * bookings already attended by the same rule (WorkplaceHoursBackfillTest ties the two).
 */
public final class WorkplaceHours {

    private WorkplaceHours() {}

    /**
     * For a visit, shadowing or placement from {@code first} to {@code last} in {@code period}
     * ("morning", "afternoon", "all_day").
     */
    public static Hours forBooking(LocalDate first, LocalDate last, String period) {
        return perDay(period).times(days(first, last));
    }

    /**
     * A morning's school hours (9:00 to 12:00, three) or an afternoon's (13:15 to 15:15, two), as
     * {@link SchoolDay} has them; a whole day is both, lunch not counted: five, so the hub's 50
     * hours are two weeks.
     */
    public static Hours perDay(String period) {
        return switch (period) {
            case "morning", "afternoon" ->
                new Hours(Duration.between(SchoolDay.start(period), SchoolDay.end(period))
                                .toMinutes()
                        / 6);
            default -> perDay("morning").plus(perDay("afternoon"));
        };
    }

    /**
     * The days a pupil spends there: Monday to Friday from the first day to the last (a placement
     * runs over a working week); all of them when every one falls on a weekend.
     */
    public static int days(LocalDate first, LocalDate last) {
        int weekdays = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                weekdays++;
            }
        }
        return weekdays > 0 ? weekdays : calendarDays(first, last);
    }

    /** The most a school may record: 24 hours for each day from the first to the last (the database's bound). */
    public static Hours mostFor(LocalDate first, LocalDate last) {
        return Hours.of(24).times(calendarDays(first, last));
    }

    private static int calendarDays(LocalDate first, LocalDate last) {
        return (int) ChronoUnit.DAYS.between(first, last) + 1;
    }
}

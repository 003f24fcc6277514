package uk.encounters.marketplace.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The school weeks a round plans: {@code mondays} of weeks with at least one school day (holiday
 * weeks are skipped, not counted), and their school days as the hub's {@link SchoolCalendar} knows them.
 */
public record Horizon(LocalDate start, LocalDate end, List<LocalDate> mondays, NavigableSet<LocalDate> schoolDays) {

    public Horizon {
        mondays = List.copyOf(mondays);
        schoolDays = Collections.unmodifiableNavigableSet(new TreeSet<>(schoolDays));
    }

    /** {@code weeks} school weeks from the first Monday on or after {@code from}. */
    public static Horizon schoolWeeks(SchoolCalendar calendar, LocalDate from, int weeks) {
        if (weeks < 1) {
            throw new IllegalArgumentException("A horizon has at least one week");
        }
        List<LocalDate> mondays = new ArrayList<>();
        NavigableSet<LocalDate> days = new TreeSet<>();
        LocalDate monday = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        while (mondays.size() < weeks) {
            List<LocalDate> open = new ArrayList<>();
            for (int d = 0; d < 5; d++) {
                LocalDate day = monday.plusDays(d);
                if (calendar.isSchoolDay(day)) {
                    open.add(day);
                }
            }
            if (!open.isEmpty()) {
                mondays.add(monday);
                days.addAll(open);
            }
            monday = monday.plusWeeks(1);
        }
        return new Horizon(days.first(), days.last(), mondays, days);
    }

    /** The school days from {@code start} to {@code end}: a stored round's horizon, rebuilt. */
    public static Horizon between(SchoolCalendar calendar, LocalDate start, LocalDate end) {
        List<LocalDate> mondays = new ArrayList<>();
        NavigableSet<LocalDate> days = new TreeSet<>();
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            if (calendar.isSchoolDay(day)) {
                days.add(day);
                LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                if (mondays.isEmpty() || !mondays.getLast().equals(monday)) {
                    mondays.add(monday);
                }
            }
        }
        return new Horizon(start, end, mondays, days);
    }

    public int weeks() {
        return mondays.size();
    }

    public boolean overlaps(LocalDate windowStart, LocalDate windowEnd) {
        return !windowEnd.isBefore(start) && !windowStart.isAfter(end);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}

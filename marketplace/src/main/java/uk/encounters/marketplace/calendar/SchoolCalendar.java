package uk.encounters.marketplace.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * When a hub's schools teach: the term dates its coordinator checked (by academic year), England's
 * pattern ({@link TermDates#england}) for the years not checked, and the England and Wales bank
 * holidays. A school day is a weekday in term, outside half term, not an INSET day and not a bank
 * holiday. Rounds, request windows, the simulation and the demo all ask it.
 */
public final class SchoolCalendar {

    /** England's pattern and the shipped bank holidays: for wherever no hub is known. */
    public static final SchoolCalendar ENGLAND = new SchoolCalendar(Map.of(), BankHolidays.shipped());

    private final Map<Integer, TermDates> checked;
    private final BankHolidays bankHolidays;
    private final Map<Integer, TermDates> years = new ConcurrentHashMap<>();

    /** @param checked a hub's saved term dates, by the year each academic year starts in */
    public SchoolCalendar(Map<Integer, TermDates> checked, BankHolidays bankHolidays) {
        this.checked = Map.copyOf(checked);
        this.bankHolidays = bankHolidays;
    }

    public TermDates termDates(AcademicYear year) {
        return years.computeIfAbsent(year.startYear(), start -> checked.getOrDefault(start, TermDates.england(year)));
    }

    public BankHolidays bankHolidays() {
        return bankHolidays;
    }

    public boolean isSchoolDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY
                && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !bankHolidays.contains(day)
                && termDates(AcademicYear.containing(day)).teaches(day);
    }

    public LocalDate firstTeachingDay(AcademicYear year) {
        LocalDate day = termDates(year).firstDay();
        while (!isSchoolDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    public LocalDate lastTeachingDay(AcademicYear year) {
        LocalDate day = termDates(year).lastDay();
        while (!isSchoolDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    /** The first school day on or after {@code day}, looking into the next school year when needed. */
    public LocalDate schoolDayOnOrAfter(LocalDate day) {
        AcademicYear year = AcademicYear.containing(day);
        if (day.isAfter(lastTeachingDay(year))) {
            return firstTeachingDay(year.minus(-1));
        }
        while (!isSchoolDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The last school day on or before {@code day}, looking back into the last school year when needed. */
    public LocalDate schoolDayOnOrBefore(LocalDate day) {
        AcademicYear year = AcademicYear.containing(day);
        if (day.isBefore(firstTeachingDay(year))) {
            return lastTeachingDay(year.minus(1));
        }
        while (!isSchoolDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    /** A random school day in [from, to], or null when there is none. */
    public LocalDate randomSchoolDay(RandomGenerator random, LocalDate from, LocalDate to) {
        long span = ChronoUnit.DAYS.between(from, to);
        if (span < 0) {
            return null;
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            LocalDate day = from.plusDays(random.nextLong(span + 1));
            if (isSchoolDay(day)) {
                return day;
            }
        }
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (isSchoolDay(day)) {
                return day;
            }
        }
        return null;
    }

    /** A random school day of the whole year. */
    public LocalDate randomSchoolDay(RandomGenerator random, AcademicYear year) {
        return randomSchoolDay(random, firstTeachingDay(year), lastTeachingDay(year));
    }
}

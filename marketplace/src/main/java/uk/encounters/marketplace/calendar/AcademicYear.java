package uk.encounters.marketplace.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.random.RandomGenerator;

/**
 * An English school year, 1 September to 31 August, named by the calendar year it starts in
 * (2026 is 2026/27, as in school_budget.academic_year). Teaching runs September to July; the
 * holidays here are approximate fixed dates, since term dates differ between local authorities.
 */
public record AcademicYear(int startYear) {

    private static final MonthDay FIRST_TEACHING_DAY = MonthDay.of(9, 4);
    private static final MonthDay LAST_TEACHING_DAY = MonthDay.of(7, 21);

    public static AcademicYear containing(LocalDate date) {
        return new AcademicYear(date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1);
    }

    public AcademicYear minus(int years) {
        return new AcademicYear(startYear - years);
    }

    /** 1 September, when pupils move up a year group. */
    public LocalDate firstDay() {
        return LocalDate.of(startYear, 9, 1);
    }

    /** 31 August: anything up to here counts towards this year. */
    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, 8, 31);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    /** "2026/27" */
    public String label() {
        return startYear + "/" + String.format("%02d", (startYear + 1) % 100);
    }

    public LocalDate firstTeachingDay() {
        return nextSchoolDay(FIRST_TEACHING_DAY.atYear(startYear));
    }

    public LocalDate lastTeachingDay() {
        LocalDate day = LAST_TEACHING_DAY.atYear(startYear + 1);
        while (!isSchoolDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    /** A weekday in term time: not a weekend, half term, Christmas, Easter or summer. */
    public boolean isSchoolDay(LocalDate day) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        if (day.isBefore(FIRST_TEACHING_DAY.atYear(startYear))
                || day.isAfter(LAST_TEACHING_DAY.atYear(startYear + 1))) {
            return false;
        }
        MonthDay md = MonthDay.from(day);
        return !(between(md, 10, 26, 10, 30) // October half term
                || md.isAfter(MonthDay.of(12, 19)) // Christmas
                || md.isBefore(MonthDay.of(1, 5))
                || between(md, 2, 15, 2, 19) // February half term
                || between(md, 3, 30, 4, 10) // Easter
                || between(md, 5, 25, 5, 29)); // May half term
    }

    private static boolean between(MonthDay day, int fromMonth, int fromDay, int toMonth, int toDay) {
        return !day.isBefore(MonthDay.of(fromMonth, fromDay)) && !day.isAfter(MonthDay.of(toMonth, toDay));
    }

    /** The first school day on or after {@code day}, at the latest the last teaching day. */
    public LocalDate nextSchoolDay(LocalDate day) {
        LocalDate last = LAST_TEACHING_DAY.atYear(startYear + 1);
        while (!isSchoolDay(day) && !day.isAfter(last)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** The last school day on or before {@code day}. */
    public LocalDate previousSchoolDay(LocalDate day) {
        LocalDate first = FIRST_TEACHING_DAY.atYear(startYear);
        while (!isSchoolDay(day) && !day.isBefore(first)) {
            day = day.minusDays(1);
        }
        return day;
    }

    /** The first school day on or after {@code day}, looking into the next school year when needed. */
    public static LocalDate schoolDayOnOrAfter(LocalDate day) {
        AcademicYear year = containing(day);
        if (day.isAfter(year.lastTeachingDay())) {
            return new AcademicYear(year.startYear() + 1).firstTeachingDay();
        }
        return year.nextSchoolDay(day);
    }

    /** The last school day on or before {@code day}, looking back into the last school year when needed. */
    public static LocalDate schoolDayOnOrBefore(LocalDate day) {
        AcademicYear year = containing(day);
        if (day.isBefore(year.firstTeachingDay())) {
            return year.minus(1).lastTeachingDay();
        }
        return year.previousSchoolDay(day);
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
        LocalDate day = nextSchoolDay(from);
        return isSchoolDay(day) && !day.isAfter(to) ? day : null;
    }

    /** A random school day of the whole year. */
    public LocalDate randomSchoolDay(RandomGenerator random) {
        return randomSchoolDay(random, firstTeachingDay(), lastTeachingDay());
    }
}

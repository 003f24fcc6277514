package uk.encounters.marketplace.calendar;

import java.time.LocalDate;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * An English school year, 1 September to 31 August, named by the calendar year it starts in
 * (2026 is 2026/27, as in school_budget.academic_year). Which of its days are school days is a
 * {@link SchoolCalendar}'s question: the methods here answer it by England's pattern and the
 * shipped bank holidays ({@link SchoolCalendar#ENGLAND}), for code that knows no hub; where a hub
 * is known, ask its calendar.
 */
public record AcademicYear(int startYear) {

    public static AcademicYear containing(LocalDate date) {
        return new AcademicYear(date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1);
    }

    /**
     * The year a path or a form names by the calendar year it starts in ("2026" for 2026/27); none when the text is
     * not such a year, or names one after {@code latest} (figures of a year to come are none yet).
     */
    public static Optional<AcademicYear> named(String startYear, AcademicYear latest) {
        if (startYear == null || !startYear.matches("\\d{4}")) {
            return Optional.empty();
        }
        int year = Integer.parseInt(startYear);
        return year < 2000 || year > latest.startYear() ? Optional.empty() : Optional.of(new AcademicYear(year));
    }

    public AcademicYear minus(int years) {
        return new AcademicYear(startYear - years);
    }

    public AcademicYear next() {
        return new AcademicYear(startYear + 1);
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
        return SchoolCalendar.ENGLAND.firstTeachingDay(this);
    }

    public LocalDate lastTeachingDay() {
        return SchoolCalendar.ENGLAND.lastTeachingDay(this);
    }

    /** A day of this year in term time: not a weekend, half term, holiday, INSET day or bank holiday. */
    public boolean isSchoolDay(LocalDate day) {
        return contains(day) && SchoolCalendar.ENGLAND.isSchoolDay(day);
    }

    /** The first school day on or after {@code day}, looking into the next school year when needed. */
    public static LocalDate schoolDayOnOrAfter(LocalDate day) {
        return SchoolCalendar.ENGLAND.schoolDayOnOrAfter(day);
    }

    /** The last school day on or before {@code day}, looking back into the last school year when needed. */
    public static LocalDate schoolDayOnOrBefore(LocalDate day) {
        return SchoolCalendar.ENGLAND.schoolDayOnOrBefore(day);
    }

    /** A random school day in [from, to], or null when there is none. */
    public LocalDate randomSchoolDay(RandomGenerator random, LocalDate from, LocalDate to) {
        return SchoolCalendar.ENGLAND.randomSchoolDay(random, from, to);
    }

    /** A random school day of the whole year. */
    public LocalDate randomSchoolDay(RandomGenerator random) {
        return SchoolCalendar.ENGLAND.randomSchoolDay(random, this);
    }
}

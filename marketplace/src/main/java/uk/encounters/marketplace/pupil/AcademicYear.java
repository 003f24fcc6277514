package uk.encounters.marketplace.pupil;

import java.time.LocalDate;
import java.time.Month;

/**
 * An English school year, 1 September to 31 August, named by the calendar year it starts in
 * (2026 is 2026/27).
 */
public record AcademicYear(int startYear) {

    public static AcademicYear containing(LocalDate date) {
        return new AcademicYear(date.getMonthValue() >= Month.SEPTEMBER.getValue() ? date.getYear() : date.getYear() - 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, Month.SEPTEMBER, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, Month.AUGUST, 31);
    }

    public AcademicYear previous() {
        return new AcademicYear(startYear - 1);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    /** "2026/27" */
    public String label() {
        return startYear + "/" + String.format("%02d", (startYear + 1) % 100);
    }
}

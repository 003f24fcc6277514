package uk.encounters.marketplace.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AcademicYearTest {

    @Test
    void theSchoolYearRunsFromSeptemberToAugust() {
        assertThat(AcademicYear.containing(LocalDate.of(2026, 8, 31)).label()).isEqualTo("2025/26");
        assertThat(AcademicYear.containing(LocalDate.of(2026, 9, 1)).label()).isEqualTo("2026/27");
        assertThat(AcademicYear.containing(LocalDate.of(2027, 1, 15)).firstDay())
                .isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(new AcademicYear(2099).label()).isEqualTo("2099/00");
    }

    @Test
    void weekendsAndHolidaysAreNotSchoolDays() {
        AcademicYear year = new AcademicYear(2026);

        assertThat(year.isSchoolDay(LocalDate.of(2026, 11, 23))).isTrue();
        assertThat(year.isSchoolDay(LocalDate.of(2026, 11, 22))).as("a Sunday").isFalse();
        assertThat(year.isSchoolDay(LocalDate.of(2026, 12, 24))).as("Christmas").isFalse();
        assertThat(year.isSchoolDay(LocalDate.of(2027, 8, 2))).as("summer").isFalse();
        assertThat(year.contains(LocalDate.of(2027, 8, 2)))
                .as("but still this school year")
                .isTrue();
        assertThat(AcademicYear.schoolDayOnOrAfter(LocalDate.of(2026, 12, 24))).isEqualTo(LocalDate.of(2027, 1, 4));
    }
}

package uk.encounters.matcher.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DateStyleTest {

    @Test
    void aDayIsWrittenTueEightDecTwentyTwentySixWithThreeLetterMonthsAllYear() {
        assertThat(DateStyle.of(LocalDate.of(2026, 12, 8))).isEqualTo("Tue 8 Dec 2026");
        assertThat(DateStyle.of(LocalDate.of(2026, 9, 7)))
                .as("the JDK's UK data says Sept")
                .isEqualTo("Mon 7 Sep 2026");
        assertThat(DateStyle.of((LocalDate) null)).isEmpty();
    }

    @Test
    void aMomentIsWrittenInUkTimeSummerOrWinter() {
        assertThat(DateStyle.of(Instant.parse("2026-12-06T11:05:10.146489Z"))).isEqualTo("Sun 6 Dec 2026 at 11:05");
        assertThat(DateStyle.of(OffsetDateTime.of(2027, 6, 14, 8, 30, 0, 0, ZoneOffset.UTC)))
                .as("British Summer Time")
                .isEqualTo("Mon 14 Jun 2027 at 09:30");
    }

    @Test
    void aRangeNamesItsYearOnceWhenItStaysInOneYear() {
        assertThat(DateStyle.range(LocalDate.of(2027, 6, 14), LocalDate.of(2027, 6, 18)))
                .isEqualTo("Mon 14 Jun to Fri 18 Jun 2027");
        assertThat(DateStyle.range(LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 8)))
                .isEqualTo("Tue 8 Dec 2026");
        assertThat(DateStyle.range(LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 1)))
                .isEqualTo("Mon 28 Dec 2026 to Fri 1 Jan 2027");
    }
}

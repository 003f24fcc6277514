package uk.encounters.marketplace.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class ClockTimeTest {

    @Test
    void timesReadAsPeopleWriteThem() {
        assertThat(ClockTime.words(LocalTime.of(8, 45))).isEqualTo("8:45am");
        assertThat(ClockTime.words(LocalTime.of(9, 0))).isEqualTo("9am");
        assertThat(ClockTime.words(LocalTime.NOON)).isEqualTo("midday");
        assertThat(ClockTime.words(LocalTime.of(12, 30))).isEqualTo("12:30pm");
        assertThat(ClockTime.words(LocalTime.of(15, 5))).isEqualTo("3:05pm");
    }
}

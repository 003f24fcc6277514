package uk.encounters.marketplace.money;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PoundsTest {

    @Test
    void amountsAreReadAsPeopleWriteThem() {
        assertThat(Pounds.parse("45")).contains(4500L);
        assertThat(Pounds.parse("£45.50")).contains(4550L);
        assertThat(Pounds.parse(" £ 1,200 ")).contains(120000L);
        assertThat(Pounds.parse("1,20")).isEmpty();
        assertThat(Pounds.parse("45.5")).isEmpty();
        assertThat(Pounds.parse("-5")).isEmpty();
        assertThat(Pounds.parse("lots")).isEmpty();
    }

    @Test
    void amountsAreShownWithThePoundSignAndSeparators() {
        assertThat(Pounds.format(4500)).isEqualTo("£45");
        assertThat(Pounds.format(4550)).isEqualTo("£45.50");
        assertThat(Pounds.format(123456789)).isEqualTo("£1,234,567.89");
        assertThat(Pounds.plain(4505)).isEqualTo("45.05");
    }
}

package uk.encounters.marketplace.employer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SizeBandTest {

    @Test
    void readsBandsByNameAndStaffCountsAsTheOnsBandsThem() {
        assertThat(SizeBand.read("Micro")).contains("micro");
        assertThat(SizeBand.read(" large ")).contains("large");
        assertThat(SizeBand.read("0-9")).contains("micro");
        assertThat(SizeBand.read("10-49")).contains("small");
        assertThat(SizeBand.read("10 to 49")).contains("small");
        assertThat(SizeBand.read("50-249")).contains("medium");
        assertThat(SizeBand.read("250+")).contains("large");
        assertThat(SizeBand.read("1,000 or more")).contains("large");
        assertThat(SizeBand.read("35")).contains("small");
    }

    @Test
    void refusesWordsItDoesNotKnowAndRangesAcrossTwoBands() {
        assertThat(SizeBand.read("huge")).isEmpty();
        assertThat(SizeBand.read("")).isEmpty();
        assertThat(SizeBand.read("5-20")).isEmpty();
    }
}

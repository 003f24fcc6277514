package uk.encounters.matcher.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EncounterTypeTest {

    @Test
    void aTypeIsFoundByCodeOrLabelWhateverTheCaseSpacingOrPunctuation() {
        assertThat(EncounterType.named("mock_interviews")).contains(EncounterType.MOCK_INTERVIEWS);
        assertThat(EncounterType.named(" Mock interviews ")).contains(EncounterType.MOCK_INTERVIEWS);
        assertThat(EncounterType.named("WORK-EXPERIENCE")).contains(EncounterType.WORK_EXPERIENCE);
        assertThat(EncounterType.named("Work experience placement")).contains(EncounterType.WORK_EXPERIENCE);
        assertThat(EncounterType.named("juggling")).isEmpty();
    }
}

package uk.encounters.marketplace.pupil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EncounterTargetTest {

    @Test
    void aPupilShouldHaveOneEncounterPerSchoolYearFromYearSeven() {
        assertThat(EncounterTarget.byEndOfYear(7)).isEqualTo(1);
        assertThat(EncounterTarget.byEndOfYear(13)).isEqualTo(7);
        assertThat(EncounterTarget.byStartOfYear(7)).isZero();
        assertThat(EncounterTarget.byStartOfYear(11)).isEqualTo(4);
    }

    @Test
    void aYearSevenPupilInSeptemberIsOnTrackOnlyOnceTheyHaveTheirFirst() {
        assertThat(EncounterTarget.onTrack(7, 0, false)).isFalse();
        assertThat(EncounterTarget.onTrack(7, 0, true)).isTrue();
    }

    @Test
    void aPupilBehindFromEarlierYearsIsNotOnTrackEvenWithOneThisYear() {
        assertThat(EncounterTarget.onTrack(10, 2, true)).isFalse();
        assertThat(EncounterTarget.onTrack(10, 3, true)).isTrue();
        assertThat(EncounterTarget.onTrack(10, 5, false)).isFalse();
    }

    @Test
    void refusesYearGroupsOutsideSecondary() {
        assertThatThrownBy(() -> EncounterTarget.byEndOfYear(6)).hasMessageContaining("7 to 13");
        assertThatThrownBy(() -> EncounterTarget.byEndOfYear(14)).hasMessageContaining("7 to 13");
    }
}

package uk.encounters.marketplace.pupil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EncounterTargetTest {

    @Test
    void aPupilShouldHaveOneEncounterPerSchoolYearFromYearSeven() {
        assertThat(EncounterTarget.SEVEN.byEndOfYear(7)).isEqualTo(1);
        assertThat(EncounterTarget.SEVEN.byEndOfYear(13)).isEqualTo(7);
        assertThat(EncounterTarget.SEVEN.byStartOfYear(7)).isZero();
        assertThat(EncounterTarget.SEVEN.byStartOfYear(11)).isEqualTo(4);
    }

    @Test
    void aYearSevenPupilInSeptemberIsOnTrackOnlyOnceTheyHaveTheirFirst() {
        assertThat(EncounterTarget.SEVEN.onTrack(7, 0, false)).isFalse();
        assertThat(EncounterTarget.SEVEN.onTrack(7, 0, true)).isTrue();
    }

    @Test
    void aPupilBehindFromEarlierYearsIsNotOnTrackEvenWithOneThisYear() {
        assertThat(EncounterTarget.SEVEN.onTrack(10, 2, true)).isFalse();
        assertThat(EncounterTarget.SEVEN.onTrack(10, 3, true)).isTrue();
        assertThat(EncounterTarget.SEVEN.onTrack(10, 5, false)).isFalse();
    }

    @Test
    void refusesYearGroupsOutsideSecondary() {
        assertThatThrownBy(() -> EncounterTarget.SEVEN.byEndOfYear(6)).hasMessageContaining("7 to 13");
        assertThatThrownBy(() -> EncounterTarget.SEVEN.byEndOfYear(14)).hasMessageContaining("7 to 13");
    }

    @Test
    void aHubTargetOfFourIsSpreadOverTheSevenYears() {
        assertThat(java.util.stream.IntStream.rangeClosed(7, 13).map(EncounterTarget.FOUR::byEndOfYear))
                .containsExactly(1, 1, 2, 2, 3, 3, 4);
        assertThat(java.util.stream.IntStream.rangeClosed(7, 13).map(EncounterTarget.SEVEN::byEndOfYear))
                .containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(EncounterTarget.FOUR.byStartOfYear(10)).isEqualTo(2);
    }

    @Test
    void withATargetOfFourAPupilBehindSevensPaceIsOnTrackButStillNeedsOneThisYear() {
        // Year 10 with two before: behind seven's three, on track for four's two
        assertThat(EncounterTarget.SEVEN.onTrack(10, 2, true)).isFalse();
        assertThat(EncounterTarget.FOUR.onTrack(10, 2, true)).isTrue();
        assertThat(EncounterTarget.FOUR.onTrack(10, 2, false))
                .as("Benchmark 5 stays")
                .isFalse();
    }

    @Test
    void aHubTargetIsFourOrSeven() {
        assertThatThrownBy(() -> new EncounterTarget(5)).hasMessageContaining("four or seven");
    }
}

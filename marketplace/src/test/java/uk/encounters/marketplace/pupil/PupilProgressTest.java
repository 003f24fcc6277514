package uk.encounters.marketplace.pupil;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import uk.encounters.matcher.domain.EncounterType;

/** The rules every school figure comes from, at their edges. */
class PupilProgressTest {

    static final PupilValueWeights WEIGHTS = PupilValueWeights.DEFAULTS;

    static PupilProgress pupil(
            int year, int before, int thisYear, boolean booked, int workplace, boolean disadvantaged) {
        return new PupilProgress(
                year * 100L + before,
                year,
                before,
                thisYear,
                booked,
                workplace,
                Hours.ZERO,
                disadvantaged,
                false,
                false,
                EncounterTarget.SEVEN,
                WorkplaceHoursTarget.DEFAULT);
    }

    @Test
    void aYear7PupilInSeptemberIsBehindUntilTheirFirstEncounterIsBooked() {
        PupilProgress september = pupil(7, 0, 0, false, 0, false);

        assertThat(september.targetByEndOfYear()).isEqualTo(1);
        assertThat(september.onTrack()).isFalse();
        assertThat(september.hadEncounterThisYear()).isFalse();
        assertThat(september.encountersBehind()).isEqualTo(1);

        PupilProgress booked = pupil(7, 0, 0, true, 0, false);
        assertThat(booked.onTrack()).isTrue();
        assertThat(booked.encountersBehind()).isZero();
        assertThat(booked.hadEncounterThisYear())
                .as("a booking is not yet an encounter")
                .isFalse();
    }

    @Test
    void onTrackNeedsEarlierYearsMetAndOneThisYear() {
        assertThat(pupil(13, 6, 1, false, 2, false).onTrack()).isTrue();
        assertThat(pupil(13, 5, 2, false, 2, false).onTrack())
                .as("two this year do not make up a missed year")
                .isFalse();
        assertThat(pupil(10, 3, 0, false, 0, false).onTrack()).isFalse();
        assertThat(pupil(10, 3, 0, false, 0, false).encountersBehind()).isEqualTo(1);
        assertThat(pupil(10, 1, 0, false, 0, false).encountersBehind()).isEqualTo(3);
    }

    @Test
    void benchmark6AsksForOneWorkplaceExperienceByYear11AndASecondByYear13() {
        assertThat(pupil(9, 2, 1, false, 0, false).benchmark6Met()).isTrue();
        assertThat(pupil(10, 3, 1, false, 0, false).benchmark6Met()).isTrue();
        assertThat(pupil(10, 3, 1, false, 0, false).needsWorkplaceExperience())
                .as("Year 10 should start")
                .isTrue();
        assertThat(pupil(11, 4, 1, false, 0, false).benchmark6Met()).isFalse();
        assertThat(pupil(11, 4, 1, false, 1, false).benchmark6Met()).isTrue();
        assertThat(pupil(12, 5, 1, false, 1, false).benchmark6Met()).isTrue();
        assertThat(pupil(13, 6, 1, false, 1, false).benchmark6Met()).isFalse();
        assertThat(pupil(13, 6, 1, false, 2, false).needsWorkplaceExperience()).isFalse();
    }

    // The pupil-value rule's worked examples, with the default weights: first this year 3, catch-up 1
    // halving with each further one, 0.5 beyond the target; disadvantaged +50%, SEND +25%;
    // a workplace experience where Benchmark 6 is due +1.

    @Test
    void aYear7PupilInSeptemberIsWorthTheFirstEncounterOfTheYearThenOnlyTheValueBeyondTarget() {
        PupilProgress september = pupil(7, 0, 0, false, 0, false);

        assertThat(september.valueOfNext(WEIGHTS, null)).isEqualTo(3.0);
        assertThat(september.valueOfEncounter(WEIGHTS, 1))
                .as("a second in the same round: target met")
                .isEqualTo(0.5);
        assertThat(pupil(7, 0, 0, true, 0, false).valueOfNext(WEIGHTS, null))
                .as("once booked, the first is coming")
                .isEqualTo(0.5);
    }

    @Test
    void aYear11PupilThreeBehindGetsTheFirstOfTheYearThenCatchesUpAtFallingValue() {
        PupilProgress threeBehind = pupil(11, 2, 0, false, 1, false);
        assertThat(threeBehind.encountersBehind()).isEqualTo(3);

        assertThat(List.of(0, 1, 2, 3))
                .extracting(ahead -> threeBehind.valueOfEncounter(WEIGHTS, ahead))
                .containsExactly(3.0, 1.0, 0.5, 0.5);
        PupilProgress oneThisYear = pupil(11, 1, 1, false, 1, false);
        assertThat(oneThisYear.encountersBehind()).isEqualTo(3);
        assertThat(oneThisYear.valueOfNext(WEIGHTS, null))
                .as("three behind but with one this year: a catch-up, worth a third of a first")
                .isEqualTo(1.0);
    }

    @Test
    void aYear9PupilAheadOfTargetWithNoneThisYearIsStillWorthAFirstEncounter() {
        PupilProgress ahead = pupil(9, 4, 0, false, 0, false);
        assertThat(ahead.encountersBehind()).isZero();

        assertThat(ahead.valueOfNext(WEIGHTS, null))
                .as("Benchmark 5: every pupil, every year")
                .isEqualTo(3.0);
        assertThat(pupil(9, 4, 1, false, 0, false).valueOfNext(WEIGHTS, null)).isEqualTo(0.5);
    }

    @Test
    void aDisadvantagedPupilWithSendIsRaisedByBothAndByAWorkplaceExperienceWhereBenchmark6IsDue() {
        PupilProgress pupil = new PupilProgress(
                1,
                11,
                4,
                0,
                false,
                0,
                Hours.ZERO,
                true,
                true,
                false,
                EncounterTarget.SEVEN,
                WorkplaceHoursTarget.DEFAULT);

        assertThat(pupil.share(WEIGHTS)).isEqualTo(1.75);
        assertThat(pupil.valueOfNext(WEIGHTS, null)).isEqualTo(3 * 1.75);
        assertThat(pupil.valueOfNext(WEIGHTS, EncounterType.CAREERS_TALK)).isEqualTo(3 * 1.75);
        assertThat(pupil.valueOfNext(WEIGHTS, EncounterType.WORKPLACE_VISIT)).isEqualTo((3 + 1) * 1.75);
        assertThat(new PupilProgress(
                                2,
                                9,
                                2,
                                0,
                                false,
                                0,
                                Hours.ZERO,
                                true,
                                true,
                                false,
                                EncounterTarget.SEVEN,
                                WorkplaceHoursTarget.DEFAULT)
                        .valueOfNext(WEIGHTS, EncounterType.WORKPLACE_VISIT))
                .as("Year 9: Benchmark 6 not due")
                .isEqualTo(3 * 1.75);
    }

    @Test
    void pupilsWithoutAnEncounterThisYearComeFirstThenTheFurthestBehindThenDisadvantagedPupils() {
        PupilProgress aheadWithNone = pupil(11, 5, 0, false, 1, false);
        PupilProgress farBehindWithOne = pupil(11, 0, 1, false, 1, false);
        PupilProgress disadvantagedWithNone = pupil(11, 3, 0, false, 1, true);
        PupilProgress behindWithNone = pupil(11, 1, 0, false, 1, false);
        PupilProgress atTarget = pupil(11, 4, 1, false, 1, true);

        List<PupilProgress> order = Stream.of(
                        atTarget, farBehindWithOne, aheadWithNone, behindWithNone, disadvantagedWithNone)
                .sorted(PupilProgress.mostToGainFirst(WEIGHTS, EncounterType.CAREERS_TALK))
                .toList();

        assertThat(order)
                .containsExactly(disadvantagedWithNone, behindWithNone, aheadWithNone, farBehindWithOne, atTarget);
    }

    @Test
    void aWeightOfZeroSwitchesItsReasonOff() {
        PupilProgress disadvantaged = pupil(10, 3, 0, false, 0, true);
        PupilProgress other = pupil(10, 3, 0, false, 0, false);
        PupilValueWeights noDisadvantage = new PupilValueWeights(3, 1, 0.5, 0.5, 0, 0.25, 0, 1);
        PupilValueWeights nothingBeyond = new PupilValueWeights(3, 1, 0.5, 0, 0.5, 0.25, 0, 1);

        assertThat(disadvantaged.valueOfNext(noDisadvantage, null)).isEqualTo(other.valueOfNext(noDisadvantage, null));
        assertThat(pupil(9, 4, 1, false, 0, false).valueOfNext(nothingBeyond, null))
                .isZero();
        assertThat(new PupilProgress(
                                3,
                                10,
                                3,
                                0,
                                false,
                                0,
                                Hours.ZERO,
                                false,
                                false,
                                true,
                                EncounterTarget.SEVEN,
                                WorkplaceHoursTarget.DEFAULT)
                        .valueOfNext(WEIGHTS, null))
                .as("EAL is off by default")
                .isEqualTo(3.0);
    }

    @Test
    void aPupilsNextValuesNeverRiseWhateverTheWeights() {
        // a hub that values catching up above the first of the year, and beyond-target above catching up
        PupilValueWeights odd = new PupilValueWeights(1, 4, 1, 6, 0, 0, 0, 0);
        PupilProgress pupil = pupil(12, 1, 0, false, 1, false);

        double previous = Double.MAX_VALUE;
        for (int ahead = 0; ahead < 6; ahead++) {
            double value = pupil.valueOfEncounter(odd, ahead);
            assertThat(value).isLessThanOrEqualTo(previous);
            previous = value;
        }
        assertThat(pupil.valueOfEncounter(odd, 5)).isEqualTo(1.0);
    }

    @Test
    void aYear13LeaverLeavesTheRollOnTheFirstOfSeptember() {
        LocalDate leaving = LocalDate.of(2027, 9, 1);

        assertThat(OnRoll.on(LocalDate.of(2027, 8, 31), null, leaving)).isTrue();
        assertThat(OnRoll.on(leaving, null, leaving)).isFalse();
    }

    @Test
    void aPupilWhoJoinedMidYearCountsFromTheDayTheyJoinedWithTheHistoryTheyBrought() {
        LocalDate joined = LocalDate.of(2027, 1, 11);
        assertThat(OnRoll.on(LocalDate.of(2027, 1, 10), joined, null)).isFalse();
        assertThat(OnRoll.on(joined, joined, null)).isTrue();

        // two encounters at the previous school, transferred with the pupil's log, still count
        PupilProgress arrived = pupil(9, 2, 0, false, 0, true);
        assertThat(arrived.encountersSoFar()).isEqualTo(2);
        assertThat(arrived.encountersBehind()).isEqualTo(1);
    }

    @Test
    void aPupilWhoMovedSchoolStopsCountingForTheOldSchoolOnTheDayTheyLeft() {
        LocalDate left = LocalDate.of(2027, 2, 1);

        assertThat(OnRoll.on(LocalDate.of(2027, 1, 31), LocalDate.of(2023, 9, 1), left))
                .isTrue();
        assertThat(OnRoll.on(left, LocalDate.of(2023, 9, 1), left)).isFalse();
    }
}

package uk.encounters.marketplace.pupil;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rules every school figure comes from, at their edges. */
class PupilProgressTest {

    static final PriorityWeights WEIGHTS = PriorityWeights.DEFAULTS;

    static PupilProgress pupil(int year, int before, int thisYear, boolean booked, int workplace, boolean disadvantaged) {
        return new PupilProgress(year * 100L + before, year, before, thisYear, booked, workplace, disadvantaged, false);
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
        assertThat(booked.hadEncounterThisYear()).as("a booking is not yet an encounter").isFalse();
    }

    @Test
    void onTrackNeedsEarlierYearsMetAndOneThisYear() {
        assertThat(pupil(13, 6, 1, false, 2, false).onTrack()).isTrue();
        assertThat(pupil(13, 5, 2, false, 2, false).onTrack()).as("two this year do not make up a missed year").isFalse();
        assertThat(pupil(10, 3, 0, false, 0, false).onTrack()).isFalse();
        assertThat(pupil(10, 3, 0, false, 0, false).encountersBehind()).isEqualTo(1);
        assertThat(pupil(10, 1, 0, false, 0, false).encountersBehind()).isEqualTo(3);
    }

    @Test
    void benchmark6AsksForOneWorkplaceExperienceByYear11AndASecondByYear13() {
        assertThat(pupil(9, 2, 1, false, 0, false).benchmark6Met()).isTrue();
        assertThat(pupil(10, 3, 1, false, 0, false).benchmark6Met()).isTrue();
        assertThat(pupil(10, 3, 1, false, 0, false).needsWorkplaceExperience()).as("Year 10 should start").isTrue();
        assertThat(pupil(11, 4, 1, false, 0, false).benchmark6Met()).isFalse();
        assertThat(pupil(11, 4, 1, false, 1, false).benchmark6Met()).isTrue();
        assertThat(pupil(12, 5, 1, false, 1, false).benchmark6Met()).isTrue();
        assertThat(pupil(13, 6, 1, false, 1, false).benchmark6Met()).isFalse();
        assertThat(pupil(13, 6, 1, false, 2, false).needsWorkplaceExperience()).isFalse();
    }

    @Test
    void theNeediestComeFirstDisadvantagedBeforeOthersAtTheSameGap() {
        PupilProgress farBehind = pupil(11, 1, 0, false, 0, false);
        PupilProgress disadvantaged = pupil(11, 3, 0, false, 0, true);
        PupilProgress sameGap = pupil(11, 3, 0, false, 0, false);
        PupilProgress atTarget = pupil(11, 4, 1, false, 0, true);

        List<PupilProgress> order = Stream.of(atTarget, sameGap, farBehind, disadvantaged)
                .sorted(PupilProgress.neediestFirst(WEIGHTS)).toList();

        assertThat(order).containsExactly(farBehind, disadvantaged, sameGap, atTarget);
        assertThat(atTarget.priority(WEIGHTS, true)).isZero();
        assertThat(sameGap.priority(WEIGHTS, true)).isGreaterThan(sameGap.priority(WEIGHTS, false));
        assertThat(disadvantaged.priority(new PriorityWeights(1, 0, 0, 0), false))
                .as("a weight of zero switches the reason off").isEqualTo(sameGap.priority(WEIGHTS, false));
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

        assertThat(OnRoll.on(LocalDate.of(2027, 1, 31), LocalDate.of(2023, 9, 1), left)).isTrue();
        assertThat(OnRoll.on(left, LocalDate.of(2023, 9, 1), left)).isFalse();
    }
}

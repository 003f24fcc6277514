package uk.encounters.marketplace.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.encounters.marketplace.pupil.EncounterTarget;
import uk.encounters.marketplace.pupil.Hours;
import uk.encounters.marketplace.pupil.PupilProgress;
import uk.encounters.marketplace.pupil.PupilValueWeights;
import uk.encounters.marketplace.pupil.WorkplaceHoursTarget;

class YearGroupNeedsTest {

    private static PupilProgress year10(long id, int workplaceExperiences, int hours) {
        return new PupilProgress(
                id,
                10,
                3,
                1,
                false,
                workplaceExperiences,
                Hours.of(hours),
                false,
                false,
                false,
                EncounterTarget.SEVEN,
                WorkplaceHoursTarget.DEFAULT);
    }

    @Test
    void aYearGroupCountsItsPupilsShortOfTheHubsTargetOfHours() {
        YearGroupNeeds needs = YearGroupNeeds.of(
                        List.of(year10(1, 0, 0), year10(2, 1, 25), year10(3, 2, 50), year10(4, 3, 60)),
                        PupilValueWeights.DEFAULTS)
                .get(10);

        assertThat(needs.shortOfHoursTarget()).isEqualTo(2);
        assertThat(needs.needingWorkplaceExperience()).isEqualTo(1);
    }

    @Test
    void aYearGroupTakenAtItsWordIsShortOfTheTargetFromYear10() {
        assertThat(YearGroupNeeds.takenAtItsWord(10, 30, PupilValueWeights.DEFAULTS)
                        .shortOfHoursTarget())
                .isEqualTo(30);
        assertThat(YearGroupNeeds.takenAtItsWord(9, 30, PupilValueWeights.DEFAULTS)
                        .shortOfHoursTarget())
                .isZero();
    }
}

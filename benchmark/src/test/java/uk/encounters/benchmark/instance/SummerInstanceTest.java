package uk.encounters.benchmark.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.encounters.demo.SharedData;
import uk.encounters.matcher.baseline.FirstComeFirstServed;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.OfferSlot;
import uk.encounters.matcher.domain.Session;
import uk.encounters.matcher.solver.ScoreKeeper;

/** The derby-summer instance: a June placement fortnight of Years 10 and 12, placements alone. */
class SummerInstanceTest {

    private static BenchmarkInstance summer;

    @BeforeAll
    static void build() {
        summer = InstanceKind.DERBY_SUMMER.build(1, SharedData.locate());
    }

    @Test
    void itPlansTheFortnightFromMonday14June2027() {
        assertThat(InstanceKind.DERBY_SUMMER.horizon().start()).isEqualTo(LocalDate.of(2027, 6, 14));
        assertThat(InstanceKind.DERBY_SUMMER.horizon().end()).isEqualTo(LocalDate.of(2027, 6, 25));
    }

    @Test
    void yearsTenAndTwelveAskForPlacementsAndHostsOfferPlacementWeeksWithPlaces() {
        MatchingProblem problem = summer.problem();

        assertThat(problem.sessions()).isNotEmpty();
        assertThat(problem.sessions()).extracting(s -> s.request().type()).containsOnly(EncounterType.WORK_EXPERIENCE);
        assertThat(problem.sessions()).extracting(s -> s.cohort().yearGroup()).containsOnly(10, 12);
        assertThat(problem.slots()).isNotEmpty().allSatisfy(slot -> {
            assertThat(slot.offer().placements()).isTrue();
            assertThat(slot.offer().places()).isPositive();
            assertThat(slot.endsOn()).isEqualTo(slot.startsOn().plusDays(4));
        });
        assertThat(problem.candidatePairs()).isPositive();
    }

    @Test
    void schoolsAskForMorePlacesThanTheHostsCouldGive() {
        assertThat(summer.figures().sessions())
                .isGreaterThan((int) summer.figures().supplySessions());
    }

    @Test
    void someHostsPaperworkHoldsThroughTheWeekAndSomeNot() {
        assertThat(summer.problem().slots()).anyMatch(OfferSlot::hostPaperworkHolds);
        assertThat(summer.problem().slots()).anyMatch(slot -> !slot.hostPaperworkHolds());
    }

    @Test
    void firstComeFirstServedPlacesPupilsWithoutBreakingAHardRule() {
        MatchingProblem plan = FirstComeFirstServed.plan(summer.reset());

        assertThat(ScoreKeeper.score(plan).hardScore()).isZero();
        assertThat(plan.sessions()).anyMatch(Session::matched);
    }
}

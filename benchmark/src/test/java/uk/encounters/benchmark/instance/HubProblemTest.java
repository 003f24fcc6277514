package uk.encounters.benchmark.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.encounters.demo.DemoData;
import uk.encounters.demo.DemoHub;
import uk.encounters.demo.SharedData;
import uk.encounters.marketplace.calendar.Horizon;
import uk.encounters.marketplace.pupil.PupilProgress;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.OfferSlot;
import uk.encounters.matcher.domain.PupilBand;
import uk.encounters.matcher.domain.Session;
import uk.encounters.matcher.solver.ScoreKeeper;

/** The derby-week instance, from the public data when it is beside the project, else the Derby-like hub. */
class HubProblemTest {

    private static BenchmarkInstance derbyWeek;

    @BeforeAll
    static void build() {
        derbyWeek = InstanceKind.DERBY_WEEK.build(1, SharedData.locate());
    }

    @Test
    void derbyWeekHasSessionsSlotsAndCandidatePairs() {
        MatchingProblem problem = derbyWeek.problem();

        assertThat(problem.sessions()).isNotEmpty();
        assertThat(problem.slots()).isNotEmpty();
        assertThat(problem.candidatePairs()).isPositive();
        assertThat(derbyWeek.figures().sessions()).isEqualTo(problem.sessions().size());
        assertThat(derbyWeek.figures().candidatePairs()).isEqualTo(problem.candidatePairs());
    }

    @Test
    void everyCandidateSuitsItsSessionsTypeYearGroupAndWindow() {
        for (Session session : derbyWeek.problem().sessions()) {
            for (OfferSlot slot : session.candidates()) {
                assertThat(slot.offer().type()).isEqualTo(session.request().type());
                assertThat(session.cohort().yearGroup())
                        .isBetween(slot.offer().yearGroupMin(), slot.offer().yearGroupMax());
                assertThat(slot.startsOn())
                        .isBetween(
                                session.request().windowStart(),
                                session.request().windowEnd());
            }
        }
    }

    @Test
    void theSlotsAreOnTheHorizonsSchoolDays() {
        Horizon horizon = InstanceKind.DERBY_WEEK.horizon();

        assertThat(horizon.schoolDays()).hasSize(5);
        assertThat(derbyWeek.problem().slots())
                .filteredOn(slot -> !slot.offer().placements())
                .allSatisfy(slot -> assertThat(horizon.schoolDays()).contains(slot.startsOn()));
    }

    @Test
    void schoolsAskForMoreSessionsThanTheOffersCouldGive() {
        InstanceFigures figures = derbyWeek.figures();

        assertThat(figures.supplySessions()).isPositive();
        assertThat(figures.sessions()).isGreaterThan((int) figures.supplySessions());
    }

    @Test
    void theRoundStartsFeasibleWithItsLiveBookingsPinned() {
        MatchingProblem start = derbyWeek.reset();

        assertThat(start.sessions())
                .filteredOn(Session::pinned)
                .allSatisfy(s -> assertThat(s.matched()).isTrue());
        assertThat(ScoreKeeper.score(start).hardScore()).isZero();
    }

    @Test
    void firstComeFirstServedHasAPostingOrderWithoutTies() {
        List<Long> orders = derbyWeek.problem().requests().stream()
                .map(r -> r.postedOrder())
                .toList();

        assertThat(orders).doesNotHaveDuplicates();
    }

    @Test
    void eachCohortsBandsHoldEachOfItsPupilsNextEncountersOnce() {
        DemoHub hub = DemoData.generate("derby", 1, InstanceKind.TODAY, SharedData.locate())
                .get(0);
        HubBookings bookings = new HubBookings(hub, employer -> employer);
        for (int school = 0; school < hub.schools().size(); school++) {
            Map<Integer, CohortNeeds.Facts> cohorts =
                    CohortNeeds.of(hub, school, bookings, 0.3, new SplittableRandom(school));
            for (CohortNeeds.Facts cohort : cohorts.values()) {
                int inBands = cohort.needs().bands().stream()
                        .mapToInt(PupilBand::places)
                        .sum();
                assertThat(inBands / PupilProgress.ENCOUNTERS_VALUED_PER_ROUND)
                        .isEqualTo(cohort.needs().pupils())
                        .isEqualTo(hub.schools()
                                .get(school)
                                .pupilsIn(cohort.needs().yearGroup()));
                assertThat(cohort.needs().bands()).extracting(PupilBand::value).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void rebuildingWithTheSameSeedGivesTheSameInstance() {
        BenchmarkInstance again = InstanceKind.DERBY_WEEK.build(1, SharedData.locate());

        assertThat(again.figures()).isEqualTo(derbyWeek.figures());
    }
}

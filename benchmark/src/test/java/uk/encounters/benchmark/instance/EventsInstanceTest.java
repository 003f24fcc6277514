package uk.encounters.benchmark.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.encounters.demo.SharedData;
import uk.encounters.matcher.Matcher;
import uk.encounters.matcher.domain.Arrangement;
import uk.encounters.matcher.domain.DeliveryMode;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.Request;
import uk.encounters.matcher.domain.Session;
import uk.encounters.matcher.solver.SolverSettings;

/** The derby-events instance: a Derby week with a school's fair, a hub's sector day and shared online sessions. */
class EventsInstanceTest {

    private static BenchmarkInstance events;

    @BeforeAll
    static void build() {
        events = InstanceKind.DERBY_EVENTS.build(1, SharedData.locate());
    }

    private static List<Request> eventRequests(MatchingProblem problem) {
        return problem.requests().stream()
                .filter(r -> r.arrangement() == Arrangement.EVENT)
                .toList();
    }

    @Test
    void aSchoolsYear9FairOfEightStallsAndASectorDayForThreeSchoolsEachWithStallsToAsk() {
        List<Request> requests = eventRequests(events.problem());

        assertThat(requests).hasSize(2);
        Request fair = requests.getFirst();
        assertThat(fair.sessions()).isEqualTo(EventsOnTop.FAIR_STALLS);
        assertThat(fair.audience())
                .singleElement()
                .satisfies(a -> assertThat(a.cohort().yearGroup()).isEqualTo(9));
        Request sectorDay = requests.get(1);
        assertThat(sectorDay.sessions()).isEqualTo(EventsOnTop.SECTOR_DAY_STALLS);
        assertThat(sectorDay.audience())
                .hasSize(3)
                .extracting(a -> a.cohort().school())
                .doesNotHaveDuplicates();
        assertThat(sectorDay.windowStart()).isNotEqualTo(fair.windowStart());
        assertThat(events.problem().sessions())
                .filteredOn(s -> s.request().event())
                .allSatisfy(s -> assertThat(s.candidates()).as(s.id()).isNotEmpty());
    }

    @Test
    void coldSpotSchoolsAskForOnlineSessionsThatSeveralSchoolsCanShare() {
        MatchingProblem problem = events.problem();

        List<Session> online = problem.sessions().stream()
                .filter(s -> s.request().modes().equals(java.util.Set.of(DeliveryMode.ONLINE)))
                .filter(s -> s.school().coldSpot())
                .toList();
        assertThat(online).hasSizeGreaterThanOrEqualTo(2);
        assertThat(online)
                .allSatisfy(s ->
                        assertThat(s.candidates()).anyMatch(slot -> slot.offer().sharedOnline()));
    }

    @Test
    void theSolverFillsTheEventsStallsAndPutsSchoolsOnOneOnlineSessionWithoutBreakingAHardRule() {
        MatchingProblem plan =
                new Matcher(SolverSettings.forSeconds(5)).solve(events.reset()).plan();

        assertThat(plan.score().hardScore()).isZero();
        long stallsFilled = plan.sessions().stream()
                .filter(s -> s.request().event() && s.matched())
                .count();
        assertThat(stallsFilled).as("most stalls of the two events").isGreaterThanOrEqualTo(10);
        assertThat(plan.sessions())
                .as("an online session taken by more than one school")
                .filteredOn(Session::sharesOnline)
                .extracting(Session::slot)
                .hasSizeGreaterThan((int) plan.sessions().stream()
                        .filter(Session::sharesOnline)
                        .map(Session::slot)
                        .distinct()
                        .count());
    }
}

package uk.encounters.matcher.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.matcher.SmallHub.ALVASTON;
import static uk.encounters.matcher.SmallHub.MONDAY;
import static uk.encounters.matcher.SmallHub.cohort;
import static uk.encounters.matcher.SmallHub.school;
import static uk.encounters.matcher.SmallHub.stall;

import org.junit.jupiter.api.Test;
import uk.encounters.matcher.SmallHub;
import uk.encounters.matcher.domain.Attendance;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.Offer;
import uk.encounters.matcher.domain.ProblemBuilder;
import uk.encounters.matcher.domain.Request;
import uk.encounters.matcher.solver.MatchingWeights;

/** What a coordinator reads for an event's stalls no offer can take: what to recruit, in an event's words. */
class SupplyGapTest {

    final Cohort year9 = cohort(school(1, "Alvaston Academy", ALVASTON), 9, 180, 40);
    final Cohort year10 = cohort(school(1, "Alvaston Academy", ALVASTON), 10, 160, 30);

    @Test
    void aFairWhoseOnlyStallsOnTheDayArePaidSaysItsStallsAreNotPaidFor() {
        assertThat(gapOf(stall(1, "Paid Provider", MONDAY, 120, 250_00)))
                .isEqualTo(
                        "Only paid providers offer a careers fair stall then, and an event's stalls are not paid for");
    }

    @Test
    void aFairWithNoStallOnItsDayNamesTheDayAndEveryYearGroupGoing() {
        assertThat(gapOf(
                        stall(1, "Tuesday Stall", MONDAY.plusDays(1), 120, 0),
                        new Attendance(year9, 180),
                        new Attendance(year10, 160)))
                .isEqualTo("No careers fair stall for Years 9 and 10 available on the event's day, Mon 11 Jan 2027");
    }

    @Test
    void aFairWhoseStallsTakeFewerPupilsThanEachStallsShareSaysTheShare() {
        assertThat(gapOf(stall(1, "Small Stall", MONDAY, 20, 0)))
                .isEqualTo("No careers fair stall then takes 45 pupils, each stall's share of the event");
    }

    private String gapOf(Offer offer) {
        return gapOf(offer, new Attendance(year9, 180));
    }

    private String gapOf(Offer offer, Attendance... audience) {
        Request fair = SmallHub.event(1, EncounterType.CAREERS_FAIR, 4, audience);
        MatchingProblem problem = new ProblemBuilder(
                        MONDAY,
                        MONDAY.plusDays(4),
                        ProblemBuilder.weekdays(MONDAY, MONDAY.plusDays(4)),
                        MatchingWeights.defaultWeights())
                .offer(offer)
                .request(fair)
                .build();
        assertThat(problem.sessions())
                .allSatisfy(stall -> assertThat(stall.candidates()).isEmpty());
        return SupplyGap.of(fair, problem);
    }
}

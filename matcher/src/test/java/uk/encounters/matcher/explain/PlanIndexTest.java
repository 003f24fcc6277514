package uk.encounters.matcher.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.matcher.SmallHub.ALVASTON;
import static uk.encounters.matcher.SmallHub.MONDAY;
import static uk.encounters.matcher.SmallHub.cohort;
import static uk.encounters.matcher.SmallHub.employer;
import static uk.encounters.matcher.SmallHub.offer;
import static uk.encounters.matcher.SmallHub.request;
import static uk.encounters.matcher.SmallHub.school;
import static uk.encounters.matcher.SmallHub.talk;
import static uk.encounters.matcher.SmallHub.talkRequest;
import static uk.encounters.matcher.SmallHub.volunteer;

import org.junit.jupiter.api.Test;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.OfferSlot;
import uk.encounters.matcher.domain.Period;
import uk.encounters.matcher.domain.ProblemBuilder;
import uk.encounters.matcher.domain.Session;
import uk.encounters.matcher.solver.MatchingWeights;

class PlanIndexTest {

    /**
     * A year group of 20 with the whole of half of it at a talk on Monday morning and the other half
     * on Wednesday morning: a placement week for one pupil fits (11 at most at any one time), as the
     * hard rule counts it; a third talk on Monday morning for 10 more would not.
     */
    @Test
    void aYearGroupIsBusyOnlyWhenOneHalfDayHoldsMorePupilsThanItHas() {
        Cohort year10 = cohort(school(1, "Alvaston Academy", ALVASTON), 10, 20, 0);
        ProblemBuilder week = new ProblemBuilder(
                        MONDAY,
                        MONDAY.plusDays(4),
                        ProblemBuilder.weekdays(MONDAY, MONDAY.plusDays(4)),
                        MatchingWeights.defaultWeights())
                .offer(talk(1, employer(1, "Rolls-Royce"), volunteer(1, "Ann"), MONDAY))
                .offer(talk(2, employer(2, "Smith & Co"), volunteer(2, "Bob"), MONDAY.plusDays(2)))
                .offer(offer(
                        3,
                        employer(3, "Acme Logistics"),
                        volunteer(3, "Cy"),
                        EncounterType.WORK_EXPERIENCE,
                        "Logistics",
                        1,
                        MONDAY))
                .request(talkRequest(1, year10, 10, 1))
                .request(talkRequest(2, year10, 10, 1))
                .request(request(3, year10, EncounterType.WORK_EXPERIENCE, 1, 1))
                .booking(1, 1, MONDAY, MONDAY, Period.MORNING, true)
                .booking(2, 2, MONDAY.plusDays(2), MONDAY.plusDays(2), Period.MORNING, true);

        MatchingProblem problem = week.build();
        Session placement = session(problem, 3);
        OfferSlot placementWeek = placement.candidates().getFirst();

        assertThat(placementWeek.endsOn()).isEqualTo(MONDAY.plusDays(4));
        assertThat(new PlanIndex(problem).yearGroupBusy(placement, placementWeek))
                .isFalse();

        MatchingProblem crowded = week.offer(talk(4, employer(4, "Peak Precision"), volunteer(4, "Di"), MONDAY))
                .request(talkRequest(4, year10, 10, 1))
                .booking(4, 4, MONDAY, MONDAY, Period.MORNING, true)
                .build();
        Session crowdedPlacement = session(crowded, 3);
        assertThat(new PlanIndex(crowded)
                        .yearGroupBusy(
                                crowdedPlacement, crowdedPlacement.candidates().getFirst()))
                .isTrue();
    }

    private static Session session(MatchingProblem problem, long requestId) {
        return problem.sessions().stream()
                .filter(s -> s.request().id() == requestId)
                .findFirst()
                .orElseThrow();
    }
}

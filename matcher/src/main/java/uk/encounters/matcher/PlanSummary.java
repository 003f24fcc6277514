package uk.encounters.matcher;

import java.util.HashMap;
import java.util.Map;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.Session;
import uk.encounters.matcher.solver.MatchingWeights;

/**
 * The figures a coordinator and the benchmark compare plans by.
 *
 * @param priorityWeightedValue the value of the pupils reached, as the score counts it (the
 *                              "Pupils reached" and cold-spot rules with their weights)
 */
public record PlanSummary(
        int sessions, int matched, long pupilPlaces, long priorityWeightedValue, long employersAsked) {

    public static PlanSummary of(MatchingProblem problem) {
        Map<Cohort, Integer> places = new HashMap<>();
        int matched = 0;
        long pupilPlaces = 0;
        for (Session session : problem.sessions()) {
            if (session.matched()) {
                matched++;
                pupilPlaces += session.pupils();
                session.pupilsMet().forEach(met -> places.merge(met.cohort(), met.pupils(), Integer::sum));
            }
        }
        long pupilsWeight = problem.weights().of(MatchingWeights.PUPILS_REACHED);
        long coldSpotWeight = problem.weights().of(MatchingWeights.COLD_SPOT);
        long value = 0;
        for (Map.Entry<Cohort, Integer> entry : places.entrySet()) {
            Cohort cohort = entry.getKey();
            value += cohort.valueOf(entry.getValue())
                    * (pupilsWeight + (cohort.school().coldSpot() ? coldSpotWeight : 0));
        }
        long employers = problem.sessions().stream()
                .filter(Session::matched)
                .map(Session::employer)
                .distinct()
                .count();
        return new PlanSummary(problem.sessions().size(), matched, pupilPlaces, value, employers);
    }
}

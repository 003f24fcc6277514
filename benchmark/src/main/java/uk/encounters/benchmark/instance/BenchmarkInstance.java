package uk.encounters.benchmark.instance;

import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.Session;

/** One problem to measure every method on: {@code name} and {@code seed} say how it was made. */
public record BenchmarkInstance(String name, long seed, MatchingProblem problem, InstanceFigures figures) {

    /**
     * Puts every session back where the round starts: booked ones on their booking, the rest
     * unmatched. Each method starts from here, as the greedy baselines plan in place.
     */
    public MatchingProblem reset() {
        for (Session session : problem.sessions()) {
            session.setSlot(session.previousSlot());
        }
        problem.setScore(null);
        return problem;
    }
}

package uk.encounters.benchmark.reference;

import java.time.Duration;
import uk.encounters.matcher.domain.MatchingProblem;

/** An exact solver of the matcher's model: the optimum, or a bound on it, to measure the matcher by. */
public interface ReferenceSolver {

    /** Solves without changing {@code problem}; pinned sessions stay where they are. */
    ReferenceResult solve(MatchingProblem problem, Duration timeLimit);
}

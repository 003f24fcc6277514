package uk.encounters.matcher;

import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.explain.Explanations;
import uk.encounters.matcher.solver.SolverSettings;

/** Problem in, plan out: solves a round and explains every booking and every unmatched session. */
public final class Matcher {

    private final SolverFactory<MatchingProblem> solverFactory;

    public Matcher(SolverSettings settings) {
        this.solverFactory = SolverFactory.create(settings.toSolverConfig());
    }

    public MatchResult solve(MatchingProblem problem) {
        Solver<MatchingProblem> solver = solverFactory.buildSolver();
        MatchingProblem plan = solver.solve(problem);
        return new MatchResult(plan, PlanSummary.of(plan), Explanations.of(plan));
    }

    /** A solved plan: its score is {@code plan().score()}. */
    public record MatchResult(MatchingProblem plan, PlanSummary summary, Explanations explanations) {}
}

package uk.encounters.matcher;

import java.util.function.Consumer;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.explain.Explanations;
import uk.encounters.matcher.solver.SolverSettings;

/**
 * Problem in, plan out: the one way into the solver. {@link #solve} solves a round and explains
 * every booking and every unmatched session; {@link #prepare} gives a run that another thread can
 * watch as its best plan improves and stop early (the weekly round does both).
 */
public final class Matcher {

    private final SolverFactory<MatchingProblem> solverFactory;

    public Matcher(SolverSettings settings) {
        this.solverFactory = SolverFactory.create(settings.toSolverConfig());
    }

    public MatchResult solve(MatchingProblem problem) {
        MatchingProblem plan = prepare().solve(problem);
        return new MatchResult(plan, PlanSummary.of(plan), Explanations.of(plan));
    }

    /** A run not yet started: add a listener, then {@link Run#solve} on the thread that should do the work. */
    public Run prepare() {
        return new Run(solverFactory.buildSolver());
    }

    /** A solved plan: its score is {@code plan().score()}. */
    public record MatchResult(MatchingProblem plan, PlanSummary summary, Explanations explanations) {}

    /** One solve. {@link #stop} may be called from any thread; the plan so far is then returned. */
    public static final class Run {

        private final Solver<MatchingProblem> solver;

        private Run(Solver<MatchingProblem> solver) {
            this.solver = solver;
        }

        /**
         * Called on the solving thread with each new best plan: a fresh planning clone, never
         * changed afterwards, so it is safe to hand to another thread.
         */
        public Run onNewBestPlan(Consumer<MatchingProblem> listener) {
            solver.addEventListener(event -> listener.accept(event.getNewBestSolution()));
            return this;
        }

        /** Solves until the time limit or {@link #stop}, and returns the best plan found. */
        public MatchingProblem solve(MatchingProblem problem) {
            return solver.solve(problem);
        }

        public void stop() {
            solver.terminateEarly();
        }

        /** Whether {@link #stop} ended it before its time limit. */
        public boolean stoppedEarly() {
            return solver.isTerminateEarly();
        }
    }
}

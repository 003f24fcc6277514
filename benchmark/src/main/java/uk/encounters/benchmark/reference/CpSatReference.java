package uk.encounters.benchmark.reference;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.Session;

/**
 * The exact reference: the matcher's model solved by OR-Tools CP-SAT ({@link MatchingModel}). Its
 * objective is the matcher's soft score and every hard rule is a constraint, so an optimal result
 * is the best soft score any feasible plan of the matcher can reach (unpinned sessions on their
 * candidates or left on their previous slot, as the matcher's search can).
 *
 * <p>Stopped by the time limit, the result is the best plan found (status FEASIBLE) with its exact
 * soft score, and CP-SAT's bound; with no plan found yet (UNKNOWN) the objective is
 * {@link Long#MIN_VALUE}, the bound {@link Long#MAX_VALUE} and the assignment empty. When the
 * pinned sessions alone break a hard rule no plan scores hard 0: the status is then INFEASIBLE,
 * with objective and bound {@link Long#MIN_VALUE}.
 */
public final class CpSatReference implements ReferenceSolver {

    private static final int WORKERS = 2;

    static {
        Loader.loadNativeLibraries();
    }

    @Override
    public ReferenceResult solve(MatchingProblem problem, Duration timeLimit) {
        ReferenceResult best = run(MatchingModel.of(problem), timeLimit);
        if (best.optimal() || !best.status().equals(CpSolverStatus.FEASIBLE.name())) {
            return best;
        }
        // Stopped early, the objective's auxiliaries may sit below the rules' values: score the plan exactly.
        MatchingModel fixed = MatchingModel.of(problem);
        fixed.fixTo(best.assignment());
        ReferenceResult exact = run(fixed, timeLimit);
        return new ReferenceResult(
                Math.max(best.objective(), exact.objective()),
                best.bound(),
                false,
                best.status(),
                best.time().plus(exact.time()),
                best.assignment());
    }

    /**
     * The CP-SAT objective of the problem's current plan: every session fixed where it is. For
     * tests that prove the two models agree; INFEASIBLE when the plan breaks a hard rule.
     *
     * @throws IllegalArgumentException when an unpinned session is on a slot neither a candidate nor its previous one
     */
    public ReferenceResult evaluate(MatchingProblem problem, Duration timeLimit) {
        Map<String, Long> plan = new LinkedHashMap<>();
        problem.sessions().stream()
                .filter(Session::matched)
                .forEach(s -> plan.put(s.id(), s.slot().id()));
        MatchingModel model = MatchingModel.of(problem);
        model.fixTo(plan);
        return run(model, timeLimit);
    }

    private static ReferenceResult run(MatchingModel model, Duration timeLimit) {
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(timeLimit.toMillis() / 1000.0);
        solver.getParameters().setNumWorkers(WORKERS);
        long start = System.nanoTime();
        CpSolverStatus status = solver.solve(model.model);
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        if (status == CpSolverStatus.MODEL_INVALID) {
            throw new IllegalStateException("CP-SAT rejects the model: " + model.model.validate());
        }
        boolean optimal = status == CpSolverStatus.OPTIMAL;
        if (!optimal && status != CpSolverStatus.FEASIBLE) {
            // Without a plan the solver's bound may be unset (0): claim none.
            long bound = status == CpSolverStatus.INFEASIBLE ? Long.MIN_VALUE : Long.MAX_VALUE;
            return new ReferenceResult(Long.MIN_VALUE, bound, false, status.name(), time, Map.of());
        }
        // Read back as integers: the solver's double objective would round large scores.
        long objective = solver.value(model.objective);
        long bound = optimal ? objective : floor(solver.bestObjectiveBound());
        Map<String, Long> assignment = new LinkedHashMap<>();
        for (Placement placement : model.placements) {
            if (solver.booleanValue(placement.chosen())) {
                assignment.put(placement.session().id(), placement.slot().id());
            }
        }
        return new ReferenceResult(objective, bound, optimal, status.name(), time, Map.copyOf(assignment));
    }

    private static long floor(double value) {
        return (long) Math.floor(value);
    }
}

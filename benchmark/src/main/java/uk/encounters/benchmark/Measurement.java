package uk.encounters.benchmark;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import uk.encounters.benchmark.instance.InstanceFigures;
import uk.encounters.benchmark.reference.ReferenceResult;

/**
 * Every method's result on one instance, and the figures DESIGN.md's targets are stated in.
 *
 * @param reference         empty when no reference solver was available
 * @param referenceRescored the reference's plan scored by the matcher's own rules; it should equal
 *                          the reference's objective, or the two models differ
 */
public record Measurement(
        String instance,
        long seed,
        InstanceFigures figures,
        Outcome fcfs,
        Outcome greedy,
        SolverRun solver,
        Optional<ReferenceResult> reference,
        Optional<Outcome> referenceRescored,
        long peakHeapBytes,
        long maxHeapBytes) {

    /** The solver's target: within this many percent of the optimum. */
    public static final double NEAR_OPTIMUM_PERCENT = 1;

    /**
     * Whether the reference's objective and the matcher's score of the reference's plan tell of two
     * different models. A plan found before the reference ran out of time may score higher than
     * its objective (a solver need not tighten the objective's helper variables until it proves
     * optimality), but never lower, and never differently at a proven optimum.
     */
    public boolean modelsDisagree() {
        if (reference.isEmpty() || referenceRescored.isEmpty()) {
            return false;
        }
        long objective = reference.get().objective();
        Outcome rescored = referenceRescored.get();
        return !rescored.feasible()
                || rescored.soft() < objective
                || (reference.get().optimal() && rescored.soft() != objective);
    }

    /** "optimal", "bound" (the reference ran out of time: the gap is to its bound), or "none". */
    public String referenceKind() {
        return reference.map(r -> r.optimal() ? "optimal" : "bound").orElse("none");
    }

    /** (reference bound - solver) / reference bound, in percent: how far from the best possible. */
    public OptionalDouble gapPercent() {
        if (reference.isEmpty() || !solver.outcome().feasible()) {
            return OptionalDouble.empty();
        }
        return percentBelow(reference.get().bound(), solver.outcome().soft());
    }

    /** The solver's gap to the best plan any method found, the reference's included. */
    public OptionalDouble gapToBestKnownPercent() {
        OptionalLong best = bestKnown();
        if (best.isEmpty() || !solver.outcome().feasible()) {
            return OptionalDouble.empty();
        }
        return percentBelow(best.getAsLong(), solver.outcome().soft());
    }

    private OptionalLong bestKnown() {
        LongStream feasible = LongStream.concat(
                Stream.of(Optional.of(fcfs), Optional.of(greedy), Optional.of(solver.outcome()), referenceRescored)
                        .flatMap(Optional::stream)
                        .filter(Outcome::feasible)
                        .mapToLong(Outcome::soft),
                reference.stream().mapToLong(ReferenceResult::objective));
        return feasible.max();
    }

    /** Seconds until the solver's best was within 1 % of the reference's bound (the optimum when proven). */
    public OptionalDouble secondsToNearOptimum() {
        if (reference.isEmpty()) {
            return OptionalDouble.empty();
        }
        long millis = solver.timeline().millisToWithin(reference.get().bound(), NEAR_OPTIMUM_PERCENT);
        return millis < 0 ? OptionalDouble.empty() : OptionalDouble.of(millis / 1000.0);
    }

    /** How much more priority-weighted value the solver's plan gives pupils than first come, first served. */
    public OptionalDouble valueOverFcfsPercent() {
        if (fcfs.value() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(100.0 * (solver.outcome().value() - fcfs.value()) / fcfs.value());
    }

    private static OptionalDouble percentBelow(long target, long score) {
        if (target <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(100.0 * (target - score) / target);
    }

    public long peakHeapMb() {
        return peakHeapBytes / (1024 * 1024);
    }

    public long maxHeapMb() {
        return maxHeapBytes / (1024 * 1024);
    }
}

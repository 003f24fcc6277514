package uk.encounters.benchmark;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import uk.encounters.benchmark.instance.BenchmarkInstance;
import uk.encounters.benchmark.instance.InstanceKind;
import uk.encounters.benchmark.reference.CpSatReference;
import uk.encounters.benchmark.reference.ReferencePlan;
import uk.encounters.benchmark.reference.ReferenceResult;
import uk.encounters.benchmark.reference.ReferenceSolver;
import uk.encounters.demo.SharedData;
import uk.encounters.matcher.baseline.FirstComeFirstServed;
import uk.encounters.matcher.baseline.PriorityGreedy;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.solver.ScoreKeeper;

/**
 * The matcher benchmark (issue 7, "the numbers that matter"): on each instance and seed, first
 * come first served, the priority greedy heuristic, the solver at a fixed time, and the exact
 * reference's optimum or bound, all on the same problem and objective. Prints a line per method
 * as it goes, then the table, and writes the same as CSV.
 */
public final class MatcherBenchmark {

    private final Optional<ReferenceSolver> reference;
    private final PrintStream out;

    public MatcherBenchmark(Optional<ReferenceSolver> reference, PrintStream out) {
        this.reference = reference;
        this.out = out;
    }

    public static void main(String[] args) {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage() + "\n\n" + BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(BenchmarkOptions.USAGE);
            return;
        }
        Optional<ReferenceSolver> reference;
        try {
            reference = Optional.of(new CpSatReference());
        } catch (LinkageError e) {
            // OR-Tools loads native code, which a machine may refuse
            reference = Optional.empty();
            System.out.println(
                    "No reference solver: OR-Tools could not start (" + e + "). Gaps and time to 1 % are left blank.");
        }
        int failures = new MatcherBenchmark(reference, System.out).run(options);
        System.exit(failures == 0 ? 0 : 1);
    }

    /** Runs every instance and seed asked for; returns how many failed. */
    int run(BenchmarkOptions options) {
        Optional<Path> data = SharedData.locate();
        out.printf(
                "Matcher benchmark: %d cores, heap limit %d MB, data: %s%n",
                Runtime.getRuntime().availableProcessors(),
                HeapPeak.maxBytes() / (1024 * 1024),
                data.map(Path::toString).orElse("none (the parametric Derby-like hub)"));
        options.describe().forEach(line -> out.println("  " + line));
        List<Measurement> rows = new ArrayList<>();
        int failures = 0;
        for (InstanceKind kind : options.instances()) {
            if (!kind.available(data)) {
                out.println(
                        kind.code() + ": skipped, it is made from the public data in shared/data, which was not found");
                continue;
            }
            for (long seed : options.seeds()) {
                try {
                    long start = System.nanoTime();
                    BenchmarkInstance instance = kind.build(seed, data);
                    out.printf(
                            "%n%s seed %d, horizon %s to %s, built in %.1f s: %s%n",
                            kind.code(),
                            seed,
                            instance.problem().horizonStart(),
                            instance.problem().horizonEnd(),
                            (System.nanoTime() - start) / 1e9,
                            instance.figures().describe());
                    rows.add(measure(
                            instance,
                            options.solverTime().get(kind),
                            options.referenceTime().get(kind)));
                } catch (RuntimeException e) {
                    failures++;
                    out.println(kind.code() + " seed " + seed + " FAILED: " + e);
                    e.printStackTrace();
                }
            }
        }
        out.println();
        ResultTable.print(rows, out);
        ResultCsv.write(options.csv(), rows);
        out.println("\nWritten to " + options.csv().toAbsolutePath().normalize());
        return failures;
    }

    /** Every method on one instance, each from the round's starting plan. */
    public Measurement measure(BenchmarkInstance instance, Duration solverTime, Duration referenceTime) {
        HeapPeak.reset();
        Outcome fcfs = baseline(instance, FirstComeFirstServed::plan);
        out.println("  first come, first served: " + fcfs.describe());
        Outcome greedy = baseline(instance, PriorityGreedy::plan);
        out.println("  priority greedy:          " + greedy.describe());
        SolverRun solver = SolverRun.solve(instance.reset(), solverTime);
        out.printf(
                "  solver (%d s):             %s; %,d score calculations/s%n",
                solverTime.toSeconds(), solver.outcome().describe(), solver.scoreCalculationsPerSecond());
        Optional<ReferenceResult> result = reference.map(r -> r.solve(instance.reset(), referenceTime));
        Optional<Outcome> rescored = result.map(r -> rescore(instance, r));
        result.ifPresent(r -> out.printf(
                "  reference (%d s):         %s %,d, bound %,d (%s, %.1f s); " + "the matcher scores its plan %s%n",
                referenceTime.toSeconds(),
                r.optimal() ? "optimal" : "best",
                r.objective(),
                r.bound(),
                r.status(),
                r.time().toMillis() / 1000.0,
                rescored.get().describe()));
        Measurement measurement = new Measurement(
                instance.name(),
                instance.seed(),
                instance.figures(),
                fcfs,
                greedy,
                solver,
                result,
                rescored,
                HeapPeak.bytes(),
                HeapPeak.maxBytes());
        out.printf(
                "  gap %s %% (to the %s), %s %% to the best known, within 1 %% after %s s, "
                        + "+%s %% value to pupils over first come first served, peak heap %d MB%n",
                ResultColumn.format(measurement.gapPercent(), 2),
                measurement.referenceKind().equals("optimal") ? "optimum" : "bound",
                ResultColumn.format(measurement.gapToBestKnownPercent(), 2),
                ResultColumn.format(measurement.secondsToNearOptimum(), 1),
                ResultColumn.format(measurement.valueOverFcfsPercent(), 1),
                measurement.peakHeapMb());
        if (measurement.modelsDisagree()) {
            out.printf(
                    Locale.ROOT,
                    "  WARNING: the reference's objective %d and the matcher's score of its plan %s "
                            + "disagree: the two models differ%n",
                    result.get().objective(),
                    ResultColumn.score(rescored.get()));
        }
        return measurement;
    }

    private static Outcome baseline(BenchmarkInstance instance, UnaryOperator<MatchingProblem> method) {
        long start = System.nanoTime();
        MatchingProblem plan = method.apply(instance.reset());
        return Outcome.of(plan, plan.score(), Duration.ofNanos(System.nanoTime() - start));
    }

    private static Outcome rescore(BenchmarkInstance instance, ReferenceResult result) {
        MatchingProblem plan = ReferencePlan.apply(instance.reset(), result);
        HardSoftLongScore score = ScoreKeeper.score(plan);
        return Outcome.of(plan, score, result.time());
    }
}

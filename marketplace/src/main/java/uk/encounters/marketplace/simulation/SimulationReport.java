package uk.encounters.marketplace.simulation;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/** The year's figures for both brokers side by side, with what they rest on. */
public record SimulationReport(String hub, String area, long seed, LocalDate firstDay, LocalDate lastDay, int weeks,
                               int solveSeconds, Behaviour behaviour, BrokerOutcome solver,
                               BrokerOutcome firstComeFirstServed, Duration wallTime) {

    public void print(PrintStream out) {
        out.printf("%nSimulated %d school week%s of %s (area %s, seed %d): %s to %s, solver rounds of %d s.%n",
                weeks, weeks == 1 ? "" : "s", hub, area, seed, firstDay, lastDay, solveSeconds);
        out.println("Parameters:");
        behaviour.describe().forEach(line -> out.println("  " + line));
        out.println();
        out.printf("%-48s %-30s %s%n", "", "solver", "first come, first served");
        row(out, "Pupils on track for seven (Years 7-13)", o -> o.progress().onTrack().toString());
        row(out, "  disadvantaged pupils", o -> o.progress().disadvantagedOnTrack().toString());
        row(out, "  the rest", o -> o.progress().othersOnTrack().toString());
        row(out, "Benchmark 5: an encounter this year", o -> o.progress().benchmark5().toString());
        row(out, "  disadvantaged pupils", o -> o.progress().disadvantagedBenchmark5().toString());
        row(out, "  the rest", o -> o.progress().othersBenchmark5().toString());
        row(out, "Benchmark 6: workplace experience due (Y11-13)", o -> o.progress().benchmark6().toString());
        row(out, "  disadvantaged pupils", o -> o.progress().benchmark6Disadvantaged().toString());
        row(out, "  the rest", o -> o.progress().benchmark6Others().toString());
        row(out, "Requests posted (incl. the demo's own)", o -> String.format("%,d", o.requests()));
        row(out, "Sessions requested", o -> String.format("%,d", o.sessionsRequested()));
        row(out, "Sessions matched (published)", o -> String.format("%,d", o.sessionsMatched()));
        row(out, "Sessions delivered", o -> String.format("%,d", o.sessionsDelivered()));
        row(out, "Pupil encounters attended this year", o -> String.format("%,d", o.pupilEncounters()));
        row(out, "Declined by employers (late)", o -> String.format("%,d (%,d)", o.declined(), o.lateCancellations()));
        row(out, "Employer no-shows", o -> String.format("%,d", o.noShows()));
        row(out, "Asks per employer per round: mean / max", o -> String.format("%.2f / %d", o.meanAsks(), o.maxAsks()));
        row(out, "Asks in all / employers asked per round", o -> String.format("%,d / %.1f", o.totalAsks(),
                o.employersAskedPerRound()));
        row(out, "Round seconds: mean / max (mean as recorded)", o -> String.format("%.1f / %.1f (%.1f)",
                o.meanSolveSeconds(), o.maxSolveSeconds(), o.meanRecordedSeconds()));
        out.println();
        out.println("An ask: under the solver, one digest to an employer in a round (it lists every session the round");
        out.println("asks of it, within its contact cap); first come, first served stands for each school asking for");
        out.println("itself, so each booking is its own ask. Means and maxima are over the employers asked in each round.");
        out.println("Progress figures are the schools' own (ProgressRepository) on " + lastDay + ".");
        out.printf("Wall time %s.%n", seconds(wallTime));
    }

    private void row(PrintStream out, String label, Function<BrokerOutcome, String> figure) {
        out.printf("%-48s %-30s %s%n", label, figure.apply(solver), figure.apply(firstComeFirstServed));
    }

    static String seconds(Duration duration) {
        long s = duration.toSeconds();
        return s >= 60 ? String.format("%d min %02d s", s / 60, s % 60) : String.format("%.1f s", duration.toMillis() / 1000.0);
    }

    List<BrokerOutcome> outcomes() {
        return List.of(solver, firstComeFirstServed);
    }
}

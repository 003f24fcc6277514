package uk.encounters.benchmark;

import java.io.PrintStream;
import java.util.List;
import uk.encounters.benchmark.reference.ReferenceResult;

/** The console table: one row per instance and seed, the columns DESIGN.md's targets are read from. */
final class ResultTable {

    static final List<ResultColumn> COLUMNS = List.of(
            ResultColumn.of("instance", "instance", Measurement::instance),
            ResultColumn.of("seed", "seed", Measurement::seed),
            ResultColumn.of("sessions", "sessions", m -> m.figures().sessions()),
            ResultColumn.of("slots", "slots", m -> m.figures().slots()),
            ResultColumn.of("pairs", "candidate_pairs", m -> m.figures().candidatePairs()),
            ResultColumn.of("FCFS", "fcfs_soft", m -> ResultColumn.score(m.fcfs())),
            ResultColumn.of("greedy", "greedy_soft", m -> ResultColumn.score(m.greedy())),
            ResultColumn.of(
                    "solver", "solver_soft", m -> ResultColumn.score(m.solver().outcome())),
            ResultColumn.of(
                    "reference",
                    "reference_bound",
                    m -> m.reference()
                            .map(ReferenceResult::bound)
                            .map(String::valueOf)
                            .orElse("-")),
            ResultColumn.of("ref", "reference", Measurement::referenceKind),
            ResultColumn.decimal("gap %", "gap_percent", Measurement::gapPercent, 2),
            ResultColumn.decimal("best gap %", "gap_to_best_known_percent", Measurement::gapToBestKnownPercent, 2),
            ResultColumn.decimal("to 1 % (s)", "seconds_to_1_percent", Measurement::secondsToNearOptimum, 1),
            ResultColumn.decimal("+value vs FCFS %", "value_over_fcfs_percent", Measurement::valueOverFcfsPercent, 1),
            ResultColumn.of("peak MB", "peak_heap_mb", Measurement::peakHeapMb));

    private ResultTable() {}

    static void print(List<Measurement> rows, PrintStream out) {
        int[] widths = new int[COLUMNS.size()];
        for (int c = 0; c < COLUMNS.size(); c++) {
            widths[c] = COLUMNS.get(c).heading().length();
            for (Measurement row : rows) {
                widths[c] =
                        Math.max(widths[c], COLUMNS.get(c).value().apply(row).length());
            }
        }
        StringBuilder heading = new StringBuilder();
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < COLUMNS.size(); c++) {
            heading.append(pad(COLUMNS.get(c).heading(), widths[c], c)).append(c + 1 < widths.length ? "  " : "");
            rule.append("-".repeat(widths[c])).append(c + 1 < widths.length ? "  " : "");
        }
        out.println(heading);
        out.println(rule);
        for (Measurement row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < COLUMNS.size(); c++) {
                line.append(pad(COLUMNS.get(c).value().apply(row), widths[c], c))
                        .append(c + 1 < widths.length ? "  " : "");
            }
            out.println(line);
        }
    }

    /** Names to the left, numbers to the right. */
    private static String pad(String text, int width, int column) {
        String format = column == 0 || column == 9 ? "%-" + width + "s" : "%" + width + "s";
        return String.format(format, text);
    }
}

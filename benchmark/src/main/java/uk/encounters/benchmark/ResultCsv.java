package uk.encounters.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The results as CSV: the console table's columns and the details behind them, one row per instance and seed. */
final class ResultCsv {

    static final List<ResultColumn> COLUMNS = List.of(
            ResultColumn.csv("instance", Measurement::instance),
            ResultColumn.csv("seed", Measurement::seed),
            ResultColumn.csv("hubs", m -> m.figures().hubs()),
            ResultColumn.csv("schools", m -> m.figures().schools()),
            ResultColumn.csv("cohorts", m -> m.figures().cohorts()),
            ResultColumn.csv("requests", m -> m.figures().requests()),
            ResultColumn.csv("sessions", m -> m.figures().sessions()),
            ResultColumn.csv("pinned", m -> m.figures().pinned()),
            ResultColumn.csv("slots", m -> m.figures().slots()),
            ResultColumn.csv("candidate_pairs", m -> m.figures().candidatePairs()),
            ResultColumn.csv("supply_sessions", m -> m.figures().supplySessions()),
            ResultColumn.csv("pupil_places_asked", m -> m.figures().pupilPlacesAsked()),
            ResultColumn.csv("fcfs_soft", m -> m.fcfs().soft()),
            ResultColumn.csv("fcfs_hard", m -> m.fcfs().hard()),
            ResultColumn.csv("fcfs_value", m -> m.fcfs().value()),
            ResultColumn.csv("fcfs_matched", m -> m.fcfs().matched()),
            ResultColumn.csv("fcfs_seconds", m -> seconds(m.fcfs())),
            ResultColumn.csv("greedy_soft", m -> m.greedy().soft()),
            ResultColumn.csv("greedy_hard", m -> m.greedy().hard()),
            ResultColumn.csv("greedy_value", m -> m.greedy().value()),
            ResultColumn.csv("greedy_matched", m -> m.greedy().matched()),
            ResultColumn.csv("greedy_seconds", m -> seconds(m.greedy())),
            ResultColumn.csv("solver_soft", m -> m.solver().outcome().soft()),
            ResultColumn.csv("solver_hard", m -> m.solver().outcome().hard()),
            ResultColumn.csv("solver_value", m -> m.solver().outcome().value()),
            ResultColumn.csv("solver_matched", m -> m.solver().outcome().matched()),
            ResultColumn.csv("solver_seconds", m -> seconds(m.solver().outcome())),
            ResultColumn.csv(
                    "solver_score_calculations_per_second", m -> m.solver().scoreCalculationsPerSecond()),
            ResultColumn.csv(
                    "reference_objective",
                    m -> m.reference().map(r -> (Object) r.objective()).orElse("")),
            ResultColumn.csv(
                    "reference_bound",
                    m -> m.reference().map(r -> (Object) r.bound()).orElse("")),
            ResultColumn.csv("reference", Measurement::referenceKind),
            ResultColumn.csv(
                    "reference_status", m -> m.reference().map(r -> r.status()).orElse("")),
            ResultColumn.csv(
                    "reference_seconds",
                    m -> m.reference()
                            .map(r -> (Object) (r.time().toMillis() / 1000.0))
                            .orElse("")),
            ResultColumn.csv(
                    "reference_rescored_soft",
                    m -> m.referenceRescored().map(o -> ResultColumn.score(o)).orElse("")),
            ResultColumn.csv("models_disagree", Measurement::modelsDisagree),
            ResultColumn.decimal("gap_percent", "gap_percent", Measurement::gapPercent, 3),
            ResultColumn.decimal(
                    "gap_to_best_known_percent", "gap_to_best_known_percent", Measurement::gapToBestKnownPercent, 3),
            ResultColumn.decimal("seconds_to_1_percent", "seconds_to_1_percent", Measurement::secondsToNearOptimum, 3),
            ResultColumn.decimal(
                    "value_over_fcfs_percent", "value_over_fcfs_percent", Measurement::valueOverFcfsPercent, 2),
            ResultColumn.csv("peak_heap_mb", Measurement::peakHeapMb),
            ResultColumn.csv("xmx_mb", Measurement::maxHeapMb));

    private ResultCsv() {}

    static void write(Path file, List<Measurement> rows) {
        List<String> lines = new ArrayList<>();
        lines.add(COLUMNS.stream().map(ResultColumn::csvName).collect(Collectors.joining(",")));
        for (Measurement row : rows) {
            lines.add(COLUMNS.stream().map(c -> cell(c.value().apply(row))).collect(Collectors.joining(",")));
        }
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static String seconds(Outcome outcome) {
        return String.valueOf(outcome.time().toMillis() / 1000.0);
    }

    /** Empty for "none" in a CSV is clearer to spreadsheets than a dash; quoted when it holds a comma. */
    private static String cell(String value) {
        String plain = value.equals("-") ? "" : value;
        return Stream.of(",", "\"", "\n").anyMatch(plain::contains) ? '"' + plain.replace("\"", "\"\"") + '"' : plain;
    }
}

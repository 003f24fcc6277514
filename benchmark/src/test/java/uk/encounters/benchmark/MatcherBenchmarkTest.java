package uk.encounters.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.encounters.benchmark.reference.BruteForceReference;

class MatcherBenchmarkTest {

    private static Measurement measurement;
    private static String printed;

    @BeforeAll
    static void measureTheTinyRound() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        MatcherBenchmark benchmark = new MatcherBenchmark(
                Optional.of(new BruteForceReference()), new PrintStream(output, true, StandardCharsets.UTF_8));
        measurement = benchmark.measure(TinyRound.instance(), Duration.ofSeconds(2), Duration.ofSeconds(10));
        printed = output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theSolverReachesTheBruteForceOptimumOnATinyRoundSoTheGapIsZero() {
        assertThat(measurement.referenceKind()).isEqualTo("optimal");
        assertThat(measurement.solver().outcome().soft())
                .isEqualTo(measurement.reference().orElseThrow().objective());
        assertThat(measurement.gapPercent()).hasValue(0.0);
        assertThat(measurement.gapToBestKnownPercent()).hasValue(0.0);
        assertThat(measurement.secondsToNearOptimum()).isPresent();
    }

    @Test
    void firstComeFirstServedGivesBothTalksToTheSchoolThatPostedFirstAndTheSolverSharesThem() {
        assertThat(measurement.fcfs().soft())
                .isLessThan(measurement.solver().outcome().soft());
        assertThat(measurement.valueOverFcfsPercent().orElseThrow()).isPositive();
    }

    @Test
    void theMatcherScoresTheReferencesPlanAsTheReferenceDoes() {
        assertThat(measurement.referenceRescored().orElseThrow().soft())
                .isEqualTo(measurement.reference().orElseThrow().objective());
        assertThat(printed).doesNotContain("WARNING");
    }

    @Test
    void theCsvHasTheTableColumnsAndAZeroGap(@TempDir Path folder) throws IOException {
        Path csv = folder.resolve("bench/matcher.csv");

        ResultCsv.write(csv, List.of(measurement));

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(2);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        assertThat(header)
                .startsWith("instance", "seed")
                .contains(
                        "sessions",
                        "slots",
                        "candidate_pairs",
                        "fcfs_soft",
                        "greedy_soft",
                        "solver_soft",
                        "reference_bound",
                        "reference",
                        "gap_percent",
                        "gap_to_best_known_percent",
                        "seconds_to_1_percent",
                        "value_over_fcfs_percent",
                        "peak_heap_mb",
                        "xmx_mb");
        assertThat(header)
                .containsAll(
                        ResultTable.COLUMNS.stream().map(ResultColumn::csvName).toList());
        String[] row = lines.get(1).split(",", -1);
        assertThat(row).hasSameSizeAs(header.toArray());
        assertThat(row[header.indexOf("instance")]).isEqualTo("tiny");
        assertThat(row[header.indexOf("reference")]).isEqualTo("optimal");
        assertThat(Double.parseDouble(row[header.indexOf("gap_percent")])).isZero();
        assertThat(Long.parseLong(row[header.indexOf("solver_soft")]))
                .isEqualTo(Long.parseLong(row[header.indexOf("reference_bound")]));
    }

    @Test
    void theConsoleTableHasARowUnderItsHeadings() {
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        ResultTable.print(List.of(measurement), new PrintStream(output, true, StandardCharsets.UTF_8));

        List<String> lines = output.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0))
                .contains(
                        "instance",
                        "FCFS",
                        "greedy",
                        "solver",
                        "reference",
                        "gap %",
                        "to 1 % (s)",
                        "+value vs FCFS %",
                        "peak MB");
        assertThat(lines.get(2)).startsWith("tiny").contains("optimal", "0.00");
    }
}

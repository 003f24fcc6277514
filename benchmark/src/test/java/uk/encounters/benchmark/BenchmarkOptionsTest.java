package uk.encounters.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.encounters.benchmark.instance.InstanceKind;

class BenchmarkOptionsTest {

    @Test
    void withoutOptionsEveryInstanceRunsOnThreeSeedsAtItsOwnLimits() {
        BenchmarkOptions options = BenchmarkOptions.parse(List.of());

        assertThat(options.instances()).containsExactly(InstanceKind.values());
        assertThat(options.seeds()).containsExactly(1L, 2L, 3L);
        assertThat(options.solverTime().get(InstanceKind.DERBY_WEEK)).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.referenceTime().get(InstanceKind.DERBY_TERM)).isEqualTo(Duration.ofSeconds(300));
        assertThat(options.csv()).isEqualTo(Path.of("target/bench/matcher.csv"));
    }

    @Test
    void quickTakesOneSeedAndShorterLimitsUnlessToldOtherwise() {
        BenchmarkOptions options = BenchmarkOptions.parse(List.of("--quick", "--reference-seconds", "derby-week=7"));

        assertThat(options.seeds()).containsExactly(1L);
        assertThat(options.solverTime().get(InstanceKind.DERBY_WEEK)).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.solverTime().get(InstanceKind.REGION_WEEK)).isEqualTo(Duration.ofSeconds(12));
        assertThat(options.referenceTime().get(InstanceKind.DERBY_WEEK)).isEqualTo(Duration.ofSeconds(7));
        assertThat(options.referenceTime().get(InstanceKind.DERBY_TERM)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void oneNumberSetsTheLimitOfEveryInstance() {
        BenchmarkOptions options = BenchmarkOptions.parse(List.of(
                "--instances", "derby-term,derby-week", "--seeds", "4", "--solver-seconds", "9", "--csv", "out.csv"));

        assertThat(options.instances()).containsExactly(InstanceKind.DERBY_TERM, InstanceKind.DERBY_WEEK);
        assertThat(options.seeds()).containsExactly(4L);
        assertThat(options.solverTime().values()).containsOnly(Duration.ofSeconds(9));
        assertThat(options.csv()).isEqualTo(Path.of("out.csv"));
    }

    @Test
    void unknownOptionsInstancesAndMissingValuesAreRefused() {
        assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--fast"))).hasMessageContaining("--fast");
        assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--instances", "york-week")))
                .hasMessageContaining("york-week");
        assertThatThrownBy(() -> BenchmarkOptions.parse(List.of("--seeds"))).hasMessageContaining("needs a value");
    }
}

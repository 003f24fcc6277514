package uk.encounters.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import uk.encounters.benchmark.instance.InstanceFigures;
import uk.encounters.benchmark.reference.ReferenceResult;

class MeasurementTest {

    private static final InstanceFigures FIGURES = new InstanceFigures(1, 2, 2, 2, 4, 0, 3, 12, 3, 240, 10);

    private static Outcome outcome(long soft, long value) {
        return new Outcome(0, soft, value, 2, 120, Duration.ofSeconds(1));
    }

    private static SolverRun solver(long soft, long reachedAtMillis) {
        BestScoreTimeline timeline = new BestScoreTimeline();
        timeline.record(100, HardSoftLongScore.of(0, soft / 2));
        timeline.record(reachedAtMillis, HardSoftLongScore.of(0, soft));
        return new SolverRun(outcome(soft, 1500), timeline, 10_000);
    }

    private static Measurement measured(ReferenceResult reference, long rescored) {
        return new Measurement(
                "tiny",
                1,
                FIGURES,
                outcome(800, 1000),
                outcome(900, 1200),
                solver(990, 2500),
                Optional.of(reference),
                Optional.of(outcome(rescored, 1600)),
                100 << 20,
                4096L << 20);
    }

    @Test
    void withoutProofOfOptimalityTheGapIsToTheBoundAndTheBestKnownIsTheBestPlanFound() {
        Measurement m =
                measured(new ReferenceResult(995, 1100, false, "FEASIBLE", Duration.ofSeconds(30), Map.of()), 1000);

        assertThat(m.referenceKind()).isEqualTo("bound");
        assertThat(m.gapPercent().getAsDouble()).isCloseTo(10.0, within(1e-9));
        // the reference's plan scores 1000 by the matcher's rules, above its reported objective
        assertThat(m.gapToBestKnownPercent().getAsDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(m.modelsDisagree()).isFalse();
        assertThat(m.secondsToNearOptimum()).isEmpty();
    }

    @Test
    void atAProvenOptimumTheSolverWithinOnePercentIsTimedFromItsTimeline() {
        Measurement m =
                measured(new ReferenceResult(1000, 1000, true, "OPTIMAL", Duration.ofSeconds(3), Map.of()), 1000);

        assertThat(m.gapPercent().getAsDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(m.secondsToNearOptimum()).hasValue(2.5);
        assertThat(m.valueOverFcfsPercent()).hasValue(50.0);
    }

    @Test
    void aReferencePlanScoringBelowItsObjectiveMeansTheModelsDisagree() {
        Measurement m =
                measured(new ReferenceResult(1000, 1100, false, "FEASIBLE", Duration.ofSeconds(3), Map.of()), 990);

        assertThat(m.modelsDisagree()).isTrue();
    }
}

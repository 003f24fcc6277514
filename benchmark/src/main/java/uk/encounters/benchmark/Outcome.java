package uk.encounters.benchmark;

import java.time.Duration;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import uk.encounters.matcher.PlanSummary;
import uk.encounters.matcher.domain.MatchingProblem;

/**
 * One method's plan, in the figures the benchmark compares: its score on the matcher's
 * objective and what the plan is worth to pupils ({@link PlanSummary}).
 *
 * @param value the priority-weighted value of the pupils reached
 */
public record Outcome(long hard, long soft, long value, int matched, long pupilPlaces, Duration time) {

    public static Outcome of(MatchingProblem plan, HardSoftLongScore score, Duration time) {
        PlanSummary summary = PlanSummary.of(plan);
        return new Outcome(
                score.hardScore(),
                score.softScore(),
                summary.priorityWeightedValue(),
                summary.matched(),
                summary.pupilPlaces(),
                time);
    }

    public boolean feasible() {
        return hard >= 0;
    }

    public String describe() {
        return String.format(
                "soft %,d%s, value %,d, %d sessions matched, %,d pupil places, %.1f s",
                soft,
                feasible() ? "" : String.format(" (INFEASIBLE: hard %,d)", hard),
                value,
                matched,
                pupilPlaces,
                time.toMillis() / 1000.0);
    }
}

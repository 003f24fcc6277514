package uk.encounters.benchmark;

import java.util.ArrayList;
import java.util.List;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

/** When the solver found each new best plan, and how good it was: how fast it gets near the optimum. */
public final class BestScoreTimeline {

    private record Point(long millis, HardSoftLongScore score) {}

    private final List<Point> points = new ArrayList<>();

    /** Called from the solver's thread as it finds a better plan. */
    synchronized void record(long millis, HardSoftLongScore score) {
        points.add(new Point(millis, score));
    }

    /** The solve's final best plan, when no event reported it (construction found it). */
    synchronized void recordFinal(long millis, HardSoftLongScore score) {
        if (points.isEmpty() || !points.getLast().score().equals(score)) {
            points.add(new Point(millis, score));
        }
    }

    /**
     * Milliseconds until the first feasible best plan within {@code percent} % of {@code target}'s
     * soft score, or -1 when none was.
     */
    public synchronized long millisToWithin(long target, double percent) {
        double threshold = target - Math.abs(target) * percent / 100;
        for (Point point : points) {
            if (point.score().isFeasible()
                    && point.score().isSolutionInitialized()
                    && point.score().softScore() >= threshold) {
                return point.millis();
            }
        }
        return -1;
    }
}

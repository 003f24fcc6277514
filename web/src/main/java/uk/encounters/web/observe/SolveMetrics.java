package uk.encounters.web.observe;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import uk.encounters.marketplace.round.RoundSolver;

/**
 * Matching-round solves as metrics, told by {@link RoundSolver} when each ends on this instance:
 * how long, how they ended, and what the proposals hold. Tagged by round kind (weekly, rematch)
 * and result, and the last scores by hub: all bounded sets.
 */
public final class SolveMetrics implements RoundSolver.SolveListener {

    private final MeterRegistry registry;
    private final Map<Long, RoundSolver.SolveRun> lastByHub = new ConcurrentHashMap<>();

    public SolveMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void solveEnded(RoundSolver.SolveRun run) {
        String result = run.failed() ? "failed" : run.hardScore() < 0 ? "infeasible" : "feasible";
        Timer.builder("encounters.round.solve")
                .description("Matching-round solves, from taking up the job to saving the proposal")
                .tags("kind", run.kind(), "result", result)
                .register(registry)
                .record(run.took());
        if (run.failed()) {
            return;
        }
        summary("encounters.round.sessions", "Sessions a solve had to place", run.kind())
                .record(run.sessions());
        summary("encounters.round.sessions.matched", "Sessions a solve's proposal placed", run.kind())
                .record(run.matched());
        summary("encounters.round.pupil.places", "Pupil places (pupils covered) in a solve's proposal", run.kind())
                .record(run.pupilPlaces());
        if (lastByHub.put(run.hubId(), run) == null) {
            String hub = String.valueOf(run.hubId());
            Gauge.builder(
                            "encounters.round.last.hard.score",
                            lastByHub,
                            m -> m.get(run.hubId()).hardScore())
                    .description("Hard score of the hub's latest proposal solved here (below 0: a hard rule broken)")
                    .tag("hub", hub)
                    .register(registry);
            Gauge.builder(
                            "encounters.round.last.soft.score",
                            lastByHub,
                            m -> m.get(run.hubId()).softScore())
                    .description("Soft score of the hub's latest proposal solved here (higher is better)")
                    .tag("hub", hub)
                    .register(registry);
        }
    }

    private DistributionSummary summary(String name, String description, String kind) {
        return DistributionSummary.builder(name)
                .description(description)
                .tag("kind", kind)
                .register(registry);
    }
}

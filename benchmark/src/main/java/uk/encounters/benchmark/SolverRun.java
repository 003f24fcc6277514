package uk.encounters.benchmark;

import java.time.Duration;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.impl.solver.DefaultSolver;
import org.optaplanner.core.impl.solver.scope.SolverScope;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.solver.SolverSettings;

/**
 * The matcher's solver as the app configures it ({@link SolverSettings}), for a fixed time,
 * with every new best score recorded on the way.
 *
 * @param scoreCalculationsPerSecond how fast the constraints score moves: the first thing to look
 *                                   at when the solver is slow to improve
 */
public record SolverRun(Outcome outcome, BestScoreTimeline timeline, long scoreCalculationsPerSecond) {

    public static SolverRun solve(MatchingProblem problem, Duration limit) {
        SolverSettings settings = new SolverSettings(limit, EnvironmentMode.REPRODUCIBLE);
        Solver<MatchingProblem> solver =
                SolverFactory.<MatchingProblem>create(settings.toSolverConfig()).buildSolver();
        BestScoreTimeline timeline = new BestScoreTimeline();
        solver.addEventListener(
                event -> timeline.record(event.getTimeMillisSpent(), (HardSoftLongScore) event.getNewBestScore()));
        long start = System.nanoTime();
        MatchingProblem best = solver.solve(problem);
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        // the speed and the best plan's time are only on the implementation's scope
        SolverScope<MatchingProblem> scope = ((DefaultSolver<MatchingProblem>) solver).getSolverScope();
        // a best plan from construction that nothing beats afterwards fires no event: record it too
        Long bestMillis = scope.getBestSolutionTimeMillisSpent();
        timeline.recordFinal(bestMillis == null ? time.toMillis() : bestMillis, best.score());
        long speed = scope.getScoreCalculationSpeed();
        return new SolverRun(Outcome.of(best, best.score(), time), timeline, speed);
    }
}

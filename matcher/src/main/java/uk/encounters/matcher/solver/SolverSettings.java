package uk.encounters.matcher.solver;

import java.time.Duration;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import org.optaplanner.core.config.constructionheuristic.ConstructionHeuristicType;
import org.optaplanner.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.PillarChangeMoveSelectorConfig;
import org.optaplanner.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import org.optaplanner.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.Session;

/**
 * How long and how carefully to solve. {@link #toSolverConfig()} is the one place the solver is
 * configured, for a single solve and for the web app's SolverManager alike.
 *
 * @param timeLimit        stop after this long
 * @param environmentMode  FULL_ASSERT in tests checks every score increment against a full calculation
 */
public record SolverSettings(Duration timeLimit, EnvironmentMode environmentMode) {

    private static final int LATE_ACCEPTANCE_SIZE = 50;

    public static SolverSettings forSeconds(long seconds) {
        return new SolverSettings(Duration.ofSeconds(seconds), EnvironmentMode.REPRODUCIBLE);
    }

    public SolverSettings withEnvironmentMode(EnvironmentMode mode) {
        return new SolverSettings(timeLimit, mode);
    }

    public SolverConfig toSolverConfig() {
        TerminationConfig termination = new TerminationConfig().withSpentLimit(timeLimit);
        return new SolverConfig()
                .withSolutionClass(MatchingProblem.class)
                .withEntityClasses(Session.class)
                .withConstraintProviderClass(MatchingConstraintProvider.class)
                .withEnvironmentMode(environmentMode)
                .withTerminationConfig(termination)
                .withPhases(
                        new ConstructionHeuristicPhaseConfig()
                                .withConstructionHeuristicType(ConstructionHeuristicType.FIRST_FIT_DECREASING),
                        new LocalSearchPhaseConfig()
                                .withMoveSelectorConfig(new UnionMoveSelectorConfig()
                                        .withMoveSelectors(
                                                new ChangeMoveSelectorConfig(),
                                                new SwapMoveSelectorConfig(),
                                                // several places of one request onto one slot at once: a placement
                                                // week's first pupil alone may not pay for the visit, all of them do
                                                new PillarChangeMoveSelectorConfig()))
                                // measured on the benchmark: a short memory climbs far faster than the default
                                // 400; with the placement rules 100 stuck 1.5 % short on a Derby week, 20 lost
                                // a point on another, 50 holds every week within 0.5 % (Mon 7 Dec 2026)
                                .withAcceptorConfig(
                                        new LocalSearchAcceptorConfig().withLateAcceptanceSize(LATE_ACCEPTANCE_SIZE))
                                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1)));
    }
}

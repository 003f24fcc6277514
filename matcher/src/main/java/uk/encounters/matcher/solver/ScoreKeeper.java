package uk.encounters.matcher.solver;

import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.impl.score.director.InnerScoreDirector;
import org.optaplanner.core.impl.score.director.InnerScoreDirectorFactory;
import org.optaplanner.core.impl.solver.DefaultSolverFactory;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.OfferSlot;
import uk.encounters.matcher.domain.Session;

/**
 * Scores a plan incrementally while something other than the solver changes it (the greedy
 * baselines, a coordinator's hand assignment): each change re-scores only what it touches, with
 * the very rules the solver uses.
 */
public final class ScoreKeeper implements AutoCloseable {

    private final InnerScoreDirector<MatchingProblem, HardSoftLongScore> director;

    /** Built once: building it compiles the constraint streams. */
    private static final class Rules {
        static final InnerScoreDirectorFactory<MatchingProblem, HardSoftLongScore> FACTORY = ((DefaultSolverFactory<
                                MatchingProblem>)
                        SolverFactory.<MatchingProblem>create(
                                SolverSettings.forSeconds(1).toSolverConfig()))
                .getScoreDirectorFactory();
    }

    public ScoreKeeper(MatchingProblem problem) {
        this.director = Rules.FACTORY.buildScoreDirector(false, false);
        director.setWorkingSolution(problem);
        director.calculateScore();
    }

    /** Scores a whole plan once, from scratch. */
    public static HardSoftLongScore score(MatchingProblem problem) {
        try (ScoreKeeper keeper = new ScoreKeeper(problem)) {
            HardSoftLongScore score = keeper.score();
            problem.setScore(score);
            return score;
        }
    }

    /** Puts a session on a slot (null to unmatch it) and returns the plan's new score. */
    public HardSoftLongScore assign(Session session, OfferSlot slot) {
        director.beforeVariableChanged(session, "slot");
        session.setSlot(slot);
        director.afterVariableChanged(session, "slot");
        return score();
    }

    public HardSoftLongScore score() {
        return director.calculateScore();
    }

    @Override
    public void close() {
        director.close();
    }
}

package uk.encounters.matcher.baseline;

import java.util.Comparator;
import java.util.List;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.OfferSlot;
import uk.encounters.matcher.domain.Session;
import uk.encounters.matcher.solver.ScoreKeeper;

/**
 * A strong heuristic: sessions sorted by the value their pupils would add (neediest cohorts
 * first), each taking the slot that raises the plan's score most without breaking a hard rule.
 * The solver must beat this too.
 */
public final class PriorityGreedy {

    private PriorityGreedy() {}

    /** Places the problem's unpinned, unmatched sessions in place and returns the problem. */
    public static MatchingProblem plan(MatchingProblem problem) {
        List<Session> queue = problem.sessions().stream()
                .filter(s -> !s.pinned() && !s.matched())
                .sorted(Comparator.comparingLong(PriorityGreedy::firstSessionValue)
                        .reversed()
                        .thenComparingLong(s -> s.request().postedOrder())
                        .thenComparingInt(Session::number))
                .toList();
        try (ScoreKeeper keeper = new ScoreKeeper(problem)) {
            HardSoftLongScore current = keeper.score();
            for (Session session : queue) {
                OfferSlot best = null;
                HardSoftLongScore bestScore = current;
                for (OfferSlot slot : session.candidates()) {
                    HardSoftLongScore score = keeper.assign(session, slot);
                    if (score.hardScore() >= current.hardScore() && score.compareTo(bestScore) > 0) {
                        best = slot;
                        bestScore = score;
                    }
                }
                current = keeper.assign(session, best);
            }
            problem.setScore(current);
        }
        return problem;
    }

    private static long firstSessionValue(Session session) {
        return session.valueAlone();
    }
}

package uk.encounters.matcher.baseline;

import java.util.Comparator;
import java.util.List;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.OfferSlot;
import uk.encounters.matcher.domain.Session;
import uk.encounters.matcher.solver.ScoreKeeper;

/**
 * What brokering by hand or search-and-invite amounts to: requests in the order they were posted,
 * each session taking the nearest slot still free (then the earliest) that breaks no hard rule.
 * The honest baseline the solver is measured against.
 */
public final class FirstComeFirstServed {

    private FirstComeFirstServed() {}

    /** Places the problem's unpinned, unmatched sessions in place and returns the problem. */
    public static MatchingProblem plan(MatchingProblem problem) {
        List<Session> queue = problem.sessions().stream()
                .filter(s -> !s.pinned() && !s.matched())
                .sorted(Comparator.comparingLong((Session s) -> s.request().postedOrder())
                        .thenComparingInt(Session::number))
                .toList();
        try (ScoreKeeper keeper = new ScoreKeeper(problem)) {
            long hard = keeper.score().hardScore();
            for (Session session : queue) {
                List<OfferSlot> nearestFirst = session.candidates().stream()
                        .sorted(Comparator.comparingDouble((OfferSlot slot) ->
                                        session.reachOf(slot.offer()).km())
                                .thenComparing(OfferSlot::startsOn)
                                .thenComparingLong(OfferSlot::id))
                        .toList();
                for (OfferSlot slot : nearestFirst) {
                    if (keeper.assign(session, slot).hardScore() >= hard) {
                        break;
                    }
                    keeper.assign(session, null);
                }
            }
            problem.setScore(keeper.score());
        }
        return problem;
    }
}

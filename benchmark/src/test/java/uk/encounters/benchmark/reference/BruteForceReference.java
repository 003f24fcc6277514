package uk.encounters.benchmark.reference;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.OfferSlot;
import uk.encounters.matcher.domain.Session;
import uk.encounters.matcher.solver.ScoreKeeper;

/**
 * An exact reference for tiny problems: tries every assignment of the unpinned sessions (each
 * candidate slot, or none) and keeps the best feasible one, scored by the matcher's own rules. So
 * its optimum is the matcher's optimum by construction; it stands in for CP-SAT in tests.
 */
public final class BruteForceReference implements ReferenceSolver {

    private static final long MAX_PLANS = 1_000_000;

    private long bestSoft;
    private Map<String, Long> bestAssignment;

    @Override
    public ReferenceResult solve(MatchingProblem problem, Duration timeLimit) {
        long start = System.nanoTime();
        List<Session> free =
                problem.sessions().stream().filter(s -> !s.pinned()).toList();
        long plans = 1;
        for (Session session : free) {
            plans *= session.candidates().size() + 1;
            if (plans > MAX_PLANS) {
                throw new IllegalArgumentException("Too many plans to try one by one: " + plans + "+");
            }
        }
        Map<Session, OfferSlot> before = new HashMap<>();
        free.forEach(s -> before.put(s, s.slot()));
        bestSoft = Long.MIN_VALUE;
        bestAssignment = null;
        try (ScoreKeeper keeper = new ScoreKeeper(problem)) {
            search(free, 0, keeper);
            // leave the problem as it came
            before.forEach(keeper::assign);
        }
        if (bestAssignment == null) {
            throw new IllegalStateException("No feasible plan, not even the empty one");
        }
        return new ReferenceResult(
                bestSoft, bestSoft, true, "OPTIMAL", Duration.ofNanos(System.nanoTime() - start), bestAssignment);
    }

    private void search(List<Session> free, int index, ScoreKeeper keeper) {
        if (index == free.size()) {
            HardSoftLongScore score = keeper.score();
            if (score.isFeasible() && score.softScore() > bestSoft) {
                bestSoft = score.softScore();
                bestAssignment = new HashMap<>();
                for (Session session : free) {
                    if (session.slot() != null) {
                        bestAssignment.put(session.id(), session.slot().id());
                    }
                }
            }
            return;
        }
        Session session = free.get(index);
        keeper.assign(session, null);
        search(free, index + 1, keeper);
        for (OfferSlot slot : session.candidates()) {
            keeper.assign(session, slot);
            search(free, index + 1, keeper);
        }
        keeper.assign(session, null);
    }
}

package uk.encounters.benchmark.reference;

import java.util.HashMap;
import java.util.Map;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.OfferSlot;
import uk.encounters.matcher.domain.Session;

/**
 * Puts a reference solver's plan on the problem, so the matcher's own rules can score it: the
 * two models must agree, or the gap measures the difference between them rather than the solver.
 */
public final class ReferencePlan {

    private ReferencePlan() {}

    /** Places the unpinned sessions as {@code result} says (unmatched when it does not name them). */
    public static MatchingProblem apply(MatchingProblem problem, ReferenceResult result) {
        Map<Long, OfferSlot> slots = new HashMap<>();
        problem.slots().forEach(slot -> slots.put(slot.id(), slot));
        for (Session session : problem.sessions()) {
            if (session.pinned()) {
                continue;
            }
            Long slotId = result.assignment().get(session.id());
            OfferSlot slot = slotId == null ? null : slots.get(slotId);
            if (slotId != null && slot == null) {
                throw new IllegalArgumentException("The reference put session " + session.id() + " on slot " + slotId
                        + ", which is not in the problem");
            }
            session.setSlot(slot);
        }
        return problem;
    }
}

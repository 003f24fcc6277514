package uk.encounters.matcher.explain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.Employer;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.Offer;
import uk.encounters.matcher.domain.OfferSlot;
import uk.encounters.matcher.domain.PupilsMet;
import uk.encounters.matcher.domain.School;
import uk.encounters.matcher.domain.Session;

/** A solved plan looked up the ways explanations need: who holds what, what is used up. */
final class PlanIndex {

    private final Map<Object, List<Session>> byPresenter = new HashMap<>();
    private final Map<OfferSlot, Integer> placementsTaken = new HashMap<>();
    private final Map<Offer, Set<OfferSlot>> slotsByOffer = new HashMap<>();
    private final Map<Employer, Set<OfferSlot>> slotsByEmployer = new HashMap<>();
    private final Map<School, Long> spentBySchool = new HashMap<>();
    private final Map<Cohort, List<Session>> byCohort = new HashMap<>();

    PlanIndex(MatchingProblem problem) {
        for (Session session : problem.sessions()) {
            if (!session.matched()) {
                continue;
            }
            OfferSlot slot = session.slot();
            byPresenter
                    .computeIfAbsent(slot.offer().presenter(), p -> new ArrayList<>())
                    .add(session);
            placementsTaken.merge(slot, 1, Integer::sum);
            slotsByOffer.computeIfAbsent(slot.offer(), o -> new HashSet<>()).add(slot);
            slotsByEmployer
                    .computeIfAbsent(slot.employer(), e -> new HashSet<>())
                    .add(slot);
            spentBySchool.merge(session.school(), session.costPence(), Long::sum);
            for (PupilsMet met : session.pupilsMet()) {
                byCohort.computeIfAbsent(met.cohort(), c -> new ArrayList<>()).add(session);
            }
        }
    }

    /** The sessions that hold the slot's volunteer (or fill its placement week) at that time. */
    List<Session> holding(OfferSlot slot) {
        if (slot.offer().placements()) {
            int taken = placementsTaken.getOrDefault(slot, 0);
            return taken < slot.offer().places()
                    ? List.of()
                    : byPresenter.getOrDefault(slot.offer().presenter(), List.of()).stream()
                            .filter(s -> s.slot() == slot)
                            .toList();
        }
        List<Session> overlapping = byPresenter.getOrDefault(slot.offer().presenter(), List.of()).stream()
                .filter(s -> s.slot().overlaps(slot))
                .toList();
        int sharing = overlapping.stream()
                .filter(s -> s.slot() == slot && s.sharesOnline())
                .mapToInt(Session::pupils)
                .sum();
        // schools share an online session until it is full
        return sharing > 0 && sharing < slot.offer().pupilsMax()
                ? overlapping.stream()
                        .filter(s -> s.slot() != slot || !s.sharesOnline())
                        .toList()
                : overlapping;
    }

    boolean offerFull(OfferSlot slot) {
        Set<OfferSlot> used = slotsByOffer.getOrDefault(slot.offer(), Set.of());
        return !used.contains(slot) && used.size() >= slot.offer().maxSessions();
    }

    boolean employerCapReached(OfferSlot slot) {
        Set<OfferSlot> used = slotsByEmployer.getOrDefault(slot.employer(), Set.of());
        return !used.contains(slot) && used.size() >= slot.employer().sessionCap();
    }

    boolean overBudget(Session session, OfferSlot slot) {
        long cost = slot.offer().costPencePerSession();
        return cost > 0
                && spentBySchool.getOrDefault(session.school(), 0L) + cost
                        > session.school().budgetLeftPence();
    }

    /**
     * Whether the session on the slot would over-book its year group at some half-day, as the hard
     * rule counts it: sessions on different days of a placement week do not add up.
     */
    boolean yearGroupBusy(Session session, OfferSlot slot) {
        for (PupilsMet met : session.pupilsMet()) {
            List<Session> others = sessionsOf(met.cohort()).stream()
                    .filter(other -> other != session && other.slot().overlaps(slot))
                    .toList();
            for (int halfDay = slot.firstHalfDay(); halfDay < slot.endHalfDay(); halfDay++) {
                // an event's pupils are there once, whichever of its stalls are filled
                Map<Object, Integer> present = new HashMap<>();
                present.put(session.occasion(), met.present());
                for (Session other : others) {
                    if (other.slot().firstHalfDay() <= halfDay
                            && halfDay < other.slot().endHalfDay()) {
                        other.pupilsMet().stream()
                                .filter(m -> m.cohort() == met.cohort())
                                .forEach(m -> present.merge(other.occasion(), m.present(), Math::max));
                    }
                }
                if (present.values().stream().mapToInt(Integer::intValue).sum()
                        > met.cohort().pupils()) {
                    return true;
                }
            }
        }
        return false;
    }

    List<Session> sessionsOf(Cohort cohort) {
        return byCohort.getOrDefault(cohort, List.of());
    }
}

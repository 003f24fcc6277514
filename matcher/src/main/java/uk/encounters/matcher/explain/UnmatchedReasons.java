package uk.encounters.matcher.explain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.OfferSlot;
import uk.encounters.matcher.domain.Session;

/**
 * Why a session is unmatched. Without candidates: which of the requirements no offer met. With
 * candidates: what stopped each one, counted by reason, naming the cohorts that took them.
 */
final class UnmatchedReasons {

    private UnmatchedReasons() {}

    static List<String> of(Session session, MatchingProblem problem, PlanIndex plan) {
        if (session.candidates().isEmpty()) {
            return List.of(SupplyGap.of(session.request(), problem));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        Set<Cohort> takers = new LinkedHashSet<>();
        int taken = 0;
        for (OfferSlot slot : session.candidates()) {
            List<Session> holders = plan.holding(slot);
            if (!holders.isEmpty()) {
                holders.forEach(holder -> takers.add(holder.cohort()));
                taken++;
            } else {
                counts.merge(whyNot(session, slot, plan), 1, Integer::sum);
            }
        }
        List<String> reasons = new ArrayList<>();
        if (taken > 0) {
            reasons.add(slots(taken) + " went to cohorts with higher priority: " + names(takers, session.cohort()));
        }
        counts.forEach((reason, count) -> reasons.add(slots(count) + ": " + reason));
        return reasons;
    }

    private static String whyNot(Session session, OfferSlot slot, PlanIndex plan) {
        if (session.request().type().needsSafeguardingCheck() && !slot.offer().safeguardedOn(slot.endsOn())) {
            return "no volunteer with a current safeguarding check";
        } else if (session.request().needsSend() && !slot.offer().sendAdaptable()) {
            return "the employer cannot adapt the session for pupils with SEND";
        } else if (plan.offerFull(slot)) {
            return "the offer's sessions are all taken";
        } else if (plan.employerCapReached(slot)) {
            return "the employer's contact cap for this round is reached";
        } else if (plan.overBudget(session, slot)) {
            return "it costs more than is left of the school's budget";
        } else if (plan.yearGroupBusy(session, slot)) {
            return "the year group is already in other sessions at that time";
        }
        return "free, but another session for this year group would add less than it costs"
                + " (its neediest pupils are already reached, or the trip is long)";
    }

    private static String slots(int count) {
        return count + " suitable slot" + (count == 1 ? "" : "s");
    }

    private static String names(Set<Cohort> cohorts, Cohort own) {
        List<String> names = cohorts.stream()
                .map(c -> c == own ? "another session for the same year group" : c.describe())
                .distinct()
                .toList();
        String shown = String.join("; ", names.subList(0, Math.min(3, names.size())));
        return names.size() > 3 ? shown + " and " + (names.size() - 3) + " more" : shown;
    }
}

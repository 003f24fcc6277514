package uk.encounters.benchmark.instance;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import uk.encounters.marketplace.calendar.Horizon;
import uk.encounters.matcher.domain.Employer;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.Offer;
import uk.encounters.matcher.domain.OfferSlot;
import uk.encounters.matcher.domain.ProblemBuilder;
import uk.encounters.matcher.solver.MatchingWeights;

/**
 * The most sessions a hub's offers could give in the horizon: each offer's slots there, no more
 * than its maximum sessions, no more per employer than its cap for the round. An upper bound:
 * it ignores that a volunteer is in one place at a time and that a slot must suit a request.
 */
final class Supply {

    private Supply() {}

    static long sessions(Collection<Offer> offers, Horizon horizon) {
        ProblemBuilder builder = new ProblemBuilder(
                horizon.start(), horizon.end(), horizon.schoolDays(), MatchingWeights.defaultWeights());
        offers.forEach(builder::offer);
        MatchingProblem slotsOnly = builder.build();
        Map<Offer, Integer> slots = new HashMap<>();
        for (OfferSlot slot : slotsOnly.slots()) {
            slots.merge(slot.offer(), 1, Integer::sum);
        }
        Map<Employer, Long> byEmployer = new HashMap<>();
        slots.forEach((offer, count) -> {
            long usable = Math.min(offer.maxSessions(), count);
            // a placement week hosts one pupil per place, each a session of its own
            byEmployer.merge(offer.employer(), offer.placements() ? usable * offer.places() : usable, Long::sum);
        });
        long sessions = 0;
        for (Map.Entry<Employer, Long> entry : byEmployer.entrySet()) {
            sessions += Math.min(entry.getKey().sessionCap(), entry.getValue());
        }
        return sessions;
    }
}

package uk.encounters.marketplace.event;

import java.time.LocalDate;
import java.util.List;
import uk.encounters.matcher.domain.Period;

/**
 * What someone posting an event says about it: what, when, where, how many pupils it takes and the
 * stalls it wants. A school's event is at the school, so its venue fields are empty; a hub's is at
 * a venue or online.
 *
 * @param capacity   the pupils the venue takes in all, or null for no limit
 * @param signUpBy   the last day schools may sign up to a hub's event, or null
 */
public record EventDetails(
        EventKind kind,
        String title,
        LocalDate heldOn,
        Period period,
        String venueName,
        String venuePostcode,
        boolean online,
        Integer capacity,
        LocalDate signUpBy,
        List<StallsWanted> stalls) {

    public EventDetails {
        stalls = List.copyOf(stalls);
        if (stalls.isEmpty()) {
            throw new IllegalArgumentException("An event wants at least one stall");
        }
    }

    public int stallCount() {
        return stalls.stream().mapToInt(StallsWanted::stalls).sum();
    }
}

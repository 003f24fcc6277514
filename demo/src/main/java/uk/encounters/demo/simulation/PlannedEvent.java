package uk.encounters.demo.simulation;

import java.time.LocalDate;
import java.util.List;
import uk.encounters.marketplace.event.EventDetails;
import uk.encounters.marketplace.event.EventKind;
import uk.encounters.marketplace.event.StallsWanted;
import uk.encounters.matcher.domain.Period;

/**
 * An event drawn for the year before play, posted identically in every arm: a school's own (its
 * URN, the one year group going) or the hub's (no URN; the schools that sign up, in sign-up order).
 *
 * @param capacity the pupils a hub event's venue takes; null for a school's own
 * @param signUpBy the last day to sign up to a hub event; null for a school's own
 * @param venuePostcode where a hub event is, placed as the app places it; null for a school's own
 */
record PlannedEvent(
        Integer urn,
        EventKind kind,
        String title,
        LocalDate heldOn,
        Period period,
        int stalls,
        Integer capacity,
        LocalDate signUpBy,
        String venuePostcode,
        List<Going> going) {

    /** A year group of a school going, and how many of its pupils. */
    record Going(int urn, int yearGroup, int pupils) {}

    PlannedEvent {
        going = List.copyOf(going);
    }

    boolean hubEvent() {
        return urn == null;
    }

    /** As the event forms post it: stalls from any sector. */
    EventDetails details() {
        return new EventDetails(
                kind,
                title,
                heldOn,
                period,
                hubEvent() ? "Citywide careers fair venue" : null,
                venuePostcode,
                false,
                capacity,
                signUpBy,
                List.of(new StallsWanted(null, stalls)));
    }
}

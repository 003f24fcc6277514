package uk.encounters.marketplace.employer;

import java.util.List;
import java.util.Optional;

/**
 * One organisation that gives encounters; SMEs and cornerstone employers alike.
 *
 * @param presences the hubs it works with, the first it joined first; each hub's cornerstone mark
 *     and cap on asks are that hub's own
 */
public record Employer(
        long id,
        String name,
        String postcode,
        String sizeBand,
        String sector,
        String emailDomain,
        Long mergedIntoId,
        List<HubPresence> presences) {

    public Employer {
        presences = List.copyOf(presences);
    }

    public boolean merged() {
        return mergedIntoId != null;
    }

    public Optional<HubPresence> in(long hubId) {
        return presences.stream().filter(p -> p.hubId() == hubId).findFirst();
    }

    public boolean presentIn(long hubId) {
        return in(hubId).isPresent();
    }

    public boolean cornerstoneIn(long hubId) {
        return in(hubId).map(HubPresence::cornerstone).orElse(false);
    }
}

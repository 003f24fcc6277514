package uk.encounters.web.employer;

import java.time.Duration;
import java.util.List;
import uk.encounters.marketplace.hub.HubRepository;
import uk.encounters.web.Blocking;

/**
 * The hubs an SME chooses among on the public offer form. Hubs are created a few times a year,
 * and the form is the busiest public page, so the list is read at most once a minute rather than
 * for every view and post. A hub created here shows at once; one created through another instance
 * shows within the minute.
 */
public final class HubChoices {

    static final Duration FRESH_FOR = Duration.ofMinutes(1);

    private final HubRepository hubRepository;
    private final Blocking blocking;
    private volatile Snapshot snapshot;

    private record Snapshot(List<HubRepository.Hub> hubs, long readAtNanos) {}

    public HubChoices(HubRepository hubRepository, Blocking blocking) {
        this.hubRepository = hubRepository;
        this.blocking = blocking;
    }

    /** Every hub, by name. */
    public List<HubRepository.Hub> all() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.readAtNanos() > FRESH_FOR.toNanos()) {
            long readAt = System.nanoTime();
            current = new Snapshot(blocking.call(hubRepository::findAll), readAt);
            snapshot = current;
        }
        return current.hubs();
    }

    /** After a hub is created: the next form reads the list again. */
    public void forget() {
        snapshot = null;
    }
}

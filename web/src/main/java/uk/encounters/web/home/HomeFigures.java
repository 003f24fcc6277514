package uk.encounters.web.home;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.encounters.marketplace.hub.HubRepository;
import uk.encounters.marketplace.hub.HubSummary;
import uk.encounters.web.Blocking;

/**
 * The home page's figures for every hub, read at most twice a minute per instance. The page is
 * public and the busiest there is, and counting England's live offers and open requests costs tens
 * to hundreds of milliseconds of the database's time; figures half a minute old tell a visitor the
 * same. When they are due, one request starts reading them again in the background and every
 * request is shown the previous ones until the new ones are in, so no visitor waits for the count.
 */
final class HomeFigures {

    static final Duration FRESH_FOR = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(HomeFigures.class);

    private final HubRepository hubs;
    private final Blocking blocking;
    private final Duration freshFor;
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile Snapshot snapshot;

    private record Snapshot(List<HubSummary> hubs, LocalDate day, long readAtNanos) {}

    HomeFigures(HubRepository hubs, Blocking blocking) {
        this(hubs, blocking, FRESH_FOR);
    }

    HomeFigures(HubRepository hubs, Blocking blocking, Duration freshFor) {
        this.hubs = hubs;
        this.blocking = blocking;
        this.freshFor = freshFor;
    }

    List<HubSummary> on(LocalDate today) {
        Snapshot current = snapshot;
        if (current == null) {
            // the first visitor after a start waits: there is nothing older to show
            current = blocking.call(() -> read(today));
            snapshot = current;
            return current.hubs();
        }
        boolean due = !current.day().equals(today) || System.nanoTime() - current.readAtNanos() >= freshFor.toNanos();
        if (due && reading.compareAndSet(false, true)) {
            blocking.start(() -> read(today))
                    .onSuccess(newer -> snapshot = newer)
                    .onFailure(e -> log.warn("Could not read the home page's figures again: {}", e.toString()))
                    .onComplete(done -> reading.set(false));
        }
        return current.hubs();
    }

    private Snapshot read(LocalDate today) {
        long readAt = System.nanoTime();
        return new Snapshot(hubs.findSummaries(today), today, readAt);
    }
}

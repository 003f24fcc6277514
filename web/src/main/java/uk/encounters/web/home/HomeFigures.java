package uk.encounters.web.home;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import uk.encounters.marketplace.hub.HubRepository;
import uk.encounters.marketplace.hub.HubSummary;
import uk.encounters.web.Blocking;

/**
 * The home page's figures for every hub, read at most twice a minute per instance. The page is
 * public and the busiest there is, and counting England's live offers and open requests costs tens
 * of milliseconds of the database's time; figures half a minute old tell a visitor the same. One
 * request reads them again when they are due while the others are shown the previous ones.
 */
final class HomeFigures {

    static final Duration FRESH_FOR = Duration.ofSeconds(30);

    private final HubRepository hubs;
    private final Blocking blocking;
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile Snapshot snapshot;

    private record Snapshot(List<HubSummary> hubs, LocalDate day, long readAtNanos) {

        boolean freshFor(LocalDate today) {
            return day.equals(today) && System.nanoTime() - readAtNanos < FRESH_FOR.toNanos();
        }
    }

    HomeFigures(HubRepository hubs, Blocking blocking) {
        this.hubs = hubs;
        this.blocking = blocking;
    }

    List<HubSummary> on(LocalDate today) {
        Snapshot current = snapshot;
        if (current != null && (current.freshFor(today) || !reading.compareAndSet(false, true))) {
            return current.hubs(); // fresh, or someone is reading newer ones already
        }
        try {
            long readAt = System.nanoTime();
            current = new Snapshot(blocking.call(() -> hubs.findSummaries(today)), today, readAt);
            snapshot = current;
            return current.hubs();
        } finally {
            reading.set(false);
        }
    }
}

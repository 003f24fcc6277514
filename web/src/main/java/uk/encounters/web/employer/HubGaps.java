package uk.encounters.web.employer;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import uk.encounters.marketplace.hub.GapsNearby;
import uk.encounters.marketplace.hub.HubFigures;
import uk.encounters.web.Blocking;

/**
 * Each hub's supply gaps as employers are shown them, read at most once every five minutes per
 * hub. The public offer form shows them for any postcode typed, so anyone could ask for them as
 * often as they like; the read walks every open request of the hub, while picking those near a
 * postcode from the last reading takes no query at all. Requests that find a reading under way
 * wait for that one rather than starting another. Gaps change when a round is published or a
 * school asks, so five minutes old tells an employer the same.
 */
public final class HubGaps {

    static final Duration FRESH_FOR = Duration.ofMinutes(5);

    private final HubFigures figures;
    private final Blocking blocking;
    private final Clock clock;
    private final Map<Long, Reading> readings = new ConcurrentHashMap<>();

    private record Reading(Future<GapsNearby> gaps, Instant readAt, LocalDate day) {}

    public HubGaps(HubFigures figures, Blocking blocking, Clock clock) {
        this.figures = figures;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** The hub's gaps as last read, read again first when that was too long ago or failed. */
    public GapsNearby of(long hubId) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        Reading reading = readings.compute(
                hubId,
                (id, last) -> last == null || stale(last, now, today)
                        ? new Reading(blocking.start(() -> figures.gapsNearby(id, today)), now, today)
                        : last);
        return Future.await(reading.gaps());
    }

    private static boolean stale(Reading reading, Instant now, LocalDate today) {
        return reading.gaps().failed()
                || !reading.day().equals(today)
                || !now.isBefore(reading.readAt().plus(FRESH_FOR));
    }
}

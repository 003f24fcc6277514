package uk.encounters.web.observe;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import uk.encounters.marketplace.outbox.Backlog;
import uk.encounters.marketplace.outbox.Outbox;

/**
 * The outbox backlog as gauges. A scrape reads the figures of the last refresh; the refresh (one
 * cheap query) runs on a timer, so however often Prometheus scrapes, the database is asked once
 * per {@link #REFRESH_EVERY}. Until the first refresh the gauges read NaN; while the database is
 * away they keep the last figures (readiness says the database is away).
 */
public final class OutboxBacklogMetrics {

    public static final Duration REFRESH_EVERY = Duration.ofSeconds(15);

    private final Outbox outbox;
    private volatile Backlog latest;

    public OutboxBacklogMetrics(Outbox outbox, MeterRegistry registry) {
        this.outbox = outbox;
        gauge(
                registry,
                "encounters.outbox.due",
                "messages",
                "Messages that could be sent now: unsent, due and not given up on",
                b -> b.due());
        gauge(
                registry,
                "encounters.outbox.gave.up",
                "messages",
                "Messages the worker gave up on after its last attempt; they wait for a person at /admin/outbox",
                b -> b.gaveUp());
        gauge(
                registry,
                "encounters.outbox.oldest.unsent.age",
                "seconds",
                "How long the oldest message still being tried has waited since it was written (0 when none)",
                b -> b.oldestUnsent().toMillis() / 1000.0);
    }

    /** Blocking: one query. */
    public void refresh() {
        latest = outbox.backlog();
    }

    private void gauge(
            MeterRegistry registry, String name, String unit, String description, ToDoubleFunction<Backlog> value) {
        Gauge.builder(name, this, m -> m.latest == null ? Double.NaN : value.applyAsDouble(m.latest))
                .baseUnit(unit)
                .description(description)
                .register(registry);
    }
}

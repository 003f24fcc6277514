package uk.encounters.web.mail;

import java.time.Duration;
import uk.encounters.marketplace.outbox.Backoff;

/**
 * How the {@link OutboxWorker} paces itself. The lease must outlast a whole batch of sends that
 * each take up to {@code sendTimeout}, or another instance could claim and resend a message
 * still being sent.
 */
public record DeliveryTiming(
        Duration pollInterval, int batchSize, Duration sendTimeout, Duration lease, Backoff backoff) {

    public static final DeliveryTiming STANDARD = new DeliveryTiming(
            Duration.ofSeconds(5), 10, Duration.ofSeconds(30), Duration.ofMinutes(10), Backoff.STANDARD);

    public DeliveryTiming {
        if (pollInterval.toMillis() < 1 || sendTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("pollInterval and sendTimeout must be at least 1 ms");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        if (lease.compareTo(sendTimeout.multipliedBy(batchSize)) <= 0) {
            throw new IllegalArgumentException("lease must be longer than batchSize x sendTimeout");
        }
    }
}

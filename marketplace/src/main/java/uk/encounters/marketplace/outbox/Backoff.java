package uk.encounters.marketplace.outbox;

import java.time.Duration;
import java.util.Optional;

/**
 * How long to wait before trying a failed message again: {@code first}, then doubling up to
 * {@code longest}, and no more tries once {@code maxAttempts} have failed. Every failure is
 * retried, even a permanent-looking 5xx, because a misconfigured or briefly refusing relay
 * answers 5xx too; a message that never gets through is left for a person to see on the admin
 * outbox page.
 */
public record Backoff(Duration first, Duration longest, int maxAttempts) {

    /** 30 s doubling to 1 h, 15 attempts: about eight hours, so a day-long SMTP outage needs a look. */
    public static final Backoff STANDARD = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), 15);

    public Backoff {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first <= longest");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The wait after the {@code failedAttempts}-th failure, or empty when it is time to give up. */
    public Optional<Duration> retryAfter(int failedAttempts) {
        if (failedAttempts >= maxAttempts) {
            return Optional.empty();
        }
        // Capping the exponent keeps the multiplication from overflowing; longest caps the rest.
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration wait = first.multipliedBy(1L << doublings);
        return Optional.of(wait.compareTo(longest) > 0 ? longest : wait);
    }
}

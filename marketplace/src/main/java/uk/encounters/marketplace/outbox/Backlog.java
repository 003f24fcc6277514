package uk.encounters.marketplace.outbox;

import java.time.Duration;

/**
 * The outbox as an operator watches it.
 *
 * @param due            messages that could be sent now: unsent, due, and not given up on
 * @param gaveUp         messages the worker gave up on after its last attempt (they wait for a person)
 * @param oldestUnsent   how long the oldest message still being tried has waited since it was written
 *                       (zero when none is waiting)
 */
public record Backlog(int due, int gaveUp, Duration oldestUnsent) {}

package uk.encounters.marketplace.outbox;

/** A message a worker has claimed and is about to send; {@code attempts} counts earlier failures. */
public record PendingMessage(long id, OutboxMessage message, int attempts) {}

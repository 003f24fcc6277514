package uk.encounters.marketplace.outbox;

import java.time.OffsetDateTime;

/**
 * One outbox row as the admin outbox page shows it, its links redacted.
 *
 * @param availableAt when the next attempt is due; null once the worker has given up
 * @param lastError   why the latest attempt failed, or null
 * @param sentAt      when it was sent, or null
 */
public record OutboxEntry(
        long id,
        String kind,
        String recipient,
        String subject,
        String bodyText,
        OffsetDateTime createdAt,
        OffsetDateTime availableAt,
        int attempts,
        String lastError,
        OffsetDateTime sentAt) {

    /** Its links shown as slots: the outbox holds no live link, and its reader sees none. */
    public OutboxEntry {
        bodyText = LinkSlots.redacted(bodyText);
    }

    public enum Status {
        PENDING,
        SENT,
        GAVE_UP
    }

    public Status status() {
        if (sentAt != null) {
            return Status.SENT;
        }
        return availableAt == null ? Status.GAVE_UP : Status.PENDING;
    }
}

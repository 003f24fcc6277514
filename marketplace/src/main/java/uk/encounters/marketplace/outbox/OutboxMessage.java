package uk.encounters.marketplace.outbox;

import java.util.List;

/**
 * A notification to send, written to the outbox in the same transaction as the change that
 * causes it. The idempotency key names the event (e.g. {@code booking-confirmed:42:school}), so
 * enqueueing the same event twice writes one message.
 *
 * @param bodyHtml    an HTML alternative to {@code bodyText}, or null for plain text only
 * @param attachments files sent with it, such as a calendar invitation
 * @param linkTokenIds the secret links it carries, as {@link LinkSlots} in its bodies, made when it is sent
 */
public record OutboxMessage(
        String idempotencyKey,
        String kind,
        String recipient,
        String subject,
        String bodyText,
        String bodyHtml,
        List<Attachment> attachments,
        List<Long> linkTokenIds) {

    public OutboxMessage(
            String idempotencyKey, String kind, String recipient, String subject, String bodyText, String bodyHtml) {
        this(idempotencyKey, kind, recipient, subject, bodyText, bodyHtml, List.of(), List.of());
    }

    public OutboxMessage(
            String idempotencyKey,
            String kind,
            String recipient,
            String subject,
            String bodyText,
            String bodyHtml,
            List<Attachment> attachments) {
        this(idempotencyKey, kind, recipient, subject, bodyText, bodyHtml, attachments, List.of());
    }

    /** The same message under another key: a copy of it sent to someone else. */
    public OutboxMessage keyedAs(String key) {
        return new OutboxMessage(key, kind, recipient, subject, bodyText, bodyHtml, attachments, linkTokenIds);
    }

    public OutboxMessage {
        attachments = List.copyOf(attachments);
        linkTokenIds = List.copyOf(linkTokenIds);
        // Checked here so a caller gets a clear message instead of a constraint violation that
        // rolls back the change the notification belongs to.
        requireText("idempotencyKey", idempotencyKey, 200);
        requireText("kind", kind, 40);
        requireText("recipient", recipient, 320);
        requireText("subject", subject, 300);
        if (bodyText == null) {
            throw new IllegalArgumentException("bodyText is required");
        }
        // A line break in a header value would let it smuggle in extra headers or recipients.
        requireOneLine("recipient", recipient);
        requireOneLine("subject", subject);
    }

    /** The same message with other bodies: its links filled in, as sent. */
    public OutboxMessage withBodies(String text, String html) {
        return new OutboxMessage(idempotencyKey, kind, recipient, subject, text, html, attachments, linkTokenIds);
    }

    private static void requireText(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(name + " must be at most " + maxLength + " characters");
        }
    }

    private static void requireOneLine(String name, String value) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(name + " must be a single line");
        }
    }
}

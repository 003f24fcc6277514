package uk.encounters.marketplace.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A notification to send, written to the outbox in the same transaction as the change that
 * causes it. The idempotency key names the event (e.g. {@code booking-confirmed:42:school}), so
 * enqueueing the same event twice writes one message.
 *
 * @param bodyHtml    an HTML alternative to {@code bodyText}, or null for plain text only
 * @param attachments files sent with it, such as a calendar invitation
 * @param linkTokenIds the secret links it carries, as {@link LinkSlots} in its bodies, made when it is sent
 * @param replyTo     where replies go (one address, or several separated by commas), or null: nobody reads
 *     replies to the sending address
 * @param listUnsubscribe the slot of the link (one of {@code linkTokenIds}) that stops messages like it, for the
 *     List-Unsubscribe header, or null for a message its reader cannot stop (a sign-in link, a cancellation)
 */
public record OutboxMessage(
        String idempotencyKey,
        String kind,
        String recipient,
        String subject,
        String bodyText,
        String bodyHtml,
        List<Attachment> attachments,
        List<Long> linkTokenIds,
        String replyTo,
        String listUnsubscribe) {

    // what may go between the angle brackets of a List-Unsubscribe header
    private static final Pattern WEB_ADDRESS = Pattern.compile("https?://[!-~&&[^<>]]{1,2000}");

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
            List<Attachment> attachments,
            List<Long> linkTokenIds) {
        this(idempotencyKey, kind, recipient, subject, bodyText, bodyHtml, attachments, linkTokenIds, null, null);
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
        return new OutboxMessage(
                key, kind, recipient, subject, bodyText, bodyHtml, attachments, linkTokenIds, replyTo, listUnsubscribe);
    }

    /** The same message, replies to which go to {@code addresses} (none: to nobody). */
    public OutboxMessage repliedTo(ReplyAddresses addresses) {
        return new OutboxMessage(
                idempotencyKey,
                kind,
                recipient,
                subject,
                bodyText,
                bodyHtml,
                attachments,
                linkTokenIds,
                addresses.header().orElse(null),
                listUnsubscribe);
    }

    /**
     * The same message, which its reader stops by link {@code linkId} (their contact preferences),
     * offered by the List-Unsubscribe header and at the foot of the message.
     */
    public OutboxMessage stoppedBy(long linkId) {
        List<Long> links = new ArrayList<>(linkTokenIds);
        links.add(linkId);
        String slot = LinkSlots.slot(linkId);
        String footer = "\n--\nAsked too often? Pause or stop these requests: " + slot + "\n";
        return new OutboxMessage(
                idempotencyKey,
                kind,
                recipient,
                subject,
                bodyText + footer,
                bodyHtml,
                attachments,
                links,
                replyTo,
                slot);
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
        if (replyTo != null) {
            requireText("replyTo", replyTo, 1000);
            requireOneLine("replyTo", replyTo);
        }
        if (listUnsubscribe != null
                && !LinkSlots.isSlot(listUnsubscribe)
                && !WEB_ADDRESS.matcher(listUnsubscribe).matches()) {
            throw new IllegalArgumentException("listUnsubscribe must be a link's slot or, as sent, its web address");
        }
    }

    /** The same message with other bodies: its links filled in, as sent. */
    public OutboxMessage withBodies(String text, String html) {
        return new OutboxMessage(
                idempotencyKey,
                kind,
                recipient,
                subject,
                text,
                html,
                attachments,
                linkTokenIds,
                replyTo,
                listUnsubscribe);
    }

    /** The same message with its List-Unsubscribe slot filled (or null when the link cannot be used), as sent. */
    public OutboxMessage withListUnsubscribe(String url) {
        return new OutboxMessage(
                idempotencyKey, kind, recipient, subject, bodyText, bodyHtml, attachments, linkTokenIds, replyTo, url);
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

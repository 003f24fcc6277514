package uk.encounters.web;

import static uk.encounters.marketplace.jooq.Tables.OUTBOX;

import java.util.List;
import uk.encounters.marketplace.outbox.OutboxMessage;
import uk.encounters.web.account.Links;
import uk.encounters.web.mail.MessageLinks;

/**
 * What a person finds in their inbox: the latest outbox message to them, as the outbox worker
 * sends it (its links made then, by the same code), so a test can follow a link as they would.
 */
public final class Mailbox {

    private Mailbox() {}

    /** The text of the latest message to {@code recipient}, links and all. */
    public static String latestTo(RunningApp app, String recipient) {
        return latestMessageTo(app, recipient).bodyText();
    }

    public static OutboxMessage latestMessageTo(RunningApp app, String recipient) {
        OutboxMessage stored = app.database()
                .dsl()
                .select(
                        OUTBOX.IDEMPOTENCY_KEY,
                        OUTBOX.KIND,
                        OUTBOX.RECIPIENT,
                        OUTBOX.SUBJECT,
                        OUTBOX.BODY_TEXT,
                        OUTBOX.BODY_HTML,
                        OUTBOX.LINK_TOKEN_IDS)
                .from(OUTBOX)
                .where(OUTBOX.RECIPIENT.eq(recipient))
                .orderBy(OUTBOX.ID.desc())
                .limit(1)
                .fetchOptional(r -> new OutboxMessage(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value6(),
                        List.of(),
                        List.of(r.value7())))
                .orElseThrow(() -> new AssertionError("no email to " + recipient));
        return new MessageLinks(app.database().dsl(), new Links(app.url("")), app.clock()).asSent(stored);
    }
}

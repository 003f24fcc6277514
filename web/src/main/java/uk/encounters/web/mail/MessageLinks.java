package uk.encounters.web.mail;

import java.time.Clock;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.outbox.LinkSlots;
import uk.encounters.marketplace.outbox.OutboxMessage;
import uk.encounters.web.account.Links;

/**
 * Puts a message's live links into it as it is sent: a fresh secret for each link it lists, saved
 * (as a hash) before the message leaves, so the link works when it arrives.
 */
public final class MessageLinks {

    private final DSLContext dsl;
    private final Links links;
    private final Clock clock;

    public MessageLinks(DSLContext dsl, Links links, Clock clock) {
        this.dsl = dsl;
        this.links = links;
        this.clock = clock;
    }

    /** The app's host name, the right-hand side of its messages' ids. */
    public String host() {
        return links.host();
    }

    /** The message as sent; blocking (one statement per link). */
    public OutboxMessage asSent(OutboxMessage message) {
        if (message.linkTokenIds().isEmpty()) {
            return message;
        }
        return dsl.transactionResult(c -> {
            LoginTokenRepository tokens = new LoginTokenRepository(c.dsl(), clock);
            return LinkSlots.filled(message, id -> tokens.mint(id).map(links::url));
        });
    }
}

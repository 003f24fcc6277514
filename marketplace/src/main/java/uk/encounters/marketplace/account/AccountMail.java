package uk.encounters.marketplace.account;

import uk.encounters.marketplace.outbox.OutboxMessage;

/**
 * The emails about a person's account. Their text and addresses are written where the app's
 * paths are known (the web layer); the use cases here decide only when one is sent, so the
 * marketplace never knows a web path. Each message holds a slot for its link, filled with a fresh
 * secret when it is sent.
 */
public interface AccountMail {

    /** To someone given a scope who had no account: choose a password. */
    OutboxMessage invitation(String email, String name, String invitedTo, long linkId);

    OutboxMessage passwordReset(String email, long linkId);

    /** A link that signs in once, for someone without a password. */
    OutboxMessage magicLink(String email, long linkId);
}

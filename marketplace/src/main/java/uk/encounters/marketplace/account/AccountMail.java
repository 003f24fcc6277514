package uk.encounters.marketplace.account;

import java.util.List;
import uk.encounters.marketplace.outbox.OutboxMessage;

/**
 * The emails about a person's account. Their text and addresses are written where the app's
 * paths are known (the web layer); the use cases here decide only when one is sent, so the
 * marketplace never knows a web path. Each message holds a slot for its link, filled with a fresh
 * secret when it is sent.
 */
public interface AccountMail {

    /** One organisation a person is asked to manage, with the link that accepts it (and only it). */
    record OrganisationToAccept(String name, long linkId) {}

    /** To someone given a scope who had no account: choose a password. */
    OutboxMessage invitation(String email, String name, String invitedTo, long linkId);

    OutboxMessage passwordReset(String email, long linkId);

    /** A link that signs in once, for someone without a password. */
    OutboxMessage magicLink(String email, long linkId);

    /**
     * To someone with an account whom a hub's imported contact list names as the contact of
     * organisations new to the hub: each is theirs only if they accept it, by its own link.
     */
    OutboxMessage organisationInvitation(
            String email, String name, String hubName, List<OrganisationToAccept> organisations);
}

package uk.encounters.web.account;

import java.time.Clock;
import java.util.Optional;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.Scope;

/**
 * Gives a person a scope inside the caller's transaction: {@link
 * uk.encounters.marketplace.account.Invitations} with this app's emails. Kept for the callers that
 * still pass their transaction (the hub's people page, the command line); new callers use the
 * marketplace class, which owns its transaction.
 */
public final class Invitations {

    private final Links links;
    private final Clock clock;

    public Invitations(Links links, Clock clock) {
        this.links = links;
        this.clock = clock;
    }

    /**
     * @param invitedBy the person inviting, or null when an operator runs it from the command line
     * @return the new account's id when one was made; empty when an existing one got the scope
     */
    public Optional<Long> invite(
            DSLContext tx, String email, String name, Scope scope, String invitedAs, Long invitedBy, String ipAddress) {
        return new uk.encounters.marketplace.account.Invitations(tx, clock, links)
                .invite(new Actor(invitedBy, ipAddress), email, name, scope, invitedAs);
    }
}

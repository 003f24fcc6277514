package uk.encounters.marketplace.hub;

import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.Scope;

/**
 * A coordinator makes someone a careers leader at one of the hub's schools: a new person gets an
 * account and an emailed invitation, someone known gets the scope added. The account, scope,
 * email and audit entry are one transaction, which this owns.
 */
public final class CareersLeaderInvitation {

    /**
     * Gives a person a scope within the caller's transaction, with the invitation email and the
     * audit entry. The web supplies it: the email's link is an address only the web knows.
     */
    @FunctionalInterface
    public interface Invite {
        void invite(DSLContext tx, String email, String name, Scope scope, String invitedAs, Actor by);
    }

    private final DSLContext dsl;
    private final Invite invite;

    public CareersLeaderInvitation(DSLContext dsl, Invite invite) {
        this.dsl = dsl;
        this.invite = invite;
    }

    /** {@code school} is one of the hub's: the caller has checked. */
    public void invite(Actor actor, HubRepository.SchoolName school, String name, String email) {
        dsl.transaction(c -> invite.invite(
                c.dsl(), email, name, Scope.careersLeader(school.id()), "careers leader at " + school.name(), actor));
    }
}

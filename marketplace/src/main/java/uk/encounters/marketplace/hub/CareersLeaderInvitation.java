package uk.encounters.marketplace.hub;

import java.time.Clock;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.AccountMail;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.Invitations;
import uk.encounters.marketplace.account.Scope;

/**
 * A coordinator makes someone a careers leader at one of the hub's schools: a new person gets an
 * account and an emailed invitation, someone known gets the scope added. The account, scope,
 * email and audit entry are one transaction, which this owns.
 */
public final class CareersLeaderInvitation {

    private final DSLContext dsl;
    private final Clock clock;
    /** The email's words and its link, an address only the web knows. */
    private final AccountMail mail;

    public CareersLeaderInvitation(DSLContext dsl, Clock clock, AccountMail mail) {
        this.dsl = dsl;
        this.clock = clock;
        this.mail = mail;
    }

    /** {@code school} is one of the hub's: the caller has checked. */
    public void invite(Actor actor, HubRepository.SchoolName school, String name, String email) {
        dsl.transaction(c -> new Invitations(c.dsl(), clock, mail)
                .invite(actor, email, name, Scope.careersLeader(school.id()), "careers leader at " + school.name()));
    }
}

package uk.encounters.marketplace.hub;

import java.time.Clock;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.AccountMail;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.Invitations;
import uk.encounters.marketplace.account.Role;
import uk.encounters.marketplace.account.Scope;

/**
 * A coordinator gives someone a role at one of the hub's schools, careers leader or enterprise
 * adviser: a new person gets an account and an emailed invitation, someone known gets the scope
 * added. The account, scope, email and audit entry are one transaction, which this owns.
 */
public final class SchoolInvitation {

    private final DSLContext dsl;
    private final Clock clock;
    /** The email's words and its link, an address only the web knows. */
    private final AccountMail mail;

    public SchoolInvitation(DSLContext dsl, Clock clock, AccountMail mail) {
        this.dsl = dsl;
        this.clock = clock;
        this.mail = mail;
    }

    /**
     * {@code school} is one of the hub's: the caller has checked.
     *
     * @param role {@link Role#CAREERS_LEADER} or {@link Role#ENTERPRISE_ADVISER}
     */
    public void invite(Actor actor, HubRepository.SchoolName school, Role role, String name, String email) {
        Scope scope = switch (role) {
            case CAREERS_LEADER -> Scope.careersLeader(school.id());
            case ENTERPRISE_ADVISER -> Scope.enterpriseAdviser(school.id());
            default -> throw new IllegalArgumentException(role + " is not a role at a school");
        };
        String what = role == Role.CAREERS_LEADER ? "careers leader at " : "enterprise adviser to ";
        dsl.transaction(
                c -> new Invitations(c.dsl(), clock, mail).invite(actor, email, name, scope, what + school.name()));
    }
}

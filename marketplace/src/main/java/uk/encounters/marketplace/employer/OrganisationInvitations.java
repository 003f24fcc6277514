package uk.encounters.marketplace.employer;

import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.HUB;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Records;
import uk.encounters.marketplace.account.Account;
import uk.encounters.marketplace.account.AccountMail;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.account.LoginTokenRepository.Purpose;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.hub.HubRepository;
import uk.encounters.marketplace.outbox.Outbox;

/**
 * An organisation's invitation: the emailed link that asks someone who already has an account
 * whether to manage an organisation a hub's imported list names them as the contact of
 * ({@link EmployerBankImport}), and their answer. The link is bound to the organisation and to that account; accepting
 * adds the organisation to the account and nothing else (it signs nobody in, so a second factor
 * still guards the account). Each answer spends the link and is audited, in one transaction.
 */
public final class OrganisationInvitations {

    /** An organisation new to the hub, to be asked about. */
    public record Organisation(long employerId, String name) {}

    /** What the link's page shows: which organisation, from which hub, for whom. */
    public record Invitation(long employerId, String organisation, String hubName, long userId, String email) {}

    public enum Outcome {
        ACCEPTED,
        DECLINED,
        /** The link is not one for this organisation, or was used, or has run out. */
        NOT_FOUND,
        /** Someone else is signed in in this browser: nothing changed. */
        SOMEONE_ELSE
    }

    /**
     * @param employerId the organisation as it now stands (the one it was merged into, if it was)
     * @param userId whose account the answer was for; null when nothing was found
     */
    public record Answer(Outcome outcome, long employerId, String organisation, Long userId) {

        static Answer of(Outcome outcome) {
            return new Answer(outcome, 0, null, null);
        }
    }

    private final DSLContext dsl;
    private final Clock clock;
    private final AccountMail mail;

    /** Run over another transaction's {@code DSLContext}, each change joins that one (as a savepoint). */
    public OrganisationInvitations(DSLContext dsl, Clock clock, AccountMail mail) {
        this.dsl = dsl;
        this.clock = clock;
        this.mail = mail;
    }

    /**
     * Asks someone who has an account already to accept each of these organisations, which a hub's
     * list names them as the contact of: one email, one link per organisation (bound to it and to
     * their account), one audit entry. Nothing is granted until they accept.
     */
    public void ask(Actor actor, long hubId, Account account, List<Organisation> organisations) {
        dsl.transaction(c -> {
            DSLContext tx = c.dsl();
            LoginTokenRepository tokens = new LoginTokenRepository(tx, clock);
            List<AccountMail.OrganisationToAccept> links = organisations.stream()
                    .map(o -> new AccountMail.OrganisationToAccept(
                            o.name(), tokens.issueOrganisationInvitation(account.id(), o.employerId())))
                    .toList();
            String hubName = new HubRepository(tx).findById(hubId).orElseThrow().name();
            new Outbox(tx).enqueue(mail.organisationInvitation(account.email(), account.displayName(), hubName, links));
            new AuditLog(tx)
                    .record(
                            actor,
                            "organisation_invitation_sent",
                            "app_user",
                            account.id(),
                            Map.of(
                                    "email",
                                    account.email(),
                                    "hub",
                                    hubId,
                                    "employers",
                                    organisations.stream()
                                            .map(Organisation::employerId)
                                            .toList()));
        });
    }

    /** The invitation this link stands for while it can still be answered; changes nothing. */
    public Optional<Invitation> find(long employerId, String token) {
        return find(dsl, employerId, token);
    }

    /**
     * Adds the organisation to the account the link was sent to, unless another person is signed
     * in here ({@code signedInUserId}), in which case nothing changes.
     */
    public Answer accept(Actor actor, long employerId, String token, Long signedInUserId) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Optional<Invitation> invitation = find(tx, employerId, token);
            if (invitation.isEmpty()) {
                return Answer.of(Outcome.NOT_FOUND);
            }
            long userId = invitation.get().userId();
            if (signedInUserId != null && signedInUserId != userId) {
                return Answer.of(Outcome.SOMEONE_ELSE);
            }
            // one UPDATE checks and spends it again: of two presses racing, one wins
            if (new LoginTokenRepository(tx, clock)
                    .redeem(token, Purpose.ORGANISATION_INVITATION, employerId)
                    .isEmpty()) {
                return Answer.of(Outcome.NOT_FOUND);
            }
            // a merge since the email moved the organisation's people to the record that stands for it
            Employer current =
                    new EmployerRepository(tx).findCurrent(employerId).orElseThrow();
            new AccountRepository(tx).addScope(userId, Scope.employer(current.id()));
            new AuditLog(tx)
                    .record(
                            actor,
                            "organisation_invitation_accepted",
                            "employer",
                            current.id(),
                            Map.of("user_id", userId, "email", invitation.get().email(), "invited_to", employerId));
            return new Answer(Outcome.ACCEPTED, current.id(), current.name(), userId);
        });
    }

    /** Spends the link without adding anything: "this is not me", or "not mine to manage". */
    public Answer decline(Actor actor, long employerId, String token) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Optional<Invitation> invitation = find(tx, employerId, token);
            if (invitation.isEmpty()
                    || new LoginTokenRepository(tx, clock)
                            .redeem(token, Purpose.ORGANISATION_INVITATION, employerId)
                            .isEmpty()) {
                return Answer.of(Outcome.NOT_FOUND);
            }
            long userId = invitation.get().userId();
            new AuditLog(tx)
                    .record(
                            actor,
                            "organisation_invitation_declined",
                            "employer",
                            employerId,
                            Map.of("user_id", userId, "email", invitation.get().email()));
            return new Answer(Outcome.DECLINED, employerId, invitation.get().organisation(), userId);
        });
    }

    private Optional<Invitation> find(DSLContext dsl, long employerId, String token) {
        return new LoginTokenRepository(dsl, clock)
                .peek(token, Purpose.ORGANISATION_INVITATION, employerId)
                .flatMap(userId -> dsl.select(EMPLOYER.ID, EMPLOYER.NAME, HUB.NAME, APP_USER.ID, APP_USER.EMAIL)
                        .from(EMPLOYER)
                        .join(HUB)
                        // invitations go to organisations an import has just registered: that hub asked
                        .on(HUB.ID.eq(EMPLOYER.REGISTERED_IN_HUB_ID))
                        .crossJoin(APP_USER)
                        .where(EMPLOYER.ID.eq(employerId))
                        .and(APP_USER.ID.eq(userId))
                        .fetchOptional(Records.mapping(Invitation::new)));
    }
}

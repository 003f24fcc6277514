package uk.encounters.marketplace.account;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import uk.encounters.marketplace.outbox.Outbox;

/**
 * Gives a person a scope: a new person gets an account and an emailed invitation to choose a
 * password; someone who already has an account gets the scope added. The account, scope, token,
 * email and audit entry commit together or not at all; run over another transaction's
 * {@code DSLContext}, it joins that one (as a savepoint).
 */
public final class Invitations {

    private final DSLContext dsl;
    private final Clock clock;
    private final AccountMail mail;

    public Invitations(DSLContext dsl, Clock clock, AccountMail mail) {
        this.dsl = dsl;
        this.clock = clock;
        this.mail = mail;
    }

    /**
     * @param actor who invites: a person, or nobody when an operator runs it from the command line
     * @param invitedAs what the invitation says they become ("enterprise coordinator for Derby")
     * @return the new account's id when one was made; empty when an existing one got the scope
     */
    public Optional<Long> invite(Actor actor, String email, String name, Scope scope, String invitedAs) {
        return dsl.transactionResult(c -> {
            AccountRepository accounts = new AccountRepository(c.dsl());
            Optional<Account> existing = accounts.findByEmail(email);
            long userId;
            Optional<Long> created = Optional.empty();
            if (existing.isPresent()) {
                userId = existing.get().id();
                if (!existing.get().scopes().contains(scope)) {
                    accounts.addScope(userId, scope);
                }
            } else {
                userId = accounts.create(email, name, null, scope);
                long link = new LoginTokenRepository(c.dsl(), clock)
                        .issueForEmail(userId, LoginTokenRepository.Purpose.INVITATION);
                new Outbox(c.dsl()).enqueue(mail.invitation(email, name, invitedAs, link));
                created = Optional.of(userId);
            }
            new AuditLog(c.dsl())
                    .record(
                            actor,
                            "scope_granted",
                            "app_user",
                            userId,
                            Map.of(
                                    "role",
                                    scope.role().code(),
                                    "scope",
                                    describe(scope),
                                    "email",
                                    email,
                                    "new_account",
                                    existing.isEmpty()));
            return created;
        });
    }

    private static String describe(Scope scope) {
        return scope.schoolId() != null
                ? "school " + scope.schoolId()
                : scope.employerId() != null
                        ? "employer " + scope.employerId()
                        : scope.hubId() != null ? "hub " + scope.hubId() : "all";
    }
}

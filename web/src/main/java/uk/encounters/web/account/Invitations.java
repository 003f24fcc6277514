package uk.encounters.web.account;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Account;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.account.LoginTokens;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.outbox.Outbox;

/**
 * Gives a person a scope: a new person gets an account and an emailed invitation to choose a
 * password; someone who already has an account gets the scope added. Run inside the caller's
 * transaction, so the account, scope, token, email and audit entry commit together or not at all.
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
        AccountRepository accounts = new AccountRepository(tx);
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
            long link = new LoginTokens(tx, clock).issueForEmail(userId, LoginTokens.Purpose.INVITATION);
            new Outbox(tx).enqueue(links.invitation(email, name, invitedAs, link));
            created = Optional.of(userId);
        }
        new AuditLog(tx)
                .record(
                        invitedBy,
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
                                existing.isEmpty()),
                        ipAddress);
        return created;
    }

    private static String describe(Scope scope) {
        return scope.schoolId() != null
                ? "school " + scope.schoolId()
                : scope.employerId() != null
                        ? "employer " + scope.employerId()
                        : scope.hubId() != null ? "hub " + scope.hubId() : "all";
    }
}

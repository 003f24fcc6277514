package uk.encounters.marketplace.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Choosing a password through an emailed link: accepting an invitation, or resetting a forgotten
 * password. The link is spent as the password is set, and bound to its purpose.
 */
public final class ChoosePassword {

    private final DSLContext dsl;
    private final Clock clock;

    public ChoosePassword(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Whose the link is while it still works, without using it: to show the form and check the password against. */
    public Optional<Account> holder(String token, LoginTokenRepository.Purpose purpose) {
        requirePasswordLink(purpose);
        return new LoginTokenRepository(dsl, clock)
                .peek(token, purpose)
                .flatMap(id -> new AccountRepository(dsl).findById(id));
    }

    /**
     * Uses the link and sets the password hash; empty when the link no longer works.
     *
     * @param sessionsEndedAt every session of the person that began before this ends
     */
    public Optional<Account> choose(
            String token,
            LoginTokenRepository.Purpose purpose,
            String hash,
            Instant sessionsEndedAt,
            String ipAddress) {
        requirePasswordLink(purpose);
        return dsl.transactionResult(c -> {
            Optional<Long> user = new LoginTokenRepository(c.dsl(), clock).redeem(token, purpose);
            user.ifPresent(id -> {
                new AccountRepository(c.dsl()).setPassword(id, hash);
                // Any other reset or invitation link still in someone's inbox stops working now, and
                // any session elsewhere (perhaps whoever knew the old password) ends.
                new LoginTokenRepository(c.dsl(), clock).revokeUnused(id);
                new AccountRepository(c.dsl()).endSessions(id, sessionsEndedAt);
                new AuditLog(c.dsl())
                        .record(
                                new Actor(id, ipAddress),
                                purpose == LoginTokenRepository.Purpose.INVITATION
                                        ? "invitation_accepted"
                                        : "password_reset",
                                "app_user",
                                id,
                                Map.of());
            });
            return user.flatMap(id -> new AccountRepository(c.dsl()).findById(id));
        });
    }

    private static void requirePasswordLink(LoginTokenRepository.Purpose purpose) {
        if (purpose != LoginTokenRepository.Purpose.INVITATION
                && purpose != LoginTokenRepository.Purpose.PASSWORD_RESET) {
            throw new IllegalArgumentException(purpose + " links do not set a password");
        }
    }
}

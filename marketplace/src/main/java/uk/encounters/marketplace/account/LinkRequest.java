package uk.encounters.marketplace.account;

import java.time.Clock;
import java.util.Map;
import org.jooq.DSLContext;
import uk.encounters.marketplace.outbox.Outbox;

/**
 * Asking by email for a sign-in link or a password reset. Only an address with an account gets a
 * link, but the caller says the same either way, so the form does not reveal who has an account.
 */
public final class LinkRequest {

    private final DSLContext dsl;
    private final Clock clock;
    private final AccountMail mail;

    public LinkRequest(DSLContext dsl, Clock clock, AccountMail mail) {
        this.dsl = dsl;
        this.clock = clock;
        this.mail = mail;
    }

    /**
     * Emails a {@link LoginTokenRepository.Purpose#MAGIC_LINK} or {@link LoginTokenRepository.Purpose#PASSWORD_RESET}
     * link when {@code email} has an account. The token, its email and the audit entry commit
     * together.
     */
    public void emailLink(LoginTokenRepository.Purpose purpose, String email, String ipAddress) {
        if (purpose != LoginTokenRepository.Purpose.MAGIC_LINK
                && purpose != LoginTokenRepository.Purpose.PASSWORD_RESET) {
            throw new IllegalArgumentException(purpose + " links are not asked for by email");
        }
        dsl.transaction(c -> new AccountRepository(c.dsl()).findByEmail(email).ifPresent(a -> {
            long link = new LoginTokenRepository(c.dsl(), clock).issueForEmail(a.id(), purpose);
            new Outbox(c.dsl())
                    .enqueue(
                            purpose == LoginTokenRepository.Purpose.MAGIC_LINK
                                    ? mail.magicLink(a.email(), link)
                                    : mail.passwordReset(a.email(), link));
            new AuditLog(c.dsl())
                    .record(new Actor(a.id(), ipAddress), purpose.code() + "_requested", "app_user", a.id(), Map.of());
        }));
    }
}

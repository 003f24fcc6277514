package uk.encounters.marketplace.account;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/** Signing in with an emailed link: it works once, and only for signing in. */
public final class LinkSignIn {

    private final DSLContext dsl;
    private final Clock clock;

    public LinkSignIn(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Whether the link still works, without using it: its page shows a button, since mail scanners follow links. */
    public boolean usable(String token) {
        return new LoginTokenRepository(dsl, clock)
                .peek(token, LoginTokenRepository.Purpose.MAGIC_LINK)
                .isPresent();
    }

    /** Uses the link and answers whose account it signs in to; empty when expired, used or of another purpose. */
    public Optional<Account> signIn(String token, String ipAddress) {
        return dsl.transactionResult(c -> {
            Optional<Long> user =
                    new LoginTokenRepository(c.dsl(), clock).redeem(token, LoginTokenRepository.Purpose.MAGIC_LINK);
            user.ifPresent(id -> new AuditLog(c.dsl())
                    .record(new Actor(id, ipAddress), "sign_in", "app_user", id, Map.of("by", "link")));
            return user.flatMap(id -> new AccountRepository(c.dsl()).findById(id));
        });
    }
}

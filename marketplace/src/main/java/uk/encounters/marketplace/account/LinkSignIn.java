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
            if (user.isPresent() && SingleSignOn.required(c.dsl(), user.get())) {
                // the hub wants its coordinators to come in through their organisation's account only
                new AuditLog(c.dsl())
                        .record(
                                new Actor(user.get(), ipAddress),
                                "sign_in_failed",
                                "app_user",
                                user.get(),
                                Map.of("by", "link", "reason", "hub requires single sign-on"));
                return Optional.<Account>empty();
            }
            user.ifPresent(id -> new AuditLog(c.dsl())
                    .record(new Actor(id, ipAddress), "sign_in", "app_user", id, Map.of("by", "link")));
            return user.flatMap(id -> new AccountRepository(c.dsl()).findById(id));
        });
    }
}

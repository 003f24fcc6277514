package uk.encounters.marketplace.account;

import java.time.Instant;
import java.util.Map;
import org.jooq.DSLContext;

/** Signing out: this session, or every session of the person on every device. */
public final class SignOut {

    private final DSLContext dsl;

    public SignOut(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Records that the person signed out here; the caller ends the session itself. */
    public void here(Actor actor) {
        new AuditLog(dsl).record(actor, "sign_out", "app_user", actor.userId(), Map.of());
    }

    /** Ends every session of the person that began before {@code endedAt}, with its audit entry. */
    public void everywhere(Actor actor, Instant endedAt) {
        dsl.transaction(c -> {
            new AccountRepository(c.dsl()).endSessions(actor.userId(), endedAt);
            new AuditLog(c.dsl()).record(actor, "sign_out_everywhere", "app_user", actor.userId(), Map.of());
        });
    }
}

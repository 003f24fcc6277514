package uk.encounters.marketplace.account;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Two-step sign-in as the person does it: turning it on, confirming a sign-in with a code, making
 * new recovery codes. Each step and its audit entry are one transaction.
 */
public final class TwoStepSignIn {

    private final DSLContext dsl;
    private final Clock clock;

    /** @param clock the wall clock: codes follow it, as the authenticator apps do */
    public TwoStepSignIn(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Whether the code confirms this sign-in (it is then spent); right or wrong, the audit log says so. */
    public boolean confirm(Actor actor, String code) {
        return dsl.transactionResult(c -> {
            boolean ok = new SecondFactor(c.dsl(), clock).verify(actor.userId(), code);
            new AuditLog(c.dsl())
                    .record(
                            actor,
                            ok ? "second_factor_confirmed" : "second_factor_refused",
                            "app_user",
                            actor.userId(),
                            Map.of());
            return ok;
        });
    }

    /**
     * Turns it on with {@code secret}, if {@code code} shows the app has it.
     *
     * @return the recovery codes, to show once; empty when the code is wrong
     */
    public Optional<List<String>> setUp(Actor actor, String secret, String code) {
        return dsl.transactionResult(c -> {
            Optional<List<String>> codes = new SecondFactor(c.dsl(), clock).enrol(actor.userId(), secret, code);
            codes.ifPresent(x ->
                    new AuditLog(c.dsl()).record(actor, "second_factor_set_up", "app_user", actor.userId(), Map.of()));
            return codes;
        });
    }

    /** New recovery codes, shown once; the old ones stop working. */
    public List<String> newRecoveryCodes(Actor actor) {
        return dsl.transactionResult(c -> {
            List<String> made = new SecondFactor(c.dsl(), clock).newRecoveryCodes(actor.userId());
            new AuditLog(c.dsl()).record(actor, "recovery_codes_made", "app_user", actor.userId(), Map.of());
            return made;
        });
    }

    public int recoveryCodesLeft(long userId) {
        return new SecondFactor(dsl, clock).recoveryCodesLeft(userId);
    }
}

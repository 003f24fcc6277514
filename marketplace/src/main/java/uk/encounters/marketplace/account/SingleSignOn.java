package uk.encounters.marketplace.account;

import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.SIGN_IN_IDENTITY;
import static uk.encounters.marketplace.jooq.Tables.USER_SCOPE;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Signing in with an identity provider (Microsoft Entra ID, Google Workspace): the provider has
 * checked who the person is and that the email address is theirs. Only someone already invited has an
 * account: the first sign-in finds it by that verified address and remembers the provider's id for the
 * person, by which every later sign-in finds it (so a changed address still works and a reassigned one
 * takes nothing over). Nobody gets an account, or a role, from signing in.
 */
public final class SingleSignOn {

    /**
     * Who the provider says signed in.
     *
     * @param provider the provider's name here (for the audit log), e.g. {@code microsoft}
     * @param issuer   its issuer, which with {@code subject} names the person for ever
     * @param email    the address the provider has verified as theirs
     */
    public record Identity(String provider, String issuer, String subject, String email) {}

    /** Why the sign-in was refused, said to the person plainly. */
    public enum Refusal {
        /** Nobody with this address has been invited. */
        NO_ACCOUNT,
        /** The account has been switched off. */
        DISABLED
    }

    /** The account signed in, or why not. */
    public record Outcome(Optional<Account> account, Refusal refusal) {}

    private final DSLContext dsl;

    public SingleSignOn(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Signs the person in, recording 'sign_in' or 'sign_in_failed' in the audit log, in one transaction. */
    public Outcome signIn(Identity identity, String ipAddress) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            AuditLog audit = new AuditLog(tx);
            Long userId = tx.select(SIGN_IN_IDENTITY.USER_ID)
                    .from(SIGN_IN_IDENTITY)
                    .where(SIGN_IN_IDENTITY.ISSUER.eq(identity.issuer()))
                    .and(SIGN_IN_IDENTITY.SUBJECT.eq(identity.subject()))
                    .fetchOne(SIGN_IN_IDENTITY.USER_ID);
            if (userId == null) {
                userId = tx.select(APP_USER.ID)
                        .from(APP_USER)
                        .where(DSL.lower(APP_USER.EMAIL).eq(identity.email().toLowerCase(Locale.ROOT)))
                        .fetchOne(APP_USER.ID);
                if (userId != null) {
                    tx.insertInto(SIGN_IN_IDENTITY)
                            .set(SIGN_IN_IDENTITY.ISSUER, identity.issuer())
                            .set(SIGN_IN_IDENTITY.SUBJECT, identity.subject())
                            .set(SIGN_IN_IDENTITY.USER_ID, userId)
                            .onConflictDoNothing()
                            .execute();
                }
            }
            Map<String, String> detail = Map.of("email", identity.email(), "by", "sso:" + identity.provider());
            if (userId == null) {
                audit.record(null, "sign_in_failed", "app_user", null, with(detail, "no account"), ipAddress);
                return new Outcome(Optional.empty(), Refusal.NO_ACCOUNT);
            }
            boolean disabled = tx.fetchExists(APP_USER, APP_USER.ID.eq(userId).and(APP_USER.DISABLED_AT.isNotNull()));
            if (disabled) {
                audit.record(userId, "sign_in_failed", "app_user", userId, with(detail, "account disabled"), ipAddress);
                return new Outcome(Optional.empty(), Refusal.DISABLED);
            }
            audit.record(userId, "sign_in", "app_user", userId, detail, ipAddress);
            return new Outcome(new AccountRepository(tx).findById(userId), null);
        });
    }

    /**
     * Whether the person coordinates a hub that requires its coordinators to sign in with their
     * organisation's account: for them a password or an emailed link does not sign in.
     */
    public static boolean required(DSLContext dsl, long userId) {
        return dsl.fetchExists(DSL.selectOne()
                .from(USER_SCOPE)
                .join(HUB)
                .on(HUB.ID.eq(USER_SCOPE.HUB_ID))
                .where(USER_SCOPE.USER_ID.eq(userId))
                .and(USER_SCOPE.ROLE.eq(Role.COORDINATOR.code()))
                .and(HUB.COORDINATORS_NEED_SSO));
    }

    /** Requires it, or not, of the hub's coordinators, with its audit entry. */
    public void require(Actor actor, long hubId, boolean required) {
        dsl.transaction(c -> {
            c.dsl()
                    .update(HUB)
                    .set(HUB.COORDINATORS_NEED_SSO, required)
                    .where(HUB.ID.eq(hubId))
                    .execute();
            new AuditLog(c.dsl())
                    .record(actor, "hub_single_sign_on_required", "hub", hubId, Map.of("required", required));
        });
    }

    /** Whether the hub requires it of its coordinators. */
    public boolean requiredBy(long hubId) {
        return dsl.fetchExists(HUB, HUB.ID.eq(hubId).and(HUB.COORDINATORS_NEED_SSO));
    }

    private static Map<String, String> with(Map<String, String> detail, String reason) {
        Map<String, String> all = new HashMap<>(detail);
        all.put("reason", reason);
        return all;
    }
}

package uk.encounters.marketplace.account;

import static org.jooq.impl.DSL.selectOne;
import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.LOGIN_TOKEN;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * One-use tokens for the links we email: sign in, reset a password, accept an invitation. A token
 * is 256 random bits; the database holds only its SHA-256, so a leaked table opens no account.
 * A plain hash (not Argon2) is enough because the token, unlike a password, cannot be guessed.
 */
public final class LoginTokens {

    public static final Duration LIFETIME = Duration.ofHours(24);
    // 32 bytes are 43 base64url characters; anything much longer is not one of ours.
    private static final int LONGEST_TOKEN = 64;

    public enum Purpose {
        MAGIC_LINK("magic_link"),
        PASSWORD_RESET("password_reset"),
        INVITATION("invitation");

        private final String code;

        Purpose(String code) {
            this.code = code;
        }

        /** The value stored in {@code login_token.purpose}. */
        public String code() {
            return code;
        }
    }

    private final DSLContext dsl;
    private final Clock clock;

    public LoginTokens(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public IssuedToken issue(long userId, Purpose purpose) {
        String token = SecretToken.generate();
        OffsetDateTime expiresAt = now().plus(LIFETIME);
        dsl.insertInto(LOGIN_TOKEN, LOGIN_TOKEN.USER_ID, LOGIN_TOKEN.TOKEN_HASH, LOGIN_TOKEN.PURPOSE, LOGIN_TOKEN.EXPIRES_AT)
                .values(userId, hashOf(token), purpose.code(), expiresAt)
                .execute();
        return new IssuedToken(userId, token, expiresAt.toInstant());
    }

    /**
     * Uses the token and answers whose it was. One UPDATE both checks and spends it, so two
     * requests racing with the same link cannot both succeed. A token of another purpose, an
     * expired or used one, or one of a disabled person, gives empty.
     */
    public Optional<Long> redeem(String token, Purpose purpose) {
        if (!looksLikeAToken(token)) {
            return Optional.empty();
        }
        OffsetDateTime now = now();
        return dsl.update(LOGIN_TOKEN)
                .set(LOGIN_TOKEN.USED_AT, now)
                .where(usable(token, purpose, now))
                .returning(LOGIN_TOKEN.USER_ID)
                .fetchOptional(LOGIN_TOKEN.USER_ID);
    }

    /** Whose the token is while it is still usable, without using it: to show a form before its POST. */
    public Optional<Long> peek(String token, Purpose purpose) {
        if (!looksLikeAToken(token)) {
            return Optional.empty();
        }
        return dsl.select(LOGIN_TOKEN.USER_ID).from(LOGIN_TOKEN)
                .where(usable(token, purpose, now()))
                .fetchOptional(LOGIN_TOKEN.USER_ID);
    }

    /** Spends every unused token of the person, e.g. once their password has changed. */
    public int revokeUnused(long userId) {
        return dsl.update(LOGIN_TOKEN).set(LOGIN_TOKEN.USED_AT, now())
                .where(LOGIN_TOKEN.USER_ID.eq(userId)).and(LOGIN_TOKEN.USED_AT.isNull())
                .execute();
    }

    /** Drops tokens that expired more than a week ago; run now and then. */
    public int deleteExpired() {
        return dsl.deleteFrom(LOGIN_TOKEN).where(LOGIN_TOKEN.EXPIRES_AT.lt(now().minusDays(7))).execute();
    }

    static String hashOf(String token) {
        return SecretToken.hashOf(token);
    }

    private static Condition usable(String token, Purpose purpose, OffsetDateTime now) {
        return LOGIN_TOKEN.TOKEN_HASH.eq(hashOf(token))
                .and(LOGIN_TOKEN.PURPOSE.eq(purpose.code()))
                .and(LOGIN_TOKEN.USED_AT.isNull())
                .and(LOGIN_TOKEN.EXPIRES_AT.gt(now))
                .andExists(selectOne().from(APP_USER)
                        .where(APP_USER.ID.eq(LOGIN_TOKEN.USER_ID)).and(APP_USER.DISABLED_AT.isNull()));
    }

    private static boolean looksLikeAToken(String token) {
        return token != null && !token.isEmpty() && token.length() <= LONGEST_TOKEN;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}

package uk.encounters.marketplace.account;

import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.RECOVERY_CODE;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;

/**
 * A second factor at sign-in: a time-based one-time code from an authenticator app (TOTP, RFC 6238:
 * HMAC-SHA1, 30-second steps, 6 digits, one step of clock drift either way), or one of ten
 * single-use recovery codes. A code's step is recorded when used, so the same code never works
 * twice.
 */
public final class SecondFactor {

    static final int STEP_SECONDS = 30;
    private static final int DIGITS = 6;
    private static final int RECOVERY_CODES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final DSLContext dsl;
    private final Clock clock;

    public SecondFactor(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** A new shared secret for an authenticator app: 160 random bits, in base32 as the apps take it. */
    public static String newSecret() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return base32(bytes);
    }

    /** The address an authenticator app reads (as a QR code or a link) to add the account. */
    public static String provisioningUri(String secret, String email, String issuer) {
        String label = encode(issuer) + ":" + encode(email);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer) + "&digits=" + DIGITS
                + "&period=" + STEP_SECONDS;
    }

    /**
     * Turns the second factor on with {@code secret}, if {@code code} shows the app has it.
     *
     * @return the recovery codes, to show once; empty when the code is wrong
     */
    public Optional<List<String>> enrol(long userId, String secret, String code) {
        long step = currentStep();
        Optional<Long> matched = matchingStep(secret, code, step);
        if (matched.isEmpty()) {
            return Optional.empty();
        }
        dsl.update(APP_USER)
                .set(APP_USER.TOTP_SECRET, secret)
                .set(APP_USER.TOTP_CONFIRMED_AT, OffsetDateTime.now(clock))
                .set(APP_USER.TOTP_LAST_STEP, matched.get())
                .where(APP_USER.ID.eq(userId))
                .execute();
        return Optional.of(newRecoveryCodes(userId));
    }

    /** Whether the code (from the app, or a recovery code) confirms this sign-in; either is then spent. */
    public boolean verify(long userId, String code) {
        String typed = code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (typed.matches("\\d{" + DIGITS + "}")) {
            String secret = dsl.select(APP_USER.TOTP_SECRET)
                    .from(APP_USER)
                    .where(APP_USER.ID.eq(userId))
                    .and(APP_USER.TOTP_CONFIRMED_AT.isNotNull())
                    .fetchOptional(APP_USER.TOTP_SECRET)
                    .orElse(null);
            if (secret == null) {
                return false;
            }
            Optional<Long> step = matchingStep(secret, typed, currentStep());
            // one UPDATE checks the step is newer than the last used and records it, so a replay fails
            return step.isPresent()
                    && dsl.update(APP_USER)
                                    .set(APP_USER.TOTP_LAST_STEP, step.get())
                                    .where(APP_USER.ID.eq(userId))
                                    .and(APP_USER.TOTP_LAST_STEP.isNull().or(APP_USER.TOTP_LAST_STEP.lt(step.get())))
                                    .execute()
                            == 1;
        }
        if (typed.length() < 8 || typed.length() > 32) {
            return false;
        }
        return dsl.update(RECOVERY_CODE)
                        .set(RECOVERY_CODE.USED_AT, OffsetDateTime.now(clock))
                        .where(RECOVERY_CODE.USER_ID.eq(userId))
                        .and(RECOVERY_CODE.CODE_HASH.eq(SecretToken.hashOf(typed)))
                        .and(RECOVERY_CODE.USED_AT.isNull())
                        .execute()
                == 1;
    }

    /** Turns it off (a lost phone and lost codes): they set it up again, if their role needs it, at next sign-in. */
    public void turnOff(long userId) {
        dsl.update(APP_USER)
                .setNull(APP_USER.TOTP_SECRET)
                .setNull(APP_USER.TOTP_CONFIRMED_AT)
                .setNull(APP_USER.TOTP_LAST_STEP)
                .where(APP_USER.ID.eq(userId))
                .execute();
        dsl.deleteFrom(RECOVERY_CODE).where(RECOVERY_CODE.USER_ID.eq(userId)).execute();
    }

    /** Recovery codes not yet used. */
    public int recoveryCodesLeft(long userId) {
        return dsl.fetchCount(RECOVERY_CODE, RECOVERY_CODE.USER_ID.eq(userId).and(RECOVERY_CODE.USED_AT.isNull()));
    }

    /** New recovery codes, the old ones no longer working; shown once. */
    public List<String> newRecoveryCodes(long userId) {
        dsl.deleteFrom(RECOVERY_CODE).where(RECOVERY_CODE.USER_ID.eq(userId)).execute();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            byte[] bytes = new byte[5];
            RANDOM.nextBytes(bytes);
            String code = base32(bytes);
            dsl.insertInto(RECOVERY_CODE, RECOVERY_CODE.USER_ID, RECOVERY_CODE.CODE_HASH)
                    .values(userId, SecretToken.hashOf(code))
                    .execute();
            codes.add(code.substring(0, 4) + "-" + code.substring(4));
        }
        return codes;
    }

    /** The code an app with {@code secret} shows at {@code step}; public for tests and the enrolment page's check. */
    public static String codeAt(String secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(base32Decode(secret), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24)
                    | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8)
                    | (hash[offset + 3] & 0xff);
            return String.format("%0" + DIGITS + "d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA1", e);
        }
    }

    /** The time step now, by the app's clock. */
    public long currentStep() {
        return clock.instant().getEpochSecond() / STEP_SECONDS;
    }

    private static Optional<Long> matchingStep(String secret, String code, long now) {
        if (code == null || !code.strip().matches("\\d{" + DIGITS + "}")) {
            return Optional.empty();
        }
        byte[] typed = code.strip().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (long step = now - 1; step <= now + 1; step++) {
            // compared in constant time, as any secret is
            if (MessageDigest.isEqual(
                    typed, codeAt(secret, step).getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    private static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }

    private static byte[] base32Decode(String text) {
        String s = text.replace("=", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(s.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : s.toCharArray()) {
            int value = c >= 'A' && c <= 'Z' ? c - 'A' : c >= '2' && c <= '7' ? c - '2' + 26 : -1;
            if (value < 0) {
                throw new IllegalArgumentException("Not base32: " + c);
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}

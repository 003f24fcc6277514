package uk.encounters.marketplace.account;

import java.text.Normalizer;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=...,t=...,p=...$salt$hash}).
 * The parameters travel inside each hash, so raising them later only makes {@link #needsRehash}
 * true for older hashes, which {@link SignIn} replaces at the next successful sign-in.
 */
public final class Passwords {

    // OWASP's Argon2id recommendation: 19 MiB of memory, 2 passes, 1 lane; 16-byte salt, 32-byte hash.
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int PARALLELISM = 1;
    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;

    private final Argon2PasswordEncoder encoder =
            new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);
    private volatile String dummyHash;

    public Passwords() {}

    public String hash(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("No password to hash");
        }
        return encoder.encode(normalised(raw));
    }

    /** False for a null or malformed hash, never an exception. */
    public boolean matches(String raw, String hash) {
        if (raw == null || hash == null || hash.isEmpty()) {
            return false;
        }
        return encoder.matches(normalised(raw), hash);
    }

    /** True when the hash is not Argon2id or was made with weaker parameters than today's. */
    public boolean needsRehash(String hash) {
        if (hash == null || !hash.startsWith("$argon2id$")) {
            return true;
        }
        try {
            return encoder.upgradeEncoding(hash);
        } catch (IllegalArgumentException malformed) {
            return true;
        }
    }

    /**
     * Spends the same time as checking a real password and answers nothing, so a sign-in for an
     * unknown email or an account without a password takes as long as a wrong password.
     */
    void verifyAgainstDummy(String raw) {
        String dummy = dummyHash;
        if (dummy == null) {
            dummy = hash("not a password anyone has: " + System.nanoTime());
            dummyHash = dummy;
        }
        matches(raw == null ? "" : raw, dummy);
    }

    /**
     * The same characters typed on different devices can arrive as different code points (an
     * accented letter composed or decomposed); NFKC makes them one password, as NIST SP 800-63B advises.
     */
    private static String normalised(String raw) {
        return Normalizer.normalize(raw, Normalizer.Form.NFKC);
    }
}

package uk.encounters.marketplace;

import static uk.encounters.marketplace.jooq.Tables.INSTALLATION_SECRET;

import java.security.SecureRandom;
import org.jooq.DSLContext;

/**
 * A secret the installation makes for itself the first time it needs it and keeps in its database,
 * so every instance, and every restart, uses the same one. Two instances asking at once agree: the
 * first insert wins and both read it back.
 */
public final class InstallationSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private InstallationSecret() {}

    /** The secret called {@code name}: 32 random bytes, made once. */
    public static byte[] named(DSLContext dsl, String name) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        dsl.insertInto(INSTALLATION_SECRET)
                .set(INSTALLATION_SECRET.NAME, name)
                .set(INSTALLATION_SECRET.VALUE, fresh)
                .onConflictDoNothing()
                .execute();
        return dsl.fetchValue(INSTALLATION_SECRET.VALUE, INSTALLATION_SECRET.NAME.eq(name));
    }
}

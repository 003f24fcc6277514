package uk.encounters.web;

import org.jooq.DSLContext;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Passwords;
import uk.encounters.marketplace.account.Scope;

/** People with a password, for tests that sign in through the real form. */
public final class Accounts {

    public static final String PASSWORD = "correct horse battery staple";
    // Argon2 is slow on purpose: hash once for every account the tests make
    private static final String HASH = new Passwords().hash(PASSWORD);

    private Accounts() {}

    public static long create(DSLContext dsl, String email, String name, Scope scope) {
        return new AccountRepository(dsl).create(email, name, HASH, scope);
    }
}

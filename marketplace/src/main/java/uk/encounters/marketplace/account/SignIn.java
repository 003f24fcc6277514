package uk.encounters.marketplace.account;

import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Signing in with an email and a password. Every way of failing (no such email, no password
 * set, wrong password, account disabled) costs one Argon2 verification and gives the same empty
 * answer, so neither the reply nor its timing tells a visitor who has an account.
 */
public final class SignIn {

    private final DSLContext dsl;
    private final Passwords passwords;

    public SignIn(DSLContext dsl, Passwords passwords) {
        this.dsl = dsl;
        this.passwords = passwords;
    }

    /**
     * The account when the password is right, recording 'sign_in' or 'sign_in_failed' in the audit
     * log with the email given (never the password). A hash made with older parameters is replaced.
     */
    public Optional<Account> withPassword(String email, String password, String ipAddress) {
        // The slow hash runs before any transaction opens, so it holds no connection.
        Optional<AccountRepository.Credentials> found = new AccountRepository(dsl).findCredentials(email);
        String hash = found.map(AccountRepository.Credentials::passwordHash).orElse(null);
        boolean passwordRight;
        if (hash == null) {
            passwords.verifyAgainstDummy(password);
            passwordRight = false;
        } else {
            passwordRight = passwords.matches(password, hash);
        }
        boolean disabled = found.map(AccountRepository.Credentials::disabled).orElse(false);
        String newHash = passwordRight && !disabled && passwords.needsRehash(hash) ? passwords.hash(password) : null;

        return dsl.transactionResult(tx -> {
            AccountRepository accounts = new AccountRepository(tx.dsl());
            AuditLog audit = new AuditLog(tx.dsl());
            Long userId = found.map(AccountRepository.Credentials::userId).orElse(null);
            if (passwordRight && !disabled && SingleSignOn.required(tx.dsl(), userId)) {
                audit.record(
                        userId,
                        "sign_in_failed",
                        "app_user",
                        userId,
                        Map.of("email", email, "reason", "hub requires single sign-on"),
                        ipAddress);
                return Optional.empty();
            }
            if (!passwordRight || disabled) {
                audit.record(
                        userId,
                        "sign_in_failed",
                        "app_user",
                        userId,
                        Map.of("email", email == null ? "" : email, "reason", reason(found, passwordRight)),
                        ipAddress);
                return Optional.empty();
            }
            if (newHash != null) {
                accounts.replaceHash(userId, hash, newHash);
            }
            audit.record(userId, "sign_in", "app_user", userId, Map.of("email", email, "by", "password"), ipAddress);
            return accounts.findById(userId);
        });
    }

    /** For whoever reads the audit log; the visitor is told none of this. */
    private static String reason(Optional<AccountRepository.Credentials> found, boolean passwordRight) {
        if (found.isEmpty()) {
            return "unknown email";
        }
        if (found.get().passwordHash() == null) {
            return "no password set";
        }
        return passwordRight ? "account disabled" : "wrong password";
    }
}

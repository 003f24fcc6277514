package uk.encounters.marketplace.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class PasswordsTest {

    private final Passwords passwords = new Passwords();

    @Test
    void hashesWithArgon2idAtOwaspParameters() {
        String hash = passwords.hash("purple tractor in the rain");

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hash).doesNotContain("purple");
    }

    @Test
    void matchesTheRightPasswordOnly() {
        String hash = passwords.hash("purple tractor in the rain");

        assertThat(passwords.matches("purple tractor in the rain", hash)).isTrue();
        assertThat(passwords.matches("purple tractor in the rain ", hash)).isFalse();
        assertThat(passwords.matches("Purple tractor in the rain", hash)).isFalse();
    }

    @Test
    void saltsEachHashSoOnePasswordHashesDifferentlyTwice() {
        assertThat(passwords.hash("purple tractor in the rain"))
                .isNotEqualTo(passwords.hash("purple tractor in the rain"));
    }

    @Test
    void matchesIsFalseForAMissingOrMalformedHash() {
        assertThat(passwords.matches("anything at all", null)).isFalse();
        assertThat(passwords.matches("anything at all", "")).isFalse();
        assertThat(passwords.matches("anything at all", "$argon2id$garbage")).isFalse();
        assertThat(passwords.matches(null, passwords.hash("anything at all"))).isFalse();
    }

    @Test
    void matchesAnAccentedPasswordTypedComposedOrDecomposed() {
        String composed = "caf\u00e9 au lait tous les matins";
        String decomposed = "cafe\u0301 au lait tous les matins";

        assertThat(passwords.matches(decomposed, passwords.hash(composed))).isTrue();
    }

    @Test
    void needsRehashOnlyForWeakerParametersOrAnotherAlgorithm() {
        String older = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("purple tractor in the rain");

        assertThat(passwords.needsRehash(older)).isTrue();
        assertThat(passwords.needsRehash("$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"))
                .isTrue();
        assertThat(passwords.needsRehash(passwords.hash("purple tractor in the rain")))
                .isFalse();
        assertThat(passwords.matches("purple tractor in the rain", older)).isTrue();
    }
}

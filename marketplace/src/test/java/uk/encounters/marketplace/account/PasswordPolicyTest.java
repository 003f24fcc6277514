package uk.encounters.marketplace.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final String EMAIL = "Sam.Jones@example.org";
    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void refusesFewerThanTwelveCharacters() {
        assertThat(policy.problemWith("k7#Vq2!mZ9@", EMAIL)).contains("Use at least 12 characters");
    }

    @Test
    void refusesAnEmptyPassword() {
        assertThat(policy.problemWith("", EMAIL)).contains("Enter a password");
        assertThat(policy.problemWith(null, EMAIL)).contains("Enter a password");
    }

    @Test
    void countsCharactersNotBytes() {
        // 13 characters, 39 bytes in UTF-8
        assertThat(policy.problemWith("日本語の長い合言葉を作ろう", EMAIL)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"iloveyouforever", "manchesterunited", "correct horse battery staple", "PasswordPassword"})
    void refusesACommonPassword(String password) {
        assertThat(policy.problemWith(password, EMAIL)).contains("That password is too common: choose another");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "password1234",
                "Password2026!",
                "iloveyou2026",
                "derby2026!!!!",
                "123456football",
                "!!Sunshine!!2026"
            })
    void refusesACommonPasswordWithDigitsOrPunctuationAdded(String password) {
        assertThat(policy.problemWith(password, EMAIL)).contains("That password is too common: choose another");
    }

    @ParameterizedTest
    @ValueSource(strings = {"P@ssw0rd2026", "l3tm31nplease", "Sunsh1ne!2026", "M0nkeyM0nkey!"})
    void refusesACommonPasswordWrittenWithLookAlikeCharacters(String password) {
        assertThat(policy.problemWith(password, EMAIL)).contains("That password is too common: choose another");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sam.jones2026!", "SAMJONES is me", "my sam.jones@example.org"})
    void refusesAPasswordContainingTheEmailAddress(String password) {
        assertThat(policy.problemWith(password, EMAIL)).contains("Do not use your email address in your password");
    }

    @Test
    void ignoresAnEmailLocalPartTooShortToMeanAnything() {
        assertThat(policy.problemWith("jolly green giants sing", "jo@example.org"))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aaaaaaaaaaaa", "111111111111111", "            ", "abcabcabcabc", "202620262026"})
    void refusesOneCharacterOrAShortPatternRepeated(String password) {
        assertThat(policy.problemWith(password, EMAIL)).contains("Do not repeat one character or a short pattern");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "qwertyuiopasdf",
                "123456789012",
                "0987654321098",
                "abcdefghijklm",
                "1qaz2wsx3edc4rfv",
                "mnbvcxzlkjhgfdsa",
                "qwerty123456",
                "asdfghjk2026!"
            })
    void refusesAKeyboardPatternOrARunOfLettersOrNumbers(String password) {
        assertThat(policy.problemWith(password, EMAIL))
                .contains("Do not use a keyboard pattern or a run of letters or numbers");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "purple tractor under the Derby rain",
                "k7#Vq2!mZ9@x",
                "Mein Hund frisst gern Äpfel",
                "asdf7$k9#q2@x!3&",
                "one small step for a careers leader"
            })
    void acceptsALongPassphraseOrARandomPassword(String password) {
        assertThat(policy.problemWith(password, EMAIL)).isEmpty();
    }

    @Test
    void acceptsUpTo256CharactersAndRefusesMore() {
        assertThat(policy.problemWith(passphraseOf(256), EMAIL)).isEmpty();
        assertThat(policy.problemWith(passphraseOf(300), EMAIL)).contains("Use at most 256 characters");
    }

    private static String passphraseOf(int length) {
        String[] words = {"tractor", "purple", "river", "lantern", "Derby", "biscuit", "orbit", "meadow", "quartz"};
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < length; i++) {
            text.append(words[i % words.length]).append(i).append(' ');
        }
        return text.substring(0, length);
    }
}

package uk.encounters.marketplace.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What makes a password acceptable, after NIST SP 800-63B: long enough, not known to attackers,
 * and no arbitrary rules about symbols. Long passphrases with spaces and any script are welcome.
 * Each answer is a sentence to show beside the password field.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 256;
    private static final String COMMON_PASSWORDS = "/account/common-passwords.txt";
    // The shortest pattern whose repetition we refuse: "abcabcabcabc", "202620262026".
    private static final int SHORT_PATTERN = 4;
    // Keyboard rows (UK, US, French and German layouts), columns, the alphabet and the digits.
    private static final List<String> SEQUENCES = List.of(
            "abcdefghijklmnopqrstuvwxyz",
            "qwertyuiopasdfghjklzxcvbnm",
            "azertyuiopqsdfghjklmwxcvbn",
            "qwertzuiopasdfghjklyxcvbnm",
            "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/",
            "zaq1xsw2cde3vfr4bgt5nhy6mju7,ki8.lo9/;p0",
            "qazwsxedcrfvtgbyhnujmikolp",
            "1q2w3e4r5t6y7u8i9o0p",
            "q1w2e3r4t5y6u7i8o9p0",
            "!\"\u00a3$%^&*()_+",
            "!@#$%^&*()_+",
            "1234567890-=");
    private static final String DIGITS = "0123456789";

    private final Set<String> common;

    public PasswordPolicy() {
        this.common = load();
    }

    /** Why {@code password} will not do for the person with {@code email}, or empty when it will. */
    public Optional<String> problemWith(String password, String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Enter a password");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("Use at most " + MAX_LENGTH + " characters");
        }
        String compact = fold(password).replaceAll("\\s+", "");
        if (containsEmail(compact, email)) {
            return Optional.of("Do not use your email address in your password");
        }
        String unit = repeatingUnit(compact);
        if (compact.isEmpty() || unit.length() <= SHORT_PATTERN && unit.length() < compact.length()) {
            return Optional.of("Do not repeat one character or a short pattern");
        }
        if (isSequence(compact) || isSequenceWithSuffix(compact)) {
            return Optional.of("Do not use a keyboard pattern or a run of letters or numbers");
        }
        if (isCommon(compact)) {
            return Optional.of("That password is too common: choose another");
        }
        return Optional.empty();
    }

    private static boolean containsEmail(String compact, String email) {
        if (email == null || email.isBlank()) {
            return false;
        }
        String folded = fold(email.strip());
        int at = folded.lastIndexOf('@');
        String local = at < 0 ? folded : folded.substring(0, at);
        String localLetters = local.replaceAll("[._+\\-]", "");
        // A local part of two or three letters ("jo@") would refuse ordinary words.
        return compact.contains(folded)
                || local.length() >= 4 && compact.contains(local)
                || localLetters.length() >= 4 && compact.contains(localLetters);
    }

    /** The password itself, and the forms people dress common passwords in: "P@ssw0rd2026!". */
    private boolean isCommon(String compact) {
        String delettered = fromLookAlikes(compact);
        return Stream.of(compact, core(compact), delettered, core(delettered), fromLookAlikes(core(compact)))
                .flatMap(s -> Stream.of(s, repeatingUnit(s)))
                .anyMatch(common::contains);
    }

    /** "qwerty123456", "abcdefgh2026!": a run followed by digits or punctuation no longer than it. */
    private static boolean isSequenceWithSuffix(String compact) {
        String start = compact.replaceFirst("[\\p{N}\\p{P}\\p{S}]+$", "");
        int suffix = compact.length() - start.length();
        return suffix > 0 && start.length() >= SHORT_PATTERN && start.length() >= suffix && isSequence(start);
    }

    private static boolean isSequence(String text) {
        return SEQUENCES.stream().anyMatch(seq -> isRun(text, seq, false)) || isRun(text, DIGITS, true);
    }

    /** True when each character follows the one before it in {@code sequence}, forwards or backwards. */
    private static boolean isRun(String text, String sequence, boolean wrapsAround) {
        int start = sequence.indexOf(text.charAt(0));
        if (start < 0) {
            return false;
        }
        for (int direction : new int[] {1, -1}) {
            boolean run = true;
            for (int i = 1; i < text.length() && run; i++) {
                int position = start + direction * i;
                if (wrapsAround) {
                    position = Math.floorMod(position, sequence.length());
                }
                run = position >= 0 && position < sequence.length() && sequence.charAt(position) == text.charAt(i);
            }
            if (run) {
                return true;
            }
        }
        return false;
    }

    /** The shortest piece the text is a repetition of: "ab" for "ababab", the text itself if none. */
    private static String repeatingUnit(String text) {
        int n = text.length();
        for (int unit = 1; unit <= n / 2; unit++) {
            if (n % unit == 0 && text.equals(text.substring(0, unit).repeat(n / unit))) {
                return text.substring(0, unit);
            }
        }
        return text;
    }

    /** Without leading and trailing digits and punctuation: "password" in "123password!!". */
    private static String core(String text) {
        return text.replaceAll("^[\\p{N}\\p{P}\\p{S}]+|[\\p{N}\\p{P}\\p{S}]+$", "");
    }

    private static String fromLookAlikes(String text) {
        StringBuilder letters = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            letters.append(
                    switch (c) {
                        case '@', '4' -> 'a';
                        case '3' -> 'e';
                        case '1', '!' -> 'i';
                        case '0' -> 'o';
                        case '$', '5' -> 's';
                        case '7' -> 't';
                        default -> c;
                    });
        }
        return letters.toString();
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static Set<String> load() {
        InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS);
        if (in == null) {
            throw new IllegalStateException(COMMON_PASSWORDS + " is missing from the classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Set<String> words = new HashSet<>();
            reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> fold(line).replaceAll("\\s+", ""))
                    .forEach(words::add);
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

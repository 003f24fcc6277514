package uk.encounters.marketplace.pupil;

import java.util.Locale;
import java.util.Optional;

/**
 * A unique pupil number as the DfE issues it: a check letter, eleven digits, then a digit (a
 * permanent UPN) or a letter (a temporary one). Never stored: it only becomes a reference.
 */
public record Upn(String value) {

    /** The check letters for 0 to 22: I, O and S are left out so they are not read as 1, 0 and 5. */
    private static final String LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

    public Upn {
        if (!wellFormed(value)) {
            throw new IllegalArgumentException("not a UPN");
        }
    }

    /** The UPN in the text, upper-cased and trimmed, or empty when it is not one (its check letter included). */
    public static Optional<Upn> parse(String text) {
        String upn = text.strip().toUpperCase(Locale.ROOT);
        return wellFormed(upn) ? Optional.of(new Upn(upn)) : Optional.empty();
    }

    private static boolean wellFormed(String upn) {
        return upn.matches("[A-Z]\\d{11}[0-9A-Z]") && checkLetter(upn) == upn.charAt(0);
    }

    /** The DfE's rule: characters 2 to 13 weighted 2 to 13, a final letter counted as its check-letter value, mod 23. */
    static char checkLetter(String upn) {
        int sum = 0;
        for (int position = 2; position <= 13; position++) {
            char c = upn.charAt(position - 1);
            int value = Character.isDigit(c) ? c - '0' : LETTERS.indexOf(c);
            if (value < 0) {
                return '?'; // I, O or S cannot end a temporary UPN
            }
            sum += value * position;
        }
        return LETTERS.charAt(sum % 23);
    }
}

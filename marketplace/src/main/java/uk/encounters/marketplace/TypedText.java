package uk.encounters.marketplace;

/**
 * What people may type, and so what may reach names, emails, CSV files and calendars: never a
 * control character (Unicode Cc: NUL, tab, carriage return...), a line or paragraph separator, or
 * a bidirectional override or isolate (they reorder what is shown, so a name can pass for another).
 * Only text of several lines (notes, descriptions) keeps its line breaks. The one rule, for forms,
 * CSV imports and whatever writes text out.
 */
public enum TypedText {

    /** Names, titles, references: one line. */
    ONE_LINE,
    /** Notes and descriptions: line breaks (CR, LF) allowed, nothing else of the above. */
    LINES;

    private static final int LONGEST_FILE_NAME = 200;

    /** The first refused character's index in {@code value}, or -1 when there is none. */
    public int firstRefused(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (isNeverText(c) && !(this == LINES && (c == '\n' || c == '\r'))) {
                return i;
            }
        }
        return -1;
    }

    public boolean accepts(String value) {
        return firstRefused(value) < 0;
    }

    /** The message shown beside a field that holds a refused character. */
    public String refusal(String label) {
        return this == ONE_LINE
                ? label + " must be one line of text, without tabs, line breaks or other control characters"
                : label + " must be plain text: line breaks are fine, but not tabs or other control characters";
    }

    /** Control characters, U+2028 and U+2029, and the bidi embeddings, overrides and isolates. */
    public static boolean isNeverText(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL
                || codePoint == '\u2028'
                || codePoint == '\u2029'
                || (codePoint >= '\u202A' && codePoint <= '\u202E')
                || (codePoint >= '\u2066' && codePoint <= '\u2069');
    }

    /**
     * The name a sender's computer gave a file, made safe to show and store: without any folder, without
     * characters that are never text, at most 200 characters; {@code fallback} when nothing is left.
     */
    public static String fileName(String sent, String fallback) {
        String name = sent == null ? "" : sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
        StringBuilder kept = new StringBuilder();
        name.codePoints().filter(c -> !isNeverText(c)).forEach(kept::appendCodePoint);
        String shown = kept.toString().strip();
        if (shown.isEmpty()) {
            return fallback;
        }
        if (shown.length() <= LONGEST_FILE_NAME) {
            return shown;
        }
        // never half a character: a pair of surrogates stays whole or goes
        int end = Character.isHighSurrogate(shown.charAt(LONGEST_FILE_NAME - 1))
                ? LONGEST_FILE_NAME - 1
                : LONGEST_FILE_NAME;
        return shown.substring(0, end);
    }
}

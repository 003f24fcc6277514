package uk.encounters.marketplace.employer;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An organisation's size as lists write it: a band by name ("micro", "Small") or a count of staff
 * ("35", "10-49", "250+", "1,000 or more"), read into the bands the ONS business counts use.
 */
public final class SizeBand {

    private static final Pattern COUNT = Pattern.compile("(\\d+)(?:\\s*(?:-|to|–)\\s*(\\d+))?\\s*(?:\\+|or more)?");

    private SizeBand() {}

    /** The band, or empty when the text is neither a band nor a count, or a range spans two bands. */
    public static Optional<String> read(String typed) {
        String text = typed.strip().toLowerCase(Locale.ROOT).replace(",", "");
        if (text.matches("micro|small|medium|large")) {
            return Optional.of(text);
        }
        var count = COUNT.matcher(text);
        if (!count.matches()) {
            return Optional.empty();
        }
        String lower = ofCount(Long.parseLong(count.group(1)));
        String upper = count.group(2) == null ? lower : ofCount(Long.parseLong(count.group(2)));
        return lower.equals(upper) ? Optional.of(lower) : Optional.empty();
    }

    private static String ofCount(long staff) {
        return staff < 10 ? "micro" : staff < 50 ? "small" : staff < 250 ? "medium" : "large";
    }
}

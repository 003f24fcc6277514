package uk.encounters.marketplace.money;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Money as people write it ("£45", "45.50", "1,200") and as pages show it; held as whole pence. */
public final class Pounds {

    private static final Pattern WRITTEN = Pattern.compile("£?\\s*(\\d{1,3}(?:,\\d{3})+|\\d{1,7})(?:\\.(\\d{2}))?");

    private Pounds() {}

    /** Pence, or empty when the text is not an amount of pounds. */
    public static Optional<Long> parse(String text) {
        Matcher m = WRITTEN.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long pounds = Long.parseLong(m.group(1).replace(",", ""));
        return Optional.of(pounds * 100 + (m.group(2) == null ? 0 : Integer.parseInt(m.group(2))));
    }

    /** "£45", "£45.50", "£1,200". */
    public static String format(long pence) {
        String pounds = String.format(Locale.UK, "%,d", pence / 100);
        return pence % 100 == 0 ? "£" + pounds : String.format(Locale.UK, "£%s.%02d", pounds, Math.abs(pence % 100));
    }

    /** What a form field shows for an amount: "45" or "45.50", no symbol or separators. */
    public static String plain(long pence) {
        return pence % 100 == 0
                ? String.valueOf(pence / 100)
                : String.format(Locale.UK, "%d.%02d", pence / 100, pence % 100);
    }
}

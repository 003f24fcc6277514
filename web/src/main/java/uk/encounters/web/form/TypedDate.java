package uk.encounters.web.form;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as people in the UK type it, the one reader of typed dates for forms and spreadsheets:
 * "15/03/2027" (or with dashes or dots), "15 March 2027", "15 Mar 2027", the app's own "Mon 15 Mar
 * 2027", and "2027-03-15", which is what a browser's date field sends. Day first, always: a UK
 * careers leader's 03/04/2027 is the 3rd of April.
 */
public final class TypedDate {

    /** How hints and messages show a date to type. */
    public static final String EXAMPLE = "15/03/2027";

    /** A date written back into a field people type in, in the style of {@link #EXAMPLE}. */
    public static final DateTimeFormatter AS_TYPED = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** Long enough for "Wednesday 15 September 2027". */
    public static final int MAX_LENGTH = 30;

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern NUMBERS = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");
    private static final Pattern WORDS = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?\\s+([a-z]+)\\.?,?\\s+(\\d{4})");
    // a weekday in front, as the app writes dates ("Mon 15 Mar 2027"), is read past, not checked
    private static final Pattern WEEKDAY = Pattern.compile("^[a-z]+,?\\s+(?=\\d)");

    private TypedDate() {}

    /** The date meant, or empty when the text is not a real date in one of these styles. */
    public static Optional<LocalDate> parse(String typed) {
        String text = WEEKDAY.matcher(typed.strip().toLowerCase(Locale.ROOT)).replaceFirst("");
        Matcher iso = ISO.matcher(text);
        if (iso.matches()) {
            return date(iso.group(1), month(iso.group(2)), iso.group(3));
        }
        Matcher numbers = NUMBERS.matcher(text);
        if (numbers.matches()) {
            return date(numbers.group(3), month(numbers.group(2)), numbers.group(1));
        }
        Matcher words = WORDS.matcher(text);
        if (words.matches()) {
            return date(words.group(3), monthNamed(words.group(2)), words.group(1));
        }
        return Optional.empty();
    }

    private static Optional<Month> month(String number) {
        int value = Integer.parseInt(number);
        return value >= 1 && value <= 12 ? Optional.of(Month.of(value)) : Optional.empty();
    }

    /** "March", "Mar" or "Sept" (the JDK's UK short form of September), whatever the case. */
    private static Optional<Month> monthNamed(String word) {
        for (Month month : Month.values()) {
            String name = month.getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.ROOT);
            if (name.equals(word)
                    || name.substring(0, 3).equals(word)
                    || (month == Month.SEPTEMBER && word.equals("sept"))) {
                return Optional.of(month);
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(String year, Optional<Month> month, String day) {
        if (month.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), month.get(), Integer.parseInt(day)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}

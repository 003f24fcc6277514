package uk.encounters.matcher.explain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The one way dates and times are written, on pages, in emails and in calendar entries' text:
 * "Tue 8 Dec 2026", "Tue 8 Dec 2026 at 11:05" (UK time). Months have three letters: the JDK's UK
 * locale data writes September "Sept", which no other month matches.
 */
public final class DateStyle {

    /** Where the people reading are: times are shown as the clocks in England show them. */
    public static final ZoneId UK = ZoneId.of("Europe/London");

    private static final Map<Long, String> MONTHS = IntStream.rangeClosed(1, 12)
            .boxed()
            .collect(Collectors.toMap(
                    Integer::longValue,
                    m -> java.time.Month.of(m)
                            .getDisplayName(TextStyle.FULL, Locale.UK)
                            .substring(0, 3)));

    private static final DateTimeFormatter DAY_AND_MONTH = new DateTimeFormatterBuilder()
            .appendPattern("EEE d ")
            .appendText(ChronoField.MONTH_OF_YEAR, MONTHS)
            .toFormatter(Locale.UK);

    /** "Tue 8 Dec 2026". */
    public static final DateTimeFormatter DATE = new DateTimeFormatterBuilder()
            .append(DAY_AND_MONTH)
            .appendPattern(" yyyy")
            .toFormatter(Locale.UK);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private DateStyle() {}

    /** "Tue 8 Dec 2026"; empty for no date. */
    public static String of(LocalDate day) {
        return day == null ? "" : DATE.format(day);
    }

    /** "Tue 8 Dec 2026 at 11:05", in UK time; empty for no moment. */
    public static String of(Instant moment) {
        if (moment == null) {
            return "";
        }
        var local = moment.atZone(UK);
        return DATE.format(local) + " at " + TIME.format(local);
    }

    public static String of(OffsetDateTime moment) {
        return moment == null ? "" : of(moment.toInstant());
    }

    /** "Tue 8 Dec 2026", or "Mon 14 Jun to Fri 18 Jun 2027" for days in one year, else both years. */
    public static String range(LocalDate from, LocalDate to) {
        if (from.equals(to)) {
            return of(from);
        }
        return from.getYear() == to.getYear()
                ? DAY_AND_MONTH.format(from) + " to " + of(to)
                : of(from) + " to " + of(to);
    }
}

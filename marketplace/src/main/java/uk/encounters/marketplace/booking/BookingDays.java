package uk.encounters.marketplace.booking;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A booking's day or days in the one date style, for emails and pages alike. */
final class BookingDays {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
    private static final DateTimeFormatter YEAR = DateTimeFormatter.ofPattern(" yyyy", Locale.UK);

    private BookingDays() {}

    /** "Tue 8 Dec 2026", or "Mon 14 Jun to Fri 18 Jun 2027" for a placement. */
    static String of(LocalDate startsOn, LocalDate endsOn) {
        return startsOn.equals(endsOn)
                ? DAY.format(startsOn) + YEAR.format(startsOn)
                : DAY.format(startsOn) + " to " + DAY.format(endsOn) + YEAR.format(endsOn);
    }
}

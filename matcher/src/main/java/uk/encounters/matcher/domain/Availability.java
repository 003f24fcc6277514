package uk.encounters.matcher.domain;

import java.time.LocalDate;

/**
 * When an offer can be given: a particular date ({@code weekday} null) or an ISO weekday
 * (1 = Monday) recurring over the offer's dates ({@code date} null). A work-experience
 * placement's date is the first day of its week.
 */
public record Availability(LocalDate date, Integer weekday, Period period) {

    public Availability {
        if ((date == null) == (weekday == null)) {
            throw new IllegalArgumentException("Availability is either a date or a weekday");
        }
    }

    public static Availability on(LocalDate date, Period period) {
        return new Availability(date, null, period);
    }

    public static Availability every(int weekday, Period period) {
        return new Availability(null, weekday, period);
    }
}

package uk.encounters.marketplace.statement;

import java.math.BigDecimal;
import java.time.Duration;
import uk.encounters.marketplace.booking.SchoolDay;

/**
 * How an employer's statement counts hours of volunteers' time, written once here and on the page: each session
 * given counts the length of its part of the school day ({@link SchoolDay}: a morning 9:00-12:00 is 3 hours, an
 * afternoon 13:15-15:15 is 2, all day 9:00-15:15 is 6¼), on each weekday from its first day to its last, for the one
 * volunteer who gave it (a session with no volunteer named counts as one person). A volunteer hosting pupils from
 * several schools on the same day and part of the day is counted once: they gave that time once. Travel,
 * preparation and time outside school hours are not counted, so the figure is the least that was given.
 */
public final class VolunteerHours {

    /** The rule in a sentence, for the page and the PDF. */
    public static final String RULE = "Hours of volunteers' time count each session's part of the school day"
            + " (a morning 9:00 to 12:00 is 3 hours, an afternoon 13:15 to 15:15 is 2 hours, all day 9:00 to 15:15"
            + " is 6.25 hours) on each weekday it ran, once for each volunteer who gave it; a volunteer with"
            + " pupils from several schools at once is counted once. Travel and preparation are not counted.";

    private VolunteerHours() {}

    /** Hours of one day in the given period ("morning", "afternoon", "all_day"). */
    public static BigDecimal of(String period) {
        long minutes =
                Duration.between(SchoolDay.start(period), SchoolDay.end(period)).toMinutes();
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP);
    }
}

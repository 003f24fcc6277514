package uk.encounters.marketplace.calendar;

import java.time.LocalTime;

/** A time of day as people write it (and GOV.UK's style): 9am, 8:45am, midday, 3:15pm. */
public final class ClockTime {

    private ClockTime() {}

    public static String words(LocalTime time) {
        if (time.equals(LocalTime.NOON)) {
            return "midday";
        }
        int hour = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
        String minutes = time.getMinute() == 0 ? "" : String.format(":%02d", time.getMinute());
        return hour + minutes + (time.getHour() < 12 ? "am" : "pm");
    }
}

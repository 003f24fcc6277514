package uk.encounters.marketplace.booking;

import java.time.LocalTime;

/**
 * The times a period stands for. Schools' days differ by a quarter of an hour either way; these
 * are what a calendar invitation shows until the school says otherwise.
 */
public final class SchoolDay {

    private SchoolDay() {}

    public static LocalTime start(String period) {
        return "afternoon".equals(period) ? LocalTime.of(13, 15) : LocalTime.of(9, 0);
    }

    public static LocalTime end(String period) {
        return "morning".equals(period) ? LocalTime.of(12, 0) : LocalTime.of(15, 15);
    }

    public static String label(String period) {
        return switch (period) {
            case "morning" -> "Morning";
            case "afternoon" -> "Afternoon";
            default -> "All day";
        };
    }
}

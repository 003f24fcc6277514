package uk.encounters.demo;

import java.time.Duration;

/** What loading an area wrote, and how long generating and writing it took. */
public record LoadReport(String area, RowCounts rows, Duration elapsed) {

    /** One line for a command line: "derby: 1 hub, 24 schools, 22,400 pupils, ... in 3.2 s". */
    public String summary() {
        return String.format(
                "%s: %,d hub(s), %,d schools, %,d pupils, %,d employers, %,d volunteers, %,d offers,"
                        + " %,d availability rows, %,d requests, %,d bookings, %,d encounters in %.1f s",
                area,
                rows.hubs(),
                rows.schools(),
                rows.pupils(),
                rows.employers(),
                rows.volunteers(),
                rows.offers(),
                rows.offerAvailability(),
                rows.requests(),
                rows.bookings(),
                rows.encounters(),
                elapsed.toMillis() / 1000.0);
    }
}

package uk.encounters.web.school;

import java.util.ArrayList;
import java.util.List;
import uk.encounters.marketplace.booking.SchoolBooking;
import uk.encounters.marketplace.booking.SchoolBookingChanges;

/** The flash after confirming several bookings at once: how many, and each one skipped with why. */
final class ConfirmedSeveral {

    private ConfirmedSeveral() {}

    /**
     * @param unreadable ticked values that were not booking ids at all (only a tampered form sends them)
     */
    static String message(SchoolBookingChanges.SeveralConfirmed result, int unreadable) {
        int confirmed = result.confirmed().size();
        StringBuilder words = new StringBuilder(
                confirmed == 0 ? "No bookings were confirmed." : "Confirmed " + count(confirmed) + ".");
        List<String> skipped = new ArrayList<>();
        for (SchoolBookingChanges.Skipped skip : result.skipped()) {
            skipped.add(named(skip.booking()) + ": " + skip.reason());
        }
        int strangers = result.notTheSchools() + unreadable;
        if (strangers > 0) {
            skipped.add(strangers + (strangers == 1 ? " was not" : " were not") + " your school's");
        }
        if (!skipped.isEmpty()) {
            words.append(" Skipped ")
                    .append(count(skipped.size() - (strangers > 0 ? 1 : 0) + strangers))
                    .append(": ")
                    .append(String.join("; ", skipped))
                    .append('.');
        }
        return words.toString();
    }

    private static String count(int bookings) {
        return bookings == 1 ? "1 booking" : bookings + " bookings";
    }

    /** As the list shows it: "Talk for Year 9 with Rolls-Royce, Tue 8 Dec 2026". */
    private static String named(SchoolBooking booking) {
        return booking.typeLabel() + " for Year " + booking.yearGroup() + " with " + booking.employerName() + ", "
                + booking.dates();
    }
}

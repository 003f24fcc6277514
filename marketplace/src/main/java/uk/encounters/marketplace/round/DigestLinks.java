package uk.encounters.marketplace.round;

import uk.encounters.marketplace.booking.CalendarLinks;

/**
 * The app's addresses a round's digests point to. The web module knows its paths and implements
 * this; the marketplace, which writes the digests, asks it.
 */
public interface DigestLinks extends CalendarLinks {

    /** Where a school's careers leader confirms the school's bookings and chooses the pupils. */
    String schoolBookings(long schoolId);

    /** Where a school's careers leader sees its events and the stalls employers were asked for. */
    String schoolEvents(long schoolId);
}

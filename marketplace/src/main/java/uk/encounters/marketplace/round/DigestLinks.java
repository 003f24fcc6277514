package uk.encounters.marketplace.round;

/**
 * The app's addresses a round's digests point to. The web module knows its paths and implements
 * this; the marketplace, which writes the digests, asks it.
 */
public interface DigestLinks {

    /** Where a school's careers leader confirms the school's bookings and chooses the pupils. */
    String schoolBookings(long schoolId);

    /** Where a school's careers leader sees its events and the stalls employers were asked for. */
    String schoolEvents(long schoolId);

    /** The first-time volunteer's guide: what a good session looks like, and keeping pupils safe. */
    String volunteerGuide();

    /** The app's host name, which makes calendar event UIDs unique in the world; null when it has none. */
    String host();
}

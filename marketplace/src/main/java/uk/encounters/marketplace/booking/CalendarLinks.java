package uk.encounters.marketplace.booking;

/**
 * What the app's calendar events carry of the app itself. The web module knows its address and
 * sending address and implements this; calendars, written in the marketplace, ask it.
 */
public interface CalendarLinks {

    /** The app's host name, which makes calendar event UIDs unique in the world; null when it has none. */
    String host();

    /** The first-time volunteer's guide: what a good session looks like, and keeping pupils safe. */
    String volunteerGuide();

    /**
     * The address the app sends from, the organiser of its calendar events: a calendar app takes a
     * cancellation only from the organiser of the event it cancels.
     */
    String organiser();
}

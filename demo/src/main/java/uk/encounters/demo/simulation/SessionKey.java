package uk.encounters.demo.simulation;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;

import java.time.LocalDate;
import org.jooq.Record;

/**
 * What makes a booked session the same session in both brokers' databases: the request, the
 * offer, the day and the period. Both databases are loaded and fed identically, so their ids
 * agree; a chance event about a session is drawn under this name.
 */
record SessionKey(long requestId, long offerId, LocalDate startsOn, String period) {

    /** The session of a booking row that selected its request, offer, day and period. */
    static SessionKey of(Record booking) {
        return new SessionKey(
                booking.get(BOOKING.REQUEST_ID),
                booking.get(BOOKING.OFFER_ID),
                booking.get(BOOKING.STARTS_ON),
                booking.get(BOOKING.PERIOD));
    }

    String name() {
        return requestId + "/" + offerId + "/" + startsOn + "/" + period;
    }
}

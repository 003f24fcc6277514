package uk.encounters.demo.simulation;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;

import java.time.LocalDate;
import org.jooq.Record;

/**
 * What makes a booked session the same session in every arm's database: what it is for (a request,
 * or an event's stall), the offer, the day and the period. Every database is loaded and fed
 * identically, so their request and event ids agree; a chance event about a session is drawn
 * under this name.
 *
 * @param demand the request's id, or "event-" and the event's id for a stall
 */
record SessionKey(String demand, long offerId, LocalDate startsOn, String period) {

    /** The session of a booking row that selected its request, event, offer, day and period. */
    static SessionKey of(Record booking) {
        Long requestId = booking.get(BOOKING.REQUEST_ID);
        return new SessionKey(
                requestId != null ? requestId.toString() : "event-" + booking.get(BOOKING.EVENT_ID),
                booking.get(BOOKING.OFFER_ID),
                booking.get(BOOKING.STARTS_ON),
                booking.get(BOOKING.PERIOD));
    }

    String name() {
        return demand + "/" + offerId + "/" + startsOn + "/" + period;
    }
}

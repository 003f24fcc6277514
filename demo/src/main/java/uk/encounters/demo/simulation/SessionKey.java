package uk.encounters.demo.simulation;

import java.time.LocalDate;

/**
 * What makes a booked session the same session in both brokers' databases: the request, the
 * offer, the day and the period. Both databases are loaded and fed identically, so their ids
 * agree; a chance event about a session is drawn under this name.
 */
record SessionKey(long requestId, long offerId, LocalDate startsOn, String period) {

    String name() {
        return requestId + "/" + offerId + "/" + startsOn + "/" + period;
    }
}

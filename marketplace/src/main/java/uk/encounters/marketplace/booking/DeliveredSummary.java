package uk.encounters.marketplace.booking;

/** What an employer has given: the thank-you that brings volunteers back. */
public record DeliveredSummary(int sessions, int pupilsReached, int disadvantagedReached, int schools) {

    public boolean any() {
        return sessions > 0;
    }
}

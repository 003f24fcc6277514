package uk.encounters.marketplace.event;

import uk.encounters.marketplace.StoredStatus;

/** Whether an event goes ahead, stored in {@code event.status}. */
public enum EventStatus implements StoredStatus {
    OPEN("open"),
    CANCELLED("cancelled");

    private final String literal;

    EventStatus(String literal) {
        this.literal = literal;
    }

    @Override
    public String getLiteral() {
        return literal;
    }

    @Override
    public String tagClass() {
        return this == OPEN ? "tag--green" : "tag--grey";
    }
}

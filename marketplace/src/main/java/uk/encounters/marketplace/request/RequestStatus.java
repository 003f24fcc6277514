package uk.encounters.marketplace.request;

import uk.encounters.marketplace.StoredStatus;

/**
 * Where a school's request stands, stored in {@code request.status}: open until its sessions are
 * all booked (matched), or until the school cancels it or its window closes.
 */
public enum RequestStatus implements StoredStatus {
    OPEN("open"),
    MATCHED("matched"),
    CANCELLED("cancelled"),
    CLOSED("closed");

    private final String literal;

    RequestStatus(String literal) {
        this.literal = literal;
    }

    /** The word stored in the database. */
    @Override
    public String getLiteral() {
        return literal;
    }

    @Override
    public String tagClass() {
        return switch (this) {
            case OPEN -> "tag--blue";
            case MATCHED -> "tag--green";
            case CANCELLED, CLOSED -> "tag--grey";
        };
    }
}

package uk.encounters.marketplace.request;

import org.jooq.EnumType;

/**
 * Where a school's request stands, stored in {@code request.status}: open until its sessions are
 * all booked (matched), or until the school cancels it or its window closes.
 */
public enum RequestStatus implements EnumType {
    OPEN("open", "open"),
    MATCHED("matched", "matched"),
    CANCELLED("cancelled", "cancelled"),
    CLOSED("closed", "closed");

    private final String literal;
    private final String label;

    RequestStatus(String literal, String label) {
        this.literal = literal;
        this.label = label;
    }

    /** The word stored in the database. */
    @Override
    public String getLiteral() {
        return literal;
    }

    @Override
    public String getName() {
        return null;
    }

    /** Plain words for a page. */
    public String label() {
        return label;
    }
}

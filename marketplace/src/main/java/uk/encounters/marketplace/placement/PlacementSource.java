package uk.encounters.marketplace.placement;

import uk.encounters.marketplace.StoredStatus;

/** How a placement came about, stored in {@code placement.source}. */
public enum PlacementSource implements StoredStatus {
    /** The round matched the school's request to a host's offer. */
    BOOKED("booked", "booked through the round"),
    /** A pupil or family arranged it, and the school recorded it. */
    SELF_FOUND("self_found", "found by the pupil or family");

    private final String literal;
    private final String label;

    PlacementSource(String literal, String label) {
        this.literal = literal;
        this.label = label;
    }

    @Override
    public String getLiteral() {
        return literal;
    }

    @Override
    public String label() {
        return label;
    }
}

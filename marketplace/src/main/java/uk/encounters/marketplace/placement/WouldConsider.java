package uk.encounters.marketplace.placement;

import uk.encounters.marketplace.StoredStatus;

/** Whether a pupil would consider the work they saw, stored in {@code placement_reflection.would_consider}. */
public enum WouldConsider implements StoredStatus {
    YES("yes", "Yes"),
    MAYBE("maybe", "Maybe"),
    NO("no", "No");

    private final String literal;
    private final String label;

    WouldConsider(String literal, String label) {
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

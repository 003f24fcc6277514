package uk.encounters.marketplace.feedback;

import java.util.Optional;
import uk.encounters.marketplace.StoredStatus;

/**
 * A pupil's answer to one of the three questions after an encounter (did you learn what this work
 * is like, what it takes, would you consider it), stored in {@code pupil_feedback}.
 */
public enum PupilAnswer implements StoredStatus {
    YES("yes", "Yes", "Yes"),
    PARTLY("partly", "A bit", "Maybe"),
    NO("no", "No", "No");

    private final String literal;
    private final String label;
    /** The same answer to "would you consider this kind of work?". */
    private final String considerLabel;

    PupilAnswer(String literal, String label, String considerLabel) {
        this.literal = literal;
        this.label = label;
        this.considerLabel = considerLabel;
    }

    @Override
    public String getLiteral() {
        return literal;
    }

    @Override
    public String label() {
        return label;
    }

    public String considerLabel() {
        return considerLabel;
    }

    /** The answer stored as {@code literal}; empty for anything else. */
    public static Optional<PupilAnswer> ofLiteral(String literal) {
        for (PupilAnswer a : values()) {
            if (a.literal.equals(literal)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}

package uk.encounters.marketplace.round;

import java.util.EnumSet;
import java.util.Set;
import uk.encounters.marketplace.StoredStatus;

/**
 * Where a matching round stands, stored in {@code matching_round.status}: a draft is solved, its
 * plan proposed to the coordinator, then published to schools and employers or discarded.
 */
public enum RoundStatus implements StoredStatus {
    DRAFT("draft"),
    SOLVING("solving"),
    PROPOSED("proposed"),
    PUBLISHED("published"),
    DISCARDED("discarded");

    /** Still open to change; a hub has at most one such round. */
    public static final Set<RoundStatus> OPEN = EnumSet.of(DRAFT, SOLVING, PROPOSED);

    private final String literal;

    RoundStatus(String literal) {
        this.literal = literal;
    }

    /** The word stored in the database. */
    @Override
    public String getLiteral() {
        return literal;
    }
}

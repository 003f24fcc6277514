package uk.encounters.marketplace.round;

import java.util.EnumSet;
import java.util.Set;
import org.jooq.EnumType;

/**
 * Where a matching round stands, stored in {@code matching_round.status}: a draft is solved, its
 * plan proposed to the coordinator, then published to schools and employers or discarded.
 */
public enum RoundStatus implements EnumType {
    DRAFT("draft", "draft"),
    SOLVING("solving", "solving"),
    PROPOSED("proposed", "proposed"),
    PUBLISHED("published", "published"),
    DISCARDED("discarded", "discarded");

    /** Still open to change; a hub has at most one such round. */
    public static final Set<RoundStatus> OPEN = EnumSet.of(DRAFT, SOLVING, PROPOSED);

    private final String literal;
    private final String label;

    RoundStatus(String literal, String label) {
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

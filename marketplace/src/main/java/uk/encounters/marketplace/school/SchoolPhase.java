package uk.encounters.marketplace.school;

import java.util.Arrays;
import java.util.Optional;
import uk.encounters.marketplace.StoredStatus;

/**
 * What kind of school or college, stored in {@code school.phase}: the places that teach pupils
 * somewhere in Years 7 to 13 and so owe them encounters with employers.
 */
public enum SchoolPhase implements StoredStatus {
    SECONDARY("secondary", "secondary school"),
    ALL_THROUGH("all_through", "all-through school"),
    SPECIAL("special", "special school"),
    ALTERNATIVE_PROVISION("alternative_provision", "alternative provision"),
    MIDDLE("middle", "middle school"),
    SIXTH_FORM("sixth_form", "sixth form"),
    FURTHER_EDUCATION("further_education", "further education college");

    private final String literal;
    private final String label;

    SchoolPhase(String literal, String label) {
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

    public static Optional<SchoolPhase> fromLiteral(String literal) {
        return Arrays.stream(values()).filter(p -> p.literal.equals(literal)).findFirst();
    }

    /** Special schools and alternative provision: most of their pupils need adjustments. */
    public boolean specialist() {
        return this == SPECIAL || this == ALTERNATIVE_PROVISION;
    }
}

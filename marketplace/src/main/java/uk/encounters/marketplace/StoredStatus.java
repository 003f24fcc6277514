package uk.encounters.marketplace;

import org.jooq.EnumType;

/**
 * A status column as a Java enum: jOOQ's enum converter stores {@link #getLiteral()}, and pages print
 * {@link #label()}. The column's CHECK constraint lists the same words (StatusEnumsTest).
 */
public interface StoredStatus extends EnumType {

    /** No PostgreSQL enum type stands behind it: the column is a varchar. */
    @Override
    default String getName() {
        return null;
    }

    /** Plain words for a page: the stored word unless the status says otherwise. */
    default String label() {
        return getLiteral().replace('_', ' ');
    }

    /** The words on its tag (templates/partials/status-tag.hbs): the label, capitalised. */
    default String tagLabel() {
        String label = label();
        return label.isEmpty() ? label : Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    /**
     * The tag's colour, a GOV.UK-style modifier class (site.css): blue waits on someone, green is
     * going ahead, yellow needs the reader, red went wrong, grey is over.
     */
    default String tagClass() {
        return "tag--grey";
    }
}

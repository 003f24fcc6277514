package uk.encounters.marketplace.offer;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jooq.EnumType;
import uk.encounters.marketplace.StoredStatus;

/**
 * Where an employer's offer stands, stored in {@code offer.status}: pending until the offer is
 * confirmed by email, then active (the round may ask for it), paused or withdrawn by the employer.
 */
public enum OfferStatus implements StoredStatus {
    PENDING("pending", "waiting for you to confirm by email"),
    ACTIVE("active"),
    PAUSED("paused"),
    WITHDRAWN("withdrawn");

    private final String literal;
    private final String label;

    OfferStatus(String literal) {
        this(literal, null);
    }

    OfferStatus(String literal, String label) {
        this.literal = literal;
        this.label = label;
    }

    /** The word stored in the database, and the value a form posts. */
    @Override
    public String getLiteral() {
        return literal;
    }

    @Override
    public String label() {
        return label != null ? label : StoredStatus.super.label();
    }

    @Override
    public String tagClass() {
        return switch (this) {
            case PENDING -> "tag--yellow";
            case ACTIVE -> "tag--green";
            case PAUSED, WITHDRAWN -> "tag--grey";
        };
    }

    /** The statuses an offer may come to this one from: a withdrawn offer stays withdrawn. */
    public Set<OfferStatus> reachableFrom() {
        return switch (this) {
            case PAUSED -> EnumSet.of(ACTIVE);
            case ACTIVE -> EnumSet.of(PAUSED, PENDING);
            case WITHDRAWN -> EnumSet.of(PENDING, ACTIVE, PAUSED);
            case PENDING -> EnumSet.noneOf(OfferStatus.class);
        };
    }

    /** The status a form or a file names, if it names one. */
    public static Optional<OfferStatus> fromLiteral(String literal) {
        return Optional.ofNullable(EnumType.lookupLiteral(OfferStatus.class, literal));
    }
}

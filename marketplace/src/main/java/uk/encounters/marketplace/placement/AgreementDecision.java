package uk.encounters.marketplace.placement;

import uk.encounters.marketplace.StoredStatus;

/** A parent's or carer's answer about a placement, stored in {@code placement_agreement.decision}. */
public enum AgreementDecision implements StoredStatus {
    AGREED("agreed", "tag--green"),
    REFUSED("refused", "tag--red");

    private final String literal;
    private final String tagClass;

    AgreementDecision(String literal, String tagClass) {
        this.literal = literal;
        this.tagClass = tagClass;
    }

    @Override
    public String getLiteral() {
        return literal;
    }

    @Override
    public String tagClass() {
        return tagClass;
    }
}

package uk.encounters.marketplace.placement;

import uk.encounters.marketplace.StoredStatus;

/** The school's check of a host's paperwork for a placement, stored in {@code placement_sign_off.decision}. */
public enum SignOffDecision implements StoredStatus {
    /** The school read the paperwork and is content for the placement to go ahead on it. */
    APPROVED("approved", "approved", "tag--green"),
    /** Something needs the host's attention first: the reason is shown to the host. */
    SENT_BACK("sent_back", "sent back to the host", "tag--red");

    private final String literal;
    private final String label;
    private final String tagClass;

    SignOffDecision(String literal, String label, String tagClass) {
        this.literal = literal;
        this.label = label;
        this.tagClass = tagClass;
    }

    @Override
    public String getLiteral() {
        return literal;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String tagClass() {
        return tagClass;
    }
}

package uk.encounters.marketplace.placement;

import uk.encounters.marketplace.StoredStatus;

/** What a file an organisation sent with its placement paperwork is, stored in {@code placement_document.kind}. */
public enum DocumentKind implements StoredStatus {
    INSURANCE_CERTIFICATE("insurance_certificate", "employer's liability insurance certificate"),
    RISK_ASSESSMENT("risk_assessment", "risk assessment"),
    HEALTH_SAFETY_POLICY("health_safety_policy", "health and safety policy");

    private final String literal;
    private final String label;

    DocumentKind(String literal, String label) {
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

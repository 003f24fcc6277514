package uk.encounters.marketplace.employer;

/**
 * What an organisation is to the hub: an employer that gives encounters, or an agency (a chamber
 * of commerce, a brokerage) whose contact list brought employers in. The employers it brokers for
 * stay organisations of their own and point at it ({@code employer.via_agency_id}).
 */
public enum EmployerKind {
    EMPLOYER("employer"),
    AGENCY("agency");

    private final String code;

    EmployerKind(String code) {
        this.code = code;
    }

    /** The value stored in {@code employer.kind}. */
    public String code() {
        return code;
    }
}

package uk.encounters.marketplace.account;

/** What a person does in the marketplace; the code is the value stored in {@code user_scope.role}. */
public enum Role {
    CAREERS_LEADER("careers_leader", "Careers leader"),
    EMPLOYER("employer", "Employer"),
    COORDINATOR("coordinator", "Enterprise coordinator"),
    ADMIN("admin", "Administrator"),
    /** A volunteer from business linked to a school: sees its progress, requests and bookings, changes nothing. */
    ENTERPRISE_ADVISER("enterprise_adviser", "Enterprise adviser");

    private final String code;
    private final String label;

    Role(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** The role as people call it, for pages and emails. */
    public String label() {
        return label;
    }

    public static Role fromCode(String code) {
        for (Role role : values()) {
            if (role.code.equals(code)) {
                return role;
            }
        }
        throw new IllegalArgumentException("No role has the code " + code);
    }
}

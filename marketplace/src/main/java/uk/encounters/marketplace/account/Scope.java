package uk.encounters.marketplace.account;

import java.util.Objects;

/**
 * One role held where it applies: a careers leader or an enterprise adviser for a school, an employer for an organisation,
 * a coordinator for a hub; an administrator everywhere. The same rule as the
 * {@code user_scope_matches_role_ck} constraint, checked here so a wrong scope fails before SQL.
 */
public record Scope(Role role, Long schoolId, Long employerId, Long hubId) {

    public Scope {
        Objects.requireNonNull(role, "role");
        boolean fits = switch (role) {
            case CAREERS_LEADER, ENTERPRISE_ADVISER -> schoolId != null && employerId == null && hubId == null;
            case EMPLOYER -> employerId != null && schoolId == null && hubId == null;
            case COORDINATOR -> hubId != null && schoolId == null && employerId == null;
            case ADMIN -> schoolId == null && employerId == null && hubId == null;
        };
        if (!fits) {
            throw new IllegalArgumentException("A " + role.code() + " scope cannot have school " + schoolId
                    + ", employer " + employerId + " and hub " + hubId);
        }
    }

    public static Scope careersLeader(long schoolId) {
        return new Scope(Role.CAREERS_LEADER, schoolId, null, null);
    }

    public static Scope enterpriseAdviser(long schoolId) {
        return new Scope(Role.ENTERPRISE_ADVISER, schoolId, null, null);
    }

    public static Scope employer(long employerId) {
        return new Scope(Role.EMPLOYER, null, employerId, null);
    }

    public static Scope coordinator(long hubId) {
        return new Scope(Role.COORDINATOR, null, null, hubId);
    }

    public static Scope admin() {
        return new Scope(Role.ADMIN, null, null, null);
    }
}

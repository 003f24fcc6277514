package uk.encounters.web.security;

import java.util.Optional;
import uk.encounters.marketplace.account.Account;
import uk.encounters.marketplace.account.Role;

/**
 * Who may use a route. Every route declares one (see {@link Routes}); the kinds are few on
 * purpose, so the route-by-role test can state what each kind must answer to each person.
 */
public record Access(Kind kind, String parameter) {

    public enum Kind {
        /** Public pages and forms. */
        ANYONE,
        /** Any signed-in person. */
        SIGNED_IN,
        ADMIN,
        /** The hub's enterprise coordinators, and admins. */
        HUB,
        /** The school's careers leaders, the coordinators of its hub, and admins. */
        SCHOOL,
        /** As {@link #SCHOOL}, and the school's enterprise advisers too: pages that only show. */
        SCHOOL_READ,
        /** The employer's contacts, the coordinators of its hub, and admins. */
        EMPLOYER
    }

    public enum Decision {
        ALLOW,
        SIGN_IN,
        FORBIDDEN,
        NOT_FOUND
    }

    /** Which hub a school or an employer belongs to; empty when there is no such school or employer. */
    public interface HubLookup {
        Optional<Long> hubOfSchool(long schoolId);

        Optional<Long> hubOfEmployer(long employerId);
    }

    public static Access anyone() {
        return new Access(Kind.ANYONE, null);
    }

    public static Access signedIn() {
        return new Access(Kind.SIGNED_IN, null);
    }

    public static Access admin() {
        return new Access(Kind.ADMIN, null);
    }

    /** Coordinators of the hub named by path parameter {@code parameter}. */
    public static Access hub(String parameter) {
        return new Access(Kind.HUB, parameter);
    }

    public static Access school(String parameter) {
        return new Access(Kind.SCHOOL, parameter);
    }

    /** A page that changes nothing, which the school's enterprise advisers may read as well. */
    public static Access schoolRead(String parameter) {
        return new Access(Kind.SCHOOL_READ, parameter);
    }

    public static Access employer(String parameter) {
        return new Access(Kind.EMPLOYER, parameter);
    }

    /**
     * Decides for {@code account} (null when nobody is signed in), given the value of the rule's
     * path parameter.
     */
    public Decision decide(Account account, String parameterValue, HubLookup hubs) {
        if (kind == Kind.ANYONE) {
            return Decision.ALLOW;
        }
        if (account == null) {
            return Decision.SIGN_IN;
        }
        if (kind == Kind.SIGNED_IN) {
            return Decision.ALLOW;
        }
        if (kind == Kind.ADMIN) {
            return account.isAdmin() ? Decision.ALLOW : Decision.FORBIDDEN;
        }
        Optional<Long> parsed = PathId.parse(parameterValue);
        if (parsed.isEmpty()) {
            return Decision.NOT_FOUND;
        }
        long id = parsed.get();
        Optional<Long> hub = switch (kind) {
            case HUB -> Optional.of(id);
            case SCHOOL, SCHOOL_READ -> hubs.hubOfSchool(id);
            case EMPLOYER -> hubs.hubOfEmployer(id);
            default -> throw new IllegalStateException(kind.name());
        };
        boolean own = switch (kind) {
            case SCHOOL ->
                account.hasRole(Role.CAREERS_LEADER) && account.schoolIds().contains(id);
            case SCHOOL_READ ->
                account.schoolIds().contains(id) || account.advisedSchoolIds().contains(id);
            case EMPLOYER ->
                account.hasRole(Role.EMPLOYER) && account.employerIds().contains(id);
            default -> false;
        };
        boolean coordinates = hub.isPresent()
                && account.hasRole(Role.COORDINATOR)
                && account.hubIds().contains(hub.get());
        if (own || coordinates || account.isAdmin()) {
            return hub.isPresent() || own ? Decision.ALLOW : Decision.NOT_FOUND;
        }
        return Decision.FORBIDDEN;
    }
}

package uk.encounters.web.security;

import java.util.Optional;
import java.util.Set;
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
        /**
         * The school's own careers leaders only, not its hub's coordinators nor admins: pupils' words,
         * which nobody else reads before a careers leader approves them.
         */
        SCHOOL_OWN,
        /** The employer's contacts, the coordinators of its hub, and admins. */
        EMPLOYER
    }

    public enum Decision {
        ALLOW,
        SIGN_IN,
        FORBIDDEN,
        NOT_FOUND
    }

    /** Which hub a school belongs to, which hubs an employer works with; empty when there is no such one. */
    public interface HubLookup {
        Optional<Long> hubOfSchool(long schoolId);

        Set<Long> hubsOfEmployer(long employerId);
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

    public static Access schoolOwn(String parameter) {
        return new Access(Kind.SCHOOL_OWN, parameter);
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
        if (kind == Kind.SCHOOL_OWN) {
            return account.hasRole(Role.CAREERS_LEADER) && account.schoolIds().contains(id)
                    ? Decision.ALLOW
                    : Decision.FORBIDDEN;
        }
        Set<Long> inHubs = switch (kind) {
            case HUB -> Set.of(id);
            case SCHOOL, SCHOOL_READ -> hubs.hubOfSchool(id).map(Set::of).orElse(Set.of());
            case EMPLOYER -> hubs.hubsOfEmployer(id);
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
        // an employer working with several hubs is looked after by each hub's coordinator
        boolean coordinates =
                account.hasRole(Role.COORDINATOR) && inHubs.stream().anyMatch(account.hubIds()::contains);
        if (own || coordinates || account.isAdmin()) {
            return !inHubs.isEmpty() || own ? Decision.ALLOW : Decision.NOT_FOUND;
        }
        return Decision.FORBIDDEN;
    }
}

package uk.encounters.marketplace.account;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A person who can sign in, with every scope they hold.
 *
 * @param sessionsEndedAt every session that began before this is over (a new password, "sign out
 *                        everywhere"); null when that never happened
 * @param secondFactor    whether they confirm sign-in with an authenticator app
 */
public record Account(
        long id, String email, String displayName, List<Scope> scopes, Instant sessionsEndedAt, boolean secondFactor) {

    public Account {
        scopes = List.copyOf(scopes);
    }

    /** Whether a session that began at {@code signedInAt} has been ended since. */
    public boolean sessionEnded(Instant signedInAt) {
        return sessionsEndedAt != null && signedInAt.isBefore(sessionsEndedAt);
    }

    public boolean isAdmin() {
        return hasRole(Role.ADMIN);
    }

    public boolean hasRole(Role role) {
        return scopes.stream().anyMatch(s -> s.role() == role);
    }

    /** The schools this person is careers leader of. */
    public Set<Long> schoolIds() {
        return idsOf(Role.CAREERS_LEADER, Scope::schoolId);
    }

    /** The schools this person is enterprise adviser to: theirs to read, not to change. */
    public Set<Long> advisedSchoolIds() {
        return idsOf(Role.ENTERPRISE_ADVISER, Scope::schoolId);
    }

    /** The employers this person acts for. */
    public Set<Long> employerIds() {
        return idsOf(Role.EMPLOYER, Scope::employerId);
    }

    /** The hubs this person coordinates. */
    public Set<Long> hubIds() {
        return idsOf(Role.COORDINATOR, Scope::hubId);
    }

    private Set<Long> idsOf(Role role, Function<Scope, Long> id) {
        return scopes.stream()
                .filter(s -> s.role() == role)
                .map(id)
                .filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }
}

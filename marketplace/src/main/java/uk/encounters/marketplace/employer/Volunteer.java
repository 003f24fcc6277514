package uk.encounters.marketplace.employer;

import java.time.LocalDate;
import java.util.Optional;
import uk.encounters.matcher.explain.DateStyle;

/** Someone who gives encounters for an employer, with the state of their safeguarding check. */
public record Volunteer(
        long id, long employerId, String name, String email, LocalDate safeguardingCheckedUntil, boolean active) {

    /** How soon before expiry the employer is reminded to renew. */
    static final int RENEW_WITHIN_DAYS = 60;

    public enum Safeguarding {
        NONE,
        VALID,
        RENEW_SOON,
        EXPIRED
    }

    public Safeguarding safeguarding(LocalDate today) {
        if (safeguardingCheckedUntil == null) {
            return Safeguarding.NONE;
        }
        if (safeguardingCheckedUntil.isBefore(today)) {
            return Safeguarding.EXPIRED;
        }
        return safeguardingCheckedUntil.isBefore(today.plusDays(RENEW_WITHIN_DAYS))
                ? Safeguarding.RENEW_SOON
                : Safeguarding.VALID;
    }

    /**
     * What to tell whoever adds a volunteer whose check has run out: they are kept, but matching
     * leaves them out of activities that need one. Empty when the check is current or there is none.
     */
    public static Optional<String> expiredCheckWarning(String name, LocalDate checkedUntil, LocalDate today) {
        if (checkedUntil == null || !checkedUntil.isBefore(today)) {
            return Optional.empty();
        }
        return Optional.of("Warning: " + name + "'s safeguarding check ran out on " + DateStyle.of(checkedUntil)
                + ", so they will not be matched to activities that need one until it is renewed.");
    }

    /** Schools see first names only; an employer's own page shows the full name. */
    public String firstName() {
        return firstNameOf(name);
    }

    public static String firstNameOf(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String trimmed = name.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }
}

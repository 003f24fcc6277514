package uk.encounters.marketplace.employer;

import java.time.LocalDate;

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

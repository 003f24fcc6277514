package uk.encounters.matcher.domain;

import java.time.LocalDate;

/** The person who gives an offer; {@code safeguardingCheckedUntil} is null without a check. */
public record Volunteer(long id, String name, LocalDate safeguardingCheckedUntil) {

    public boolean checkedOn(LocalDate day) {
        return safeguardingCheckedUntil != null && !safeguardingCheckedUntil.isBefore(day);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Identity is the database id: cheap to hash when the solver groups by it. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Volunteer that && that.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }
}

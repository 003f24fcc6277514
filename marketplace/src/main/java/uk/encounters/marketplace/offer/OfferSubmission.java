package uk.encounters.marketplace.offer;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import uk.encounters.matcher.domain.EncounterType;

/**
 * What an employer offers through the public form: who they are, what they can give, and when.
 * Built by the web form once every field is valid.
 */
public record OfferSubmission(
        long hubId,
        String organisation,
        String contactName,
        String email,
        String postcode,
        String sector,
        String sizeBand,
        EncounterType type,
        String topics,
        int yearGroupFrom,
        int yearGroupTo,
        int pupilsPerSession,
        int sessions,
        boolean inSchool,
        boolean atWorkplace,
        boolean online,
        int travelRadiusKm,
        LocalDate availableFrom,
        LocalDate availableUntil,
        Set<DayOfWeek> weekdays,
        boolean mornings,
        boolean afternoons,
        List<LocalDate> specificDates,
        LocalDate safeguardingCheckedUntil,
        boolean sendAdaptable) {

    public OfferSubmission {
        weekdays = Set.copyOf(weekdays);
        specificDates = List.copyOf(specificDates);
        if (!inSchool && !atWorkplace && !online) {
            throw new IllegalArgumentException("An offer needs at least one way to deliver it");
        }
        if (availableUntil.isBefore(availableFrom)) {
            throw new IllegalArgumentException("Availability must end after it starts");
        }
    }

    /** The periods chosen; a work-experience placement takes the whole day. */
    public List<String> periods() {
        if (type == EncounterType.WORK_EXPERIENCE) {
            return List.of("all_day");
        }
        return mornings && afternoons ? List.of("morning", "afternoon") : List.of(mornings ? "morning" : "afternoon");
    }

    public String title() {
        String label = type.label();
        return topics == null || topics.isBlank() ? label + " from " + organisation
                : (label + ": " + topics).substring(0, Math.min(200, label.length() + 2 + topics.length()));
    }
}

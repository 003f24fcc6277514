package uk.encounters.marketplace.offer;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import uk.encounters.matcher.domain.EncounterType;

/**
 * What an employer can give, to whom and when: the part of an offer that the public form, the
 * employer's own offer form and a CSV import all fill in. Built once every field is valid.
 *
 * <p>Availability is either weekdays recurring over the dates (a cornerstone's weekly capacity
 * over a term) or particular dates, or both.
 */
public record OfferDetails(
        EncounterType type,
        String title,
        String topics,
        String sector,
        int yearGroupFrom,
        int yearGroupTo,
        int pupilsPerSession,
        int sessions,
        boolean inSchool,
        boolean atWorkplace,
        boolean online,
        /* online, the pupils do tasks and talk with staff: an online workplace experience counts as one */
        boolean interactive,
        /* online, one session takes several schools' classes at once, up to pupilsPerSession together */
        boolean sharedOnline,
        int travelRadiusKm,
        LocalDate availableFrom,
        LocalDate availableUntil,
        Set<DayOfWeek> weekdays,
        boolean mornings,
        boolean afternoons,
        List<LocalDate> specificDates,
        boolean sendAdaptable,
        /* null when the encounter is free, as most are */
        Integer costPerSessionPence,
        /* what a work-experience host asks of a pupil; empty otherwise */
        String requirements) {

    public OfferDetails {
        weekdays = Set.copyOf(weekdays);
        specificDates = List.copyOf(specificDates);
        topics = topics == null ? "" : topics;
        requirements = requirements == null ? "" : requirements;
        if (!inSchool && !atWorkplace && !online) {
            throw new IllegalArgumentException("An offer needs at least one way to deliver it");
        }
        if (interactive && !online) {
            throw new IllegalArgumentException("Only an online offer is interactive or not");
        }
        if (sharedOnline && !online) {
            throw new IllegalArgumentException("Only an online session can be shared by several schools");
        }
        if (availableUntil.isBefore(availableFrom)) {
            throw new IllegalArgumentException("Availability must end after it starts");
        }
        if (yearGroupTo < yearGroupFrom) {
            throw new IllegalArgumentException("Year groups must run from youngest to oldest");
        }
    }

    /** The periods chosen; a work-experience placement takes the whole day. */
    public List<String> periods() {
        if (type == EncounterType.WORK_EXPERIENCE) {
            return List.of("all_day");
        }
        return mornings && afternoons ? List.of("morning", "afternoon") : List.of(mornings ? "morning" : "afternoon");
    }

    /** The title an offer gets when the employer gives none. */
    public static String defaultTitle(EncounterType type, String topics, String organisation) {
        String label = type.label();
        String title =
                topics == null || topics.isBlank() ? label + " from " + organisation : label + ": " + topics.strip();
        return title.length() <= 200 ? title : title.substring(0, 199) + "…";
    }
}

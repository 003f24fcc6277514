package uk.encounters.marketplace.request;

import java.time.LocalDate;
import java.util.List;
import uk.encounters.matcher.domain.EncounterType;

/**
 * What a careers leader asks for: which pupils, how many sessions, when and where. For a
 * work-experience placement, {@code pupils} is the number of places and the window is the
 * placement dates. {@code notes} are for the coordinator; {@code notesForVolunteer} reach the employer.
 */
public record RequestDetails(
        EncounterType type,
        int yearGroup,
        int pupils,
        int sessions,
        LocalDate windowStart,
        LocalDate windowEnd,
        boolean mornings,
        boolean afternoons,
        boolean inSchool,
        boolean atWorkplace,
        boolean online,
        List<String> preferredSectors,
        Long preferredEmployerId,
        String sendAdjustments,
        String notes,
        String notesForVolunteer) {

    public RequestDetails {
        preferredSectors = List.copyOf(preferredSectors);
        sendAdjustments = sendAdjustments == null ? "" : sendAdjustments;
        notes = notes == null ? "" : notes;
        notesForVolunteer = notesForVolunteer == null ? "" : notesForVolunteer;
        if (windowEnd.isBefore(windowStart)) {
            throw new IllegalArgumentException("The window must end after it starts");
        }
        if (!mornings && !afternoons) {
            throw new IllegalArgumentException("A request needs mornings, afternoons or both");
        }
        if (!inSchool && !atWorkplace && !online) {
            throw new IllegalArgumentException("A request needs at least one place");
        }
    }

    public boolean placement() {
        return type == EncounterType.WORK_EXPERIENCE;
    }
}

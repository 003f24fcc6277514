package uk.encounters.marketplace.placement;

import java.time.LocalDate;
import uk.encounters.matcher.explain.DateStyle;

/**
 * One pupil's work-experience placement with one host. Pupils stay pseudonymous: the school's
 * reference is all the app holds, and only the school and its hub see it.
 *
 * @param bookingId the booking it came from; null for a placement the pupil or family found
 */
public record Placement(
        long id,
        PlacementSource source,
        Long bookingId,
        long pupilId,
        String pupilReference,
        int yearGroup,
        long schoolId,
        String schoolName,
        long employerId,
        String employerName,
        LocalDate startsOn,
        LocalDate endsOn) {

    /** "Mon 14 Jun to Fri 25 Jun 2027". */
    public String dates() {
        return DateStyle.range(startsOn, endsOn);
    }

    /** Over: the last day has passed. */
    public boolean over(LocalDate today) {
        return endsOn.isBefore(today);
    }
}

package uk.encounters.marketplace.feedback;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.matcher.explain.DateStyle;

/**
 * What every side said about one delivered booking: the school's and the employer's answers (null
 * while not given) and the pupils' answers counted, beside how many pupils attended.
 */
public record BookingFeedback(
        long bookingId,
        long schoolId,
        String schoolName,
        long employerId,
        String employerName,
        String encounterType,
        LocalDate startsOn,
        LocalDate endsOn,
        SideAnswer school,
        SideAnswer employer,
        int answered,
        int attended,
        int yesWorkIsLike,
        int yesItTakes,
        int yesConsider) {

    /** Pupils' answers are read as a share only from this many: fewer say little and may name someone. */
    public static final int FEWEST_ANSWERS_READ = 5;

    public String typeLabel() {
        return EncounterType.fromCode(encounterType).label();
    }

    public String dates() {
        return DateStyle.range(startsOn, endsOn);
    }

    /**
     * Worth the coordinator's look: the school or the employer said it went badly (1 or 2), or under
     * half the pupils answering (at least five) learnt what the work is like.
     */
    public boolean flagged() {
        return !reasons().isEmpty();
    }

    /** Why it is flagged, in plain words. */
    public List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        if (school != null && school.low()) {
            reasons.add("The school said it went " + school.ratingLabel().toLowerCase());
        }
        if (employer != null && employer.low()) {
            reasons.add("The employer said it went " + employer.ratingLabel().toLowerCase());
        }
        if (answered >= FEWEST_ANSWERS_READ && yesWorkIsLike * 2 < answered) {
            reasons.add(yesWorkIsLike + " of " + answered + " pupils said they learnt what the work is like");
        }
        return reasons;
    }
}

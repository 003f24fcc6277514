package uk.encounters.marketplace.statement;

import java.math.BigDecimal;
import java.util.List;
import uk.encounters.marketplace.calendar.AcademicYear;

/**
 * What an employer gave schools in one academic year, for its statement: counted from sessions given (delivered, or
 * confirmed and past). Pupils are counted, never named: the figures hold no pupil's reference or record.
 *
 * @param hubName              the employer's own hub, which thanks it
 * @param pupilsReached        different pupils recorded as attending, with those since deleted (kept in tallies)
 * @param disadvantagedReached of those, the disadvantaged (pupil premium or free school meals)
 * @param volunteerHours       by the rule of {@link VolunteerHours}
 * @param volunteers           different named volunteers who gave a session
 */
public record EmployerYear(
        long employerId,
        String employerName,
        String hubName,
        AcademicYear year,
        int sessions,
        int pupilsReached,
        int disadvantagedReached,
        int schools,
        BigDecimal volunteerHours,
        int volunteers,
        PupilAnswers pupilAnswers,
        SchoolRatings schoolRatings,
        List<VolunteerOfTheYear> volunteersOfTheYear) {

    public EmployerYear {
        volunteersOfTheYear = List.copyOf(volunteersOfTheYear);
    }

    /**
     * Pupils' anonymous answers after the employer's sessions: how many answered, and how many said yes to each
     * question (the Gatsby meaning of a meaningful encounter).
     */
    public record PupilAnswers(int answered, int learntWhatWorkIsLike, int learntWhatItTakes, int wouldConsider) {

        /** Whole per cent of those who answered; 0 when nobody did. */
        public static int percent(int yes, int answered) {
            return answered == 0 ? 0 : Math.round(100f * yes / answered);
        }
    }

    /** Schools' ratings of the sessions, 1 to 5; no average when no school has rated one. */
    public record SchoolRatings(int rated, BigDecimal average) {}

    /** A volunteer of this employer named volunteer of the year by a hub; "a volunteer" once erased. */
    public record VolunteerOfTheYear(String hubName, String volunteerName, String citation) {}
}

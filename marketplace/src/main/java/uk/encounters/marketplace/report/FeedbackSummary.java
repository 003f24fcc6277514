package uk.encounters.marketplace.report;

/**
 * What the year's sessions were said to be worth: schools' and employers' ratings (1 to 5) and
 * pupils' anonymous answers to the three questions that make an encounter meaningful.
 *
 * @param schoolRatings    sessions the school rated
 * @param schoolAverage    their average, in tenths (42 is 4.2); 0 without any
 * @param employerRatings  sessions the employer rated
 * @param employerAverage  their average, in tenths
 * @param pupilsAnswered   pupils' answers
 * @param learntWhatWorkIsLike of them, "yes" to learning what the work is like
 * @param learntWhatItTakes    "yes" to learning what it takes to do well in it
 * @param wouldConsider        "yes" to considering that kind of work
 */
public record FeedbackSummary(
        int schoolRatings,
        int schoolAverage,
        int employerRatings,
        int employerAverage,
        int pupilsAnswered,
        int learntWhatWorkIsLike,
        int learntWhatItTakes,
        int wouldConsider) {

    /** "4.2 out of 5", or null without ratings. */
    public String schoolRating() {
        return outOfFive(schoolRatings, schoolAverage);
    }

    public String employerRating() {
        return outOfFive(employerRatings, employerAverage);
    }

    public int percentLearntWhatWorkIsLike() {
        return percent(learntWhatWorkIsLike);
    }

    public int percentLearntWhatItTakes() {
        return percent(learntWhatItTakes);
    }

    public int percentWouldConsider() {
        return percent(wouldConsider);
    }

    public boolean anyPupilAnswers() {
        return pupilsAnswered > 0;
    }

    private int percent(int yes) {
        return pupilsAnswered == 0 ? 0 : Math.round(100f * yes / pupilsAnswered);
    }

    private static String outOfFive(int ratings, int tenths) {
        return ratings == 0 ? null : tenths / 10 + "." + tenths % 10 + " out of 5";
    }
}

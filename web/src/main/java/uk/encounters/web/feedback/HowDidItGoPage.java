package uk.encounters.web.feedback;

import java.util.Arrays;
import java.util.List;
import uk.encounters.marketplace.feedback.FeedbackBooking;
import uk.encounters.marketplace.feedback.Rating;
import uk.encounters.marketplace.feedback.SideAnswer;
import uk.encounters.web.form.Form;

/**
 * The two-minute form a school or an employer answers after a session (feedback/how-did-it-go),
 * from its page or the link in the message; once answered, the answer and thanks instead.
 *
 * @param given the side's answer; null while it has given none
 * @param back where the page leads back to; null on a link's page, which has nowhere to go back to
 */
public record HowDidItGoPage(
        FeedbackBooking booking,
        String action,
        List<RatingOption> ratings,
        SideAnswer given,
        boolean forSchool,
        String back) {

    /** One answer to "how well did the session go?". */
    public record RatingOption(String value, String label, boolean checked) {}

    /** The comment's longest. */
    public static final int COMMENT_MAX = 2000;

    public static HowDidItGoPage of(
            FeedbackBooking booking, String action, SideAnswer given, boolean forSchool, String back, Form form) {
        String chosen = form.value("rating");
        return new HowDidItGoPage(
                booking,
                action,
                Arrays.stream(Rating.values())
                        .map(r -> new RatingOption(
                                String.valueOf(r.value()),
                                r.label(),
                                String.valueOf(r.value()).equals(chosen)))
                        .toList(),
                given,
                forSchool,
                back);
    }

    /** The rating and the comment as posted, their problems beside their fields; the rating is 0 when missing. */
    public record Answer(int rating, String comment) {

        public static Answer read(Form form) {
            String rating = form.choice("rating", "How it went", Rating.posted());
            String comment = form.lines("comment", "What would make the next one better", COMMENT_MAX);
            return new Answer(form.hasErrors() ? 0 : Integer.parseInt(rating), comment);
        }
    }
}

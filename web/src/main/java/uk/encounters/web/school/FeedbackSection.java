package uk.encounters.web.school;

import java.util.List;
import uk.encounters.marketplace.feedback.BookingFeedback;
import uk.encounters.marketplace.feedback.PupilComment;

/**
 * The feedback part of a school's booking page, once the session has started: the school's own
 * answer (or the way to give it), the pupils' answers counted, the link for the pupils, and the
 * pupils' words, waiting ones to the careers leaders only.
 *
 * @param given the session has happened, so the school may say how it went
 * @param pending words waiting for a careers leader's approval; empty for anyone else
 * @param moderates the viewer is one of the school's careers leaders
 */
public record FeedbackSection(
        boolean given,
        BookingFeedback figures,
        List<PupilComment> pending,
        List<PupilComment> approved,
        boolean moderates) {

    /** "3 of 4", the pupils answering yes to a question of those who answered. */
    public String workIsLike() {
        return figures.yesWorkIsLike() + " of " + figures.answered();
    }

    public String itTakes() {
        return figures.yesItTakes() + " of " + figures.answered();
    }

    public String consider() {
        return figures.yesConsider() + " of " + figures.answered();
    }
}

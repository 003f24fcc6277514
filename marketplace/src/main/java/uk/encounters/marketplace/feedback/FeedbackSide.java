package uk.encounters.marketplace.feedback;

import uk.encounters.marketplace.StoredStatus;
import uk.encounters.marketplace.account.LoginTokenRepository.Purpose;

/**
 * Which side of a booking gave its feedback, stored in {@code feedback.from_side} (kept a plain
 * column: the employer's own page writes it too, from the booking package).
 */
public enum FeedbackSide implements StoredStatus {
    SCHOOL("school", Purpose.SCHOOL_FEEDBACK),
    EMPLOYER("employer", Purpose.EMPLOYER_FEEDBACK);

    private final String literal;
    /** The purpose of the link in the message after the session, which answers for this side only. */
    private final Purpose linkPurpose;

    FeedbackSide(String literal, Purpose linkPurpose) {
        this.literal = literal;
        this.linkPurpose = linkPurpose;
    }

    @Override
    public String getLiteral() {
        return literal;
    }

    public Purpose linkPurpose() {
        return linkPurpose;
    }
}

package uk.encounters.marketplace.placement;

import java.time.Instant;
import uk.encounters.matcher.explain.DateStyle;

/**
 * A parent's or carer's answer about a placement, as kept.
 *
 * @param recordedBy the careers leader who recorded a paper form; null when given through the link
 */
public record ParentAgreement(
        long id,
        AgreementDecision decision,
        String givenBy,
        String relationship,
        String recordedBy,
        Instant decidedAt) {

    /** "Tue 8 Dec 2026". */
    public String decidedOn() {
        return DateStyle.of(decidedAt.atZone(DateStyle.UK).toLocalDate());
    }

    /** "Agreed by Jo Smith (mother) on Tue 8 Dec 2026, on paper". */
    public String summary() {
        return (decision == AgreementDecision.AGREED ? "Agreed" : "Refused") + " by " + givenBy + " (" + relationship
                + ") on " + decidedOn() + (recordedBy == null ? "" : ", on a paper form recorded by " + recordedBy);
    }
}

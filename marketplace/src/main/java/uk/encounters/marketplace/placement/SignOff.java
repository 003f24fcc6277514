package uk.encounters.marketplace.placement;

import java.time.Instant;
import uk.encounters.matcher.explain.DateStyle;

/**
 * One check the school made of the host's paperwork for a placement, as kept.
 *
 * @param declarationId the declaration it checked: an approval stands only while that one is in force
 * @param reason why it was sent back, shown to the host; null for an approval
 * @param decidedBy the name of the careers leader or coordinator who checked it
 */
public record SignOff(
        long id, long declarationId, SignOffDecision decision, String reason, String decidedBy, Instant decidedAt) {

    /** "Tue 8 Dec 2026". */
    public String decidedOn() {
        return DateStyle.of(decidedAt.atZone(DateStyle.UK).toLocalDate());
    }
}

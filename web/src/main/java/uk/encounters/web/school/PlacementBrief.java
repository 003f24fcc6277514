package uk.encounters.web.school;

import java.util.List;
import uk.encounters.marketplace.employer.SiteDetails;
import uk.encounters.marketplace.placement.Declaration;
import uk.encounters.marketplace.placement.Placement;
import uk.encounters.marketplace.placement.RiskAnswers;
import uk.encounters.marketplace.school.VisitorArrangements;

/**
 * What a parent or carer and the pupil read about one placement: where and when, the hours, what to
 * wear, the supervisor, what could harm the pupil and how the host prevents it, and whom to call.
 * Nothing about any other pupil, and no files.
 *
 * @param declaration the host's declaration in force; null when it has given none yet
 */
public record PlacementBrief(
        Placement placement, Declaration declaration, SiteDetails site, VisitorArrangements school) {

    /** The workplace's address, a line each. */
    public List<String> addressLines() {
        return site.address().isBlank() ? List.of() : site.address().lines().toList();
    }

    /** The hazards the host says a pupil could meet, with how it keeps them safe; empty when none or a file. */
    public List<RiskAnswers.Answer> hazards() {
        return declaration == null || declaration.riskAnswers() == null
                ? List.of()
                : declaration.riskAnswers().present();
    }

    /** The host sent its risk assessment as a file, which the school holds. */
    public boolean riskAssessmentOnFile() {
        return declaration != null && declaration.riskAssessmentFile() != null;
    }
}

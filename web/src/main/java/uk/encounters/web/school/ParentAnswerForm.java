package uk.encounters.web.school;

import java.util.List;
import uk.encounters.marketplace.placement.AgreementDecision;
import uk.encounters.web.form.Form;

/**
 * A parent's or carer's answer as a form has it, whether they give it through their link or the
 * school records their paper form: yes or no, their name and how they are related to the pupil.
 */
final class ParentAnswerForm {

    record Read(AgreementDecision decision, String givenBy, String relationship) {}

    private ParentAnswerForm() {}

    static Read read(Form form) {
        String decision = form.choice(
                "answer",
                "Whether they agree",
                List.of(AgreementDecision.AGREED.getLiteral(), AgreementDecision.REFUSED.getLiteral()));
        String givenBy = form.name("givenBy", "Name of the parent or carer", 200);
        String relationship = form.required("relationship", "Relationship to the pupil", 100);
        return new Read(
                AgreementDecision.REFUSED.getLiteral().equals(decision)
                        ? AgreementDecision.REFUSED
                        : AgreementDecision.AGREED,
                givenBy,
                relationship);
    }
}

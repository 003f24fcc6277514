package uk.encounters.marketplace.placement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.encounters.matcher.explain.DateStyle;

/**
 * What an organisation declares to host placements, as typed; the files come with it. Each file a
 * declaration needs is either sent with it or kept from the declaration in force.
 *
 * @param riskAnswers the risk assessment answered on the form; null when it is sent (or kept) as a file
 * @param healthSafetyStatement empty when the organisation's policy is sent (or kept) instead
 */
public record PlacementDeclaration(
        String insurer,
        String policyNumber,
        LocalDate insuranceExpiresOn,
        RiskAnswers riskAnswers,
        LocalDate riskAssessedOn,
        String healthSafetyStatement,
        String supervisorName,
        String supervisorPhone,
        String hours,
        String dressAndEquipment) {

    /** The parts of a declaration a problem is about, so a page can show it beside its field. */
    public enum Part {
        INSURANCE_EXPIRES_ON,
        INSURANCE_CERTIFICATE,
        RISK_ASSESSMENT_FILE,
        RISK_ASSESSED_ON,
        HAZARD_CONTROL,
        HEALTH_SAFETY
    }

    /** @param hazard the hazard whose control is missing; null for other parts */
    public record Problem(Part part, Hazard hazard, String message) {}

    public PlacementDeclaration {
        healthSafetyStatement = healthSafetyStatement == null ? "" : healthSafetyStatement.strip();
    }

    /**
     * What stops this declaration being kept on {@code today}, given the declaration in force and the
     * kinds of file sent with this one; empty when nothing does.
     */
    public List<Problem> problems(LocalDate today, Optional<Declaration> current, Set<DocumentKind> sent) {
        List<Problem> problems = new ArrayList<>();
        if (insuranceExpiresOn.isBefore(today)) {
            problems.add(new Problem(
                    Part.INSURANCE_EXPIRES_ON,
                    null,
                    "This insurance expired on " + DateStyle.of(insuranceExpiresOn)
                            + ": give the details of the policy that covers you now"));
        }
        certificate(current, sent).ifPresent(problems::add);
        if (riskAnswers == null
                && !sent.contains(DocumentKind.RISK_ASSESSMENT)
                && !keptFile(current, DocumentKind.RISK_ASSESSMENT)) {
            problems.add(new Problem(
                    Part.RISK_ASSESSMENT_FILE,
                    null,
                    "Choose your risk assessment (a PDF, PNG or JPEG), or answer the questions about hazards instead"));
        }
        if (riskAnswers != null) {
            riskAnswers.present().stream()
                    .filter(a -> a.control().isBlank())
                    .forEach(a -> problems.add(new Problem(
                            Part.HAZARD_CONTROL,
                            a.hazard(),
                            "Say how you control " + a.hazard().label().toLowerCase() + " for a pupil")));
        }
        if (riskAssessedOn.isAfter(today)) {
            problems.add(new Problem(
                    Part.RISK_ASSESSED_ON, null, "The date of the risk assessment must be today or earlier"));
        } else if (PaperworkStanding.riskAssessmentLastDay(riskAssessedOn).isBefore(today)) {
            problems.add(new Problem(
                    Part.RISK_ASSESSED_ON,
                    null,
                    "A risk assessment holds for a year, and this one was made on " + DateStyle.of(riskAssessedOn)
                            + ": review it and give the date of the review"));
        }
        if (healthSafetyStatement.isEmpty()
                && !sent.contains(DocumentKind.HEALTH_SAFETY_POLICY)
                && !keptFile(current, DocumentKind.HEALTH_SAFETY_POLICY)) {
            problems.add(new Problem(
                    Part.HEALTH_SAFETY,
                    null,
                    "Write your health and safety statement, or choose your health and safety policy"));
        }
        return problems;
    }

    /**
     * A certificate must be sent the first time, and again when the policy changes: a certificate
     * kept from the declaration in force is of that policy only.
     */
    private Optional<Problem> certificate(Optional<Declaration> current, Set<DocumentKind> sent) {
        if (sent.contains(DocumentKind.INSURANCE_CERTIFICATE)) {
            return Optional.empty();
        }
        if (current.isEmpty()) {
            return Optional.of(new Problem(
                    Part.INSURANCE_CERTIFICATE, null, "Choose your insurance certificate (a PDF, PNG or JPEG)"));
        }
        Declaration before = current.get();
        boolean samePolicy = before.insurer().equalsIgnoreCase(insurer)
                && before.policyNumber().equalsIgnoreCase(policyNumber)
                && before.insuranceExpiresOn().equals(insuranceExpiresOn);
        return samePolicy
                ? Optional.empty()
                : Optional.of(new Problem(
                        Part.INSURANCE_CERTIFICATE,
                        null,
                        "The policy has changed since you sent "
                                + before.insuranceCertificate().fileName() + ": choose the certificate of this one"));
    }

    private static boolean keptFile(Optional<Declaration> current, DocumentKind kind) {
        return current.map(d -> d.document(kind) != null).orElse(false);
    }
}

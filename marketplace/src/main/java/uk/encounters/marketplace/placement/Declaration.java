package uk.encounters.marketplace.placement;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What an organisation declared about hosting placements, once, as it was kept: the newest of its
 * declarations is the one in force.
 *
 * @param riskAssessmentFile the risk assessment sent as a file; null when it was answered on the form
 * @param riskAnswers the risk assessment answered on the form; null when it was sent as a file
 * @param healthSafetyStatement null when the organisation sent its policy instead
 * @param healthSafetyPolicy null when none was sent
 * @param declaredBy the name of the person who declared; null for someone without an account
 */
public record Declaration(
        long id,
        long employerId,
        String insurer,
        String policyNumber,
        LocalDate insuranceExpiresOn,
        StoredDocument insuranceCertificate,
        StoredDocument riskAssessmentFile,
        RiskAnswers riskAnswers,
        LocalDate riskAssessedOn,
        String healthSafetyStatement,
        StoredDocument healthSafetyPolicy,
        String supervisorName,
        String supervisorPhone,
        String hours,
        String dressAndEquipment,
        String declaredBy,
        Instant declaredAt) {

    /** The last day the risk assessment holds: a year from when it was made or last reviewed. */
    public LocalDate riskAssessmentLastDay() {
        return PaperworkStanding.riskAssessmentLastDay(riskAssessedOn);
    }

    /** The file of this kind the declaration cites, or null. */
    public StoredDocument document(DocumentKind kind) {
        return switch (kind) {
            case INSURANCE_CERTIFICATE -> insuranceCertificate;
            case RISK_ASSESSMENT -> riskAssessmentFile;
            case HEALTH_SAFETY_POLICY -> healthSafetyPolicy;
        };
    }

    /** Whether the declaration cites the file: what lets a school checking it download it. */
    public boolean cites(long documentId) {
        for (DocumentKind kind : DocumentKind.values()) {
            StoredDocument file = document(kind);
            if (file != null && file.id() == documentId) {
                return true;
            }
        }
        return false;
    }
}

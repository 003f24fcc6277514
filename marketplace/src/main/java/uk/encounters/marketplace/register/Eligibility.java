package uk.encounters.marketplace.register;

import java.util.Locale;
import uk.encounters.marketplace.school.SchoolPhase;

/**
 * Whether a hub may take an establishment from the register, and as what kind of school: the
 * places that teach pupils in Years 7 to 13 in England (secondary, all-through and middle schools,
 * sixth forms and colleges, special schools, alternative provision). Primary schools, nurseries,
 * universities, Welsh and overseas schools, and anything closed, are refused with the reason.
 */
public sealed interface Eligibility {

    record Addable(SchoolPhase phase) implements Eligibility {}

    record Refused(String reason) implements Eligibility {}

    /**
     * @param typeName GIAS "TypeOfEstablishment (name)"
     * @param phase GIAS "PhaseOfEducation (name)"
     * @param status GIAS "EstablishmentStatus (name)"
     * @param lowAge GIAS "StatutoryLowAge", null when the file has none
     * @param highAge GIAS "StatutoryHighAge", null when the file has none
     */
    static Eligibility of(String typeName, String phase, String status, Integer lowAge, Integer highAge) {
        String type = typeName.toLowerCase(Locale.ROOT);
        String stage = phase.toLowerCase(Locale.ROOT);
        if (status.equalsIgnoreCase("Closed")) {
            return new Refused("It is closed, according to the register");
        }
        if (status.equalsIgnoreCase("Proposed to open")) {
            return new Refused("It has not opened yet, according to the register");
        }
        if (type.contains("welsh") || type.contains("overseas") || type.contains("offshore")) {
            return new Refused("It is not a school in England (" + typeName + ")");
        }
        if (type.contains("higher education")) {
            return new Refused("It is a university, not a school or college (" + typeName + ")");
        }
        if (type.contains("alternative provision") || type.contains("pupil referral") || type.contains("secure")) {
            return new Addable(SchoolPhase.ALTERNATIVE_PROVISION);
        }
        if (type.contains("special")) {
            return new Addable(SchoolPhase.SPECIAL);
        }
        if (type.equals("further education")) {
            return new Addable(SchoolPhase.FURTHER_EDUCATION);
        }
        if (type.contains("16 to 19")
                || type.contains("16-19")
                || type.contains("sixth form")
                || stage.equals("16 plus")) {
            return new Addable(SchoolPhase.SIXTH_FORM);
        }
        return switch (stage) {
            case "secondary", "middle deemed secondary" ->
                new Addable(stage.equals("secondary") ? SchoolPhase.SECONDARY : SchoolPhase.MIDDLE);
            case "all-through", "all through" -> new Addable(SchoolPhase.ALL_THROUGH);
            // Middle schools deemed primary still teach Year 7, and some Year 8
            case "middle deemed primary" -> new Addable(SchoolPhase.MIDDLE);
            case "primary", "nursery" -> new Refused("It is a " + stage + " school: encounters start in Year 7");
            // Independent schools and the like have no phase: their age range says
            default ->
                lowAge != null && highAge != null
                        ? byAges(lowAge, highAge)
                        : new Refused("The register does not say it teaches Years 7 to 13 (" + typeName + ", phase "
                                + (phase.isBlank() ? "not given" : phase) + ")");
        };
    }

    /** Year 7 pupils are 11 when the year starts: a school whose pupils leave by 11 never has one. */
    private static Eligibility byAges(int lowAge, int highAge) {
        if (highAge <= 11) {
            return new Refused("It teaches pupils aged " + lowAge + " to " + highAge + ": encounters start in Year 7");
        }
        if (lowAge >= 16) {
            return new Addable(SchoolPhase.SIXTH_FORM);
        }
        return new Addable(lowAge <= 7 ? SchoolPhase.ALL_THROUGH : SchoolPhase.SECONDARY);
    }
}

package uk.encounters.marketplace.pupil;

/**
 * How much each reason to go first counts when pupils (and the cohorts they make up) compete for
 * encounters. Settings, not literals: a hub may change them, and matching carries them.
 *
 * @param perEncounterBehind value of each encounter a pupil is behind their target to date
 * @param disadvantaged      extra share for a disadvantaged pupil (0.5 = half as much again)
 * @param send               extra share for a pupil with special educational needs
 * @param yearGroupWithNone  added when the pupil's year group has had nothing this year
 */
public record PriorityWeights(double perEncounterBehind, double disadvantaged, double send, double yearGroupWithNone) {

    public static final PriorityWeights DEFAULTS = new PriorityWeights(1.0, 0.5, 0.25, 0.5);

    public PriorityWeights {
        if (perEncounterBehind < 0 || disadvantaged < 0 || send < 0 || yearGroupWithNone < 0) {
            throw new IllegalArgumentException("Priority weights cannot be negative");
        }
    }
}

package uk.encounters.marketplace.pupil;

import java.util.Comparator;

/**
 * Where one pupil stands against the seven-encounter target and Gatsby Benchmarks 5 and 6, from
 * the counts of their encounter records. Every figure a school reports comes from these rules.
 *
 * @param encountersBeforeThisYear attended encounters before this academic year began, wherever
 *                                 they happened (a pupil who moved school brings theirs)
 * @param encountersThisYear       attended encounters this academic year
 * @param bookedThisYear           chosen for a live booking later this year
 * @param workplaceExperiences     attended workplace experiences (visits, shadowing, placements) ever
 */
public record PupilProgress(long pupilId, int yearGroup, int encountersBeforeThisYear, int encountersThisYear,
                            boolean bookedThisYear, int workplaceExperiences, boolean disadvantaged, boolean send) {

    /** Furthest behind first, disadvantaged before others at the same gap; then a stable order. */
    public static Comparator<PupilProgress> neediestFirst(PriorityWeights weights) {
        return Comparator.comparingDouble((PupilProgress p) -> -p.priority(weights, false))
                .thenComparing(p -> !p.disadvantaged())
                .thenComparingLong(PupilProgress::pupilId);
    }

    public int encountersSoFar() {
        return encountersBeforeThisYear + encountersThisYear;
    }

    /** Encounters the pupil should have by the end of this year: Year 7 one, ..., Year 13 seven. */
    public int targetByEndOfYear() {
        return EncounterTarget.byEndOfYear(yearGroup);
    }

    /**
     * On track: earlier years' encounters meet the target as this year began, and this year's
     * encounter has happened or is booked. So a Year 7 pupil in September is not on track until
     * their first encounter is booked.
     */
    public boolean onTrack() {
        return EncounterTarget.onTrack(yearGroup, encountersBeforeThisYear, encountersThisYear > 0 || bookedThisYear);
    }

    /** Benchmark 5, for this pupil: at least one encounter this school year. */
    public boolean hadEncounterThisYear() {
        return encountersThisYear > 0;
    }

    /**
     * Benchmark 6 asks for a workplace experience by the end of Year 11 and a second by the end of
     * Year 13: what this pupil should have by the end of this year.
     */
    public int workplaceExperiencesDueByEndOfYear() {
        if (yearGroup >= 13) {
            return 2;
        }
        return yearGroup >= 11 ? 1 : 0;
    }

    public boolean benchmark6Met() {
        return workplaceExperiences >= workplaceExperiencesDueByEndOfYear();
    }

    /** Still to come for Benchmark 6 this year; counts for Years 10 to 13, whose deadline is near. */
    public boolean needsWorkplaceExperience() {
        int due = yearGroup == 10 ? 1 : workplaceExperiencesDueByEndOfYear();
        return workplaceExperiences < due;
    }

    /** Encounters short of the target for the end of this year, counting one booked as coming. */
    public int encountersBehind() {
        return Math.max(0, targetByEndOfYear() - encountersSoFar() - (bookedThisYear ? 1 : 0));
    }

    /**
     * How much an encounter for this pupil is worth next: the gap to target, raised for a
     * disadvantaged pupil and for special needs, and for a year group with nothing this year.
     * Zero for a pupil already at target with nothing to add.
     */
    public double priority(PriorityWeights weights, boolean yearGroupHasNoneThisYear) {
        int behind = encountersBehind();
        if (behind == 0) {
            return 0;
        }
        double share = 1 + (disadvantaged ? weights.disadvantaged() : 0) + (send ? weights.send() : 0);
        return behind * weights.perEncounterBehind() * share + (yearGroupHasNoneThisYear ? weights.yearGroupWithNone() : 0);
    }
}

package uk.encounters.marketplace.pupil;

import java.util.Comparator;
import uk.encounters.matcher.domain.EncounterType;

/**
 * Where one pupil stands against their hub's encounter target (seven or four by the end of Year 13)
 * and Gatsby Benchmarks 5 and 6, from the counts of their encounter records. Every figure a school
 * reports comes from these rules.
 *
 * @param encountersBeforeThisYear attended encounters before this academic year began, wherever
 *                                 they happened (a pupil who moved school brings theirs)
 * @param encountersThisYear       attended encounters this academic year
 * @param bookedThisYear           chosen for a live booking later this year
 * @param workplaceExperiences     attended workplace experiences (visits, shadowing, placements) ever,
 *                                 as {@link WorkplaceExperience} counts them
 * @param workplaceHours           the hours recorded for them
 * @param eal                      English is an additional language
 * @param target                   the hub's target, which "on track" and "behind" are judged against
 * @param hoursTarget              the hub's target of hours of workplace experience by the end of Year 11
 */
public record PupilProgress(
        long pupilId,
        int yearGroup,
        int encountersBeforeThisYear,
        int encountersThisYear,
        boolean bookedThisYear,
        int workplaceExperiences,
        Hours workplaceHours,
        boolean disadvantaged,
        boolean send,
        boolean eal,
        EncounterTarget target,
        WorkplaceHoursTarget hoursTarget) {

    /** How many of a pupil's next encounters a round values: beyond three in one round, none. */
    public static final int ENCOUNTERS_VALUED_PER_ROUND = 3;

    /**
     * The pupils to offer for an encounter of this type: whose next encounter is worth most first
     * ({@link #valueOfNext}); at equal value the furthest behind, then disadvantaged pupils, then
     * a stable order.
     */
    public static Comparator<PupilProgress> mostToGainFirst(PupilValueWeights weights, EncounterType type) {
        return Comparator.comparingDouble((PupilProgress p) -> -p.valueOfNext(weights, type))
                .thenComparing(
                        Comparator.comparingInt(PupilProgress::encountersBehind).reversed())
                .thenComparing(p -> !p.disadvantaged())
                .thenComparingLong(PupilProgress::pupilId);
    }

    public int encountersSoFar() {
        return encountersBeforeThisYear + encountersThisYear;
    }

    /** Encounters the pupil should have by the end of this year: for seven, Year 7 one, ..., Year 13 seven. */
    public int targetByEndOfYear() {
        return target.byEndOfYear(yearGroup);
    }

    /**
     * On track: earlier years' encounters meet the target as this year began, and this year's
     * encounter has happened or is booked. So a Year 7 pupil in September is not on track until
     * their first encounter is booked.
     */
    public boolean onTrack() {
        return target.onTrack(yearGroup, encountersBeforeThisYear, encountersThisYear > 0 || bookedThisYear);
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
        return workplaceExperiencesDueByEndOf(yearGroup);
    }

    /** What Benchmark 6 asks of a pupil by the end of this year group: none before Year 11. */
    public static int workplaceExperiencesDueByEndOf(int yearGroup) {
        if (yearGroup >= 13) {
            return 2;
        }
        return yearGroup >= 11 ? 1 : 0;
    }

    /**
     * Whether Benchmark 6 asks anything of this year group this year. Where it does not, it is
     * "not due": met by everyone, so a share of it would read 100% and say nothing.
     */
    public static boolean benchmark6DueIn(int yearGroup) {
        return workplaceExperiencesDueByEndOf(yearGroup) > 0;
    }

    public boolean benchmark6Met() {
        return workplaceExperiences >= workplaceExperiencesDueByEndOfYear();
    }

    /** Where the pupil's hours of workplace experience stand against the hub's target. */
    public WorkplaceHoursTarget.Band hoursBand() {
        return hoursTarget.bandOf(workplaceHours);
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
     * The pupil-value rule: what this pupil's next encounter of {@code type} is worth. Concave in
     * the encounters a pupil gets: the first this school year is worth most (Benchmark 5), then
     * each encounter towards the target to date a little less than the one before, then a small
     * value beyond the target; all raised by the pupil's share ({@link #share}), and for a
     * workplace experience where Benchmark 6 falls due. A booked encounter counts as had.
     *
     * @param type the encounter on offer; {@code null} for any (the matcher values Benchmark 6 itself)
     */
    public double valueOfNext(PupilValueWeights weights, EncounterType type) {
        double value = valueOfEncounter(weights, 0);
        if (type != null && type.workplaceExperience() && needsWorkplaceExperience()) {
            value += weights.workplaceDue() * share(weights);
        }
        return value;
    }

    /**
     * What the encounter after {@code ahead} more encounters is worth, for any type: the values of
     * ahead = 0, 1, 2... never rise, whatever the weights, so a cohort's value stays concave.
     */
    public double valueOfEncounter(PupilValueWeights weights, int ahead) {
        int thisYear = encountersThisYear + (bookedThisYear ? 1 : 0);
        int behind = encountersBehind();
        double value = Double.MAX_VALUE;
        for (int k = 0; k <= ahead; k++) {
            value = Math.min(value, baseValue(weights, thisYear + k, behind - k));
        }
        return value * share(weights);
    }

    /** For a pupil with {@code thisYear} encounters this year and {@code behind} still to go. */
    private static double baseValue(PupilValueWeights weights, int thisYear, int behind) {
        if (thisYear == 0) {
            return weights.firstThisYear();
        }
        if (behind <= 0) {
            return weights.beyondTarget();
        }
        double catchUp = weights.catchUp() * Math.pow(weights.catchUpDecay(), thisYear - 1);
        return Math.max(catchUp, weights.beyondTarget());
    }

    /** One, raised for each priority group the pupil is in. */
    public double share(PupilValueWeights weights) {
        return 1
                + (disadvantaged ? weights.disadvantaged() : 0)
                + (send ? weights.send() : 0)
                + (eal ? weights.eal() : 0);
    }
}

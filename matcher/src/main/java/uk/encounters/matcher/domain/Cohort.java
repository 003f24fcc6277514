package uk.encounters.matcher.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A school's year group: the pupils every session of its requests is for, and what reaching them
 * is worth.
 *
 * <p>The value of a round's sessions to a cohort is concave in the pupil places it gets. Schools
 * choose the pupils furthest behind first, so the first places go to the neediest and each
 * further place is worth at most as much as the one before; once every pupil has had one, a
 * second encounter in the same round is worth a quarter, a third a sixteenth (never more than
 * the least first encounter, so the curve stays concave). So one cohort's
 * second session is worth less than another cohort's first, and no school absorbs all the supply.
 * Values are in hundredths of a priority point, so every figure is a whole number.
 */
public final class Cohort {

    /** How much less each further pass over the same pupils in one round is worth. */
    private static final int REPEAT_DIVISOR = 4;
    private static final int PASSES = 3;

    private final School school;
    private final int yearGroup;
    private final int pupils;
    private final boolean nothingThisYear;
    private final boolean stemThisYear;
    private final int pupilsNeedingWorkplaceExperience;
    private final Set<Long> employersThisYear;
    private final ValueCurve curve;
    private final int pupilsBehind;

    /**
     * @param bands                            the pupils by what their next encounter is worth
     * @param nothingThisYear                  no pupil of the year group has had an encounter this year
     * @param stemThisYear                     the year group has had a STEM encounter this year
     * @param pupilsNeedingWorkplaceExperience pupils of Years 10-13 still short of Benchmark 6
     * @param employersThisYear                employers who have already come to this cohort this year
     */
    public Cohort(School school, int yearGroup, int pupils, List<PupilBand> bands, boolean nothingThisYear,
                  boolean stemThisYear, int pupilsNeedingWorkplaceExperience, Set<Long> employersThisYear) {
        this.school = school;
        this.yearGroup = yearGroup;
        this.pupils = pupils;
        this.nothingThisYear = nothingThisYear;
        this.stemThisYear = stemThisYear;
        this.pupilsNeedingWorkplaceExperience = yearGroup >= 10 ? pupilsNeedingWorkplaceExperience : 0;
        this.employersThisYear = Set.copyOf(employersThisYear);
        this.curve = curve(bands);
        this.pupilsBehind = bands.stream().filter(b -> b.priority() > 0).mapToInt(PupilBand::pupils).sum();
    }

    private static ValueCurve curve(List<PupilBand> bands) {
        List<PupilBand> neediestFirst = new ArrayList<>(bands);
        neediestFirst.sort(Comparator.comparingDouble(PupilBand::priority).reversed());
        List<ValueCurve.Segment> segments = new ArrayList<>();
        long divisor = 1;
        for (int pass = 0; pass < PASSES; pass++) {
            for (PupilBand band : neediestFirst) {
                long perPupil = Math.round(band.priority() * 100) / divisor;
                if (!segments.isEmpty()) {
                    // a repeat is worth no more than the least first encounter before it: with
                    // priorities more than REPEAT_DIVISOR apart the curve would otherwise rise again
                    perPupil = Math.min(perPupil, segments.get(segments.size() - 1).valuePerPlace());
                }
                if (band.pupils() > 0 && perPupil > 0) {
                    segments.add(new ValueCurve.Segment(band.pupils(), perPupil));
                }
            }
            divisor *= REPEAT_DIVISOR;
        }
        return new ValueCurve(segments);
    }

    /** What {@code pupilPlaces} places in this round's sessions are worth to this cohort. */
    public long valueOf(int pupilPlaces) {
        return curve.valueOf(pupilPlaces);
    }

    public ValueCurve curve() {
        return curve;
    }

    public boolean visitedThisYearBy(Employer employer) {
        return employersThisYear.contains(employer.id());
    }

    public School school() {
        return school;
    }

    public int yearGroup() {
        return yearGroup;
    }

    public int pupils() {
        return pupils;
    }

    /** Pupils for whom another encounter counts: behind their target to date. */
    public int pupilsBehind() {
        return pupilsBehind;
    }

    public boolean nothingThisYear() {
        return nothingThisYear;
    }

    public boolean stemThisYear() {
        return stemThisYear;
    }

    public int pupilsNeedingWorkplaceExperience() {
        return pupilsNeedingWorkplaceExperience;
    }

    public String describe() {
        return "Year " + yearGroup + " at " + school.name();
    }

    @Override
    public String toString() {
        return describe();
    }
}

package uk.encounters.matcher.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * A school's year group: the pupils every session of its requests is for, and what reaching them
 * is worth.
 *
 * <p>The value of a round's sessions to a cohort is concave in the pupil places it gets: the
 * school is offered the pupils with most to gain first (the marketplace's pupil-value rule, the
 * same that made the bands), so the first places are worth most and each further place at most
 * as much as the one before; a pupil's second place in the same round is worth what their
 * encounter after next is. So one cohort's second session is worth less than another cohort's
 * first, and no school absorbs all the supply. Values are in hundredths of a point, so every
 * figure is a whole number.
 */
public final class Cohort {

    private final School school;
    private final int yearGroup;
    private final int pupils;
    private final int pupilsWithoutOne;
    private final boolean nothingThisYear;
    private final boolean stemThisYear;
    private final int pupilsNeedingWorkplaceExperience;
    private final Set<Long> employersThisYear;
    private final Set<String> sectorsThisYear;
    private final int pupilsShortOfHoursTarget;
    private final ValueCurve curve;

    /**
     * @param pupilsWithoutOne                 pupils with no encounter this year, none booked either
     * @param bands                            the places a round could give, by what each is worth
     * @param nothingThisYear                  no pupil of the year group has had an encounter this year
     * @param stemThisYear                     the year group has had a STEM encounter this year
     * @param pupilsNeedingWorkplaceExperience pupils of Years 10-13 still short of Benchmark 6
     * @param employersThisYear                employers who have already come to this cohort this year
     */
    public Cohort(
            School school,
            int yearGroup,
            int pupils,
            int pupilsWithoutOne,
            List<PupilBand> bands,
            boolean nothingThisYear,
            boolean stemThisYear,
            int pupilsNeedingWorkplaceExperience,
            Set<Long> employersThisYear) {
        this(
                school,
                yearGroup,
                pupils,
                pupilsWithoutOne,
                bands,
                nothingThisYear,
                stemThisYear,
                pupilsNeedingWorkplaceExperience,
                employersThisYear,
                Set.of(),
                0);
    }

    /**
     * As above, with what placements are worth more for.
     *
     * @param sectorsThisYear          the sectors of the employers who have come to this cohort this
     *                                 year: a workplace experience in another is worth more
     * @param pupilsShortOfHoursTarget pupils of Years 10-13 with fewer hours of workplace experience
     *                                 than the hub's target: a placement week is worth more to them
     */
    public Cohort(
            School school,
            int yearGroup,
            int pupils,
            int pupilsWithoutOne,
            List<PupilBand> bands,
            boolean nothingThisYear,
            boolean stemThisYear,
            int pupilsNeedingWorkplaceExperience,
            Set<Long> employersThisYear,
            Set<String> sectorsThisYear,
            int pupilsShortOfHoursTarget) {
        this.school = school;
        this.yearGroup = yearGroup;
        this.pupils = pupils;
        this.pupilsWithoutOne = pupilsWithoutOne;
        this.nothingThisYear = nothingThisYear;
        this.stemThisYear = stemThisYear;
        this.pupilsNeedingWorkplaceExperience = yearGroup >= 10 ? pupilsNeedingWorkplaceExperience : 0;
        this.employersThisYear = Set.copyOf(employersThisYear);
        this.sectorsThisYear = Set.copyOf(sectorsThisYear);
        this.pupilsShortOfHoursTarget = yearGroup >= 10 ? pupilsShortOfHoursTarget : 0;
        this.curve = curve(bands);
    }

    /** A point's value in the curve's unit, hundredths, rounded. */
    public static long hundredths(double points) {
        return Math.round(points * 100);
    }

    private static ValueCurve curve(List<PupilBand> bands) {
        List<PupilBand> mostFirst = new ArrayList<>(bands);
        mostFirst.sort(Comparator.comparingLong(PupilBand::value).reversed());
        List<ValueCurve.Segment> segments = new ArrayList<>();
        for (PupilBand band : mostFirst) {
            if (band.places() == 0 || band.value() == 0) {
                continue;
            }
            ValueCurve.Segment last = segments.isEmpty() ? null : segments.getLast();
            if (last != null && last.valuePerPlace() == band.value()) {
                segments.set(segments.size() - 1, new ValueCurve.Segment(last.places() + band.places(), band.value()));
            } else {
                segments.add(new ValueCurve.Segment(band.places(), band.value()));
            }
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

    /** Whether an employer of {@code sector} has come to this cohort this year. */
    public boolean sawSectorThisYear(String sector) {
        return sectorsThisYear.contains(sector);
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

    /** Pupils with no encounter this year and none booked: what Benchmark 5 still needs here. */
    public int pupilsWithoutOne() {
        return pupilsWithoutOne;
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

    /**
     * Pupils of Years 11-13 short of the workplace experience Benchmark 6 asks by the end of this
     * year (or overdue from an earlier one): it judges them when this year ends, where a Year 10
     * pupil still has a year.
     */
    public int pupilsShortOfBenchmark6() {
        return yearGroup >= 11 ? pupilsNeedingWorkplaceExperience : 0;
    }

    public int pupilsShortOfHoursTarget() {
        return pupilsShortOfHoursTarget;
    }

    public String describe() {
        return "Year " + yearGroup + " at " + school.name();
    }

    @Override
    public String toString() {
        return describe();
    }
}

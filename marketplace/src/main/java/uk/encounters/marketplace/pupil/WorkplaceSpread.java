package uk.encounters.marketplace.pupil;

import java.util.ArrayList;
import java.util.List;

/**
 * One year group's experiences of workplaces: Benchmark 6's figures (a workplace experience by the
 * end of Year 11, a second by the end of Year 13) beside the spread of its pupils' hours against
 * the hub's target, from none to the target or more. The four bands hold every pupil once.
 */
public record WorkplaceSpread(
        int yearGroup,
        int pupils,
        int withOne,
        int withTwo,
        int none,
        int underHalf,
        int half,
        int met,
        WorkplaceHoursTarget target) {

    /** Year 7 to 13 in order, empty year groups included, from a school's tallies. */
    public static List<WorkplaceSpread> fromTallies(List<YearGroupTally> tallies, WorkplaceHoursTarget target) {
        List<WorkplaceSpread> years = new ArrayList<>();
        for (int year = EncounterTarget.FIRST_YEAR_GROUP; year <= EncounterTarget.LAST_YEAR_GROUP; year++) {
            YearGroupTally all = YearGroupTally.empty(year, false);
            for (YearGroupTally tally : tallies) {
                if (tally.yearGroup() == year) {
                    all = all.plus(tally);
                }
            }
            years.add(new WorkplaceSpread(
                    year,
                    all.pupils(),
                    all.withWorkplaceExperience(),
                    all.withTwoWorkplaceExperiences(),
                    all.withoutWorkplaceHours(),
                    all.underHalfWorkplaceHours(),
                    all.halfWorkplaceHours(),
                    all.workplaceHoursTargetMet(),
                    target));
        }
        return years;
    }

    /** "3 of 150 pupils have 50 hours or more". */
    public String metLine() {
        return met + " of " + pupils + (pupils == 1 ? " pupil has " : " pupils have ") + target.words() + " or more";
    }

    /** How many pupils are in a band of hours. */
    public record BandCount(String label, int pupils) {}

    /** The pupils in each band, in order from none to the target or more. */
    public List<BandCount> bands() {
        return List.of(
                new BandCount(target.label(WorkplaceHoursTarget.Band.NONE), none),
                new BandCount(target.label(WorkplaceHoursTarget.Band.UNDER_HALF), underHalf),
                new BandCount(target.label(WorkplaceHoursTarget.Band.HALF), half),
                new BandCount(target.label(WorkplaceHoursTarget.Band.MET), met));
    }

    public int percentMet() {
        return YearGroupProgress.percent(met, pupils);
    }
}

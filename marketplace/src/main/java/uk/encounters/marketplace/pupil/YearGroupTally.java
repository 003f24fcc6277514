package uk.encounters.marketplace.pupil;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts behind a school's figures for one year group, for its disadvantaged pupils or the
 * rest: what {@link YearGroupProgress} and a hub's dashboard add up. Judged by
 * {@link PupilProgress}, pupil by pupil, and summed, so a summary stored for a school
 * ({@link ProgressSummaries}) says exactly what its pupils would.
 *
 * @param withWorkplaceExperience        pupils with at least one workplace experience
 * @param withTwoWorkplaceExperiences    pupils with two or more
 * @param withoutWorkplaceHours          pupils with no hours of workplace experience recorded
 * @param underHalfWorkplaceHours        pupils with some, under half the hub's target
 * @param halfWorkplaceHours             pupils with half the target or more, short of it
 * @param workplaceHoursTargetMet        pupils with the target or more
 */
public record YearGroupTally(
        int yearGroup,
        boolean disadvantaged,
        int pupils,
        int encounters,
        int onTrack,
        int benchmark5,
        int benchmark6,
        int behindWithoutBooking,
        int needingWorkplaceExperience,
        int encountersBehind,
        int withWorkplaceExperience,
        int withTwoWorkplaceExperiences,
        int withoutWorkplaceHours,
        int underHalfWorkplaceHours,
        int halfWorkplaceHours,
        int workplaceHoursTargetMet) {

    /** No pupils: what a year group without any adds up to. */
    public static YearGroupTally empty(int yearGroup, boolean disadvantaged) {
        return new YearGroupTally(yearGroup, disadvantaged, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** By year group, disadvantaged pupils after the rest; groups with no pupils left out. */
    public static List<YearGroupTally> of(List<PupilProgress> pupils) {
        Map<Integer, YearGroupTally> tallies = new TreeMap<>();
        for (PupilProgress pupil : pupils) {
            int key = pupil.yearGroup() * 2 + (pupil.disadvantaged() ? 1 : 0);
            tallies.merge(key, of(pupil), YearGroupTally::plus);
        }
        return new ArrayList<>(tallies.values());
    }

    private static YearGroupTally of(PupilProgress pupil) {
        return new YearGroupTally(
                pupil.yearGroup(),
                pupil.disadvantaged(),
                1,
                pupil.encountersSoFar(),
                one(pupil.onTrack()),
                one(pupil.hadEncounterThisYear()),
                one(pupil.benchmark6Met()),
                one(!pupil.onTrack() && !pupil.bookedThisYear()),
                one(pupil.needsWorkplaceExperience()),
                pupil.encountersBehind(),
                one(pupil.workplaceExperiences() >= 1),
                one(pupil.workplaceExperiences() >= 2),
                one(pupil.hoursBand() == WorkplaceHoursTarget.Band.NONE),
                one(pupil.hoursBand() == WorkplaceHoursTarget.Band.UNDER_HALF),
                one(pupil.hoursBand() == WorkplaceHoursTarget.Band.HALF),
                one(pupil.hoursBand() == WorkplaceHoursTarget.Band.MET));
    }

    /** Both tallies' pupils together (the year group and flag are this one's). */
    public YearGroupTally plus(YearGroupTally other) {
        return new YearGroupTally(
                yearGroup,
                disadvantaged,
                pupils + other.pupils,
                encounters + other.encounters,
                onTrack + other.onTrack,
                benchmark5 + other.benchmark5,
                benchmark6 + other.benchmark6,
                behindWithoutBooking + other.behindWithoutBooking,
                needingWorkplaceExperience + other.needingWorkplaceExperience,
                encountersBehind + other.encountersBehind,
                withWorkplaceExperience + other.withWorkplaceExperience,
                withTwoWorkplaceExperiences + other.withTwoWorkplaceExperiences,
                withoutWorkplaceHours + other.withoutWorkplaceHours,
                underHalfWorkplaceHours + other.underHalfWorkplaceHours,
                halfWorkplaceHours + other.halfWorkplaceHours,
                workplaceHoursTargetMet + other.workplaceHoursTargetMet);
    }

    private static int one(boolean counted) {
        return counted ? 1 : 0;
    }
}

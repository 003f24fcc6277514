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
        int encountersBehind) {

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
                pupil.encountersBehind());
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
                encountersBehind + other.encountersBehind);
    }

    private static int one(boolean counted) {
        return counted ? 1 : 0;
    }
}

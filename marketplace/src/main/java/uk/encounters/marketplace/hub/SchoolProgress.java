package uk.encounters.marketplace.hub;

import java.util.List;
import uk.encounters.marketplace.pupil.PupilProgress;
import uk.encounters.marketplace.pupil.YearGroupProgress;
import uk.encounters.marketplace.pupil.YearGroupTally;

/**
 * One school of a hub as the coordinator compares it with the others: its year groups as its own
 * progress page shows them, its disadvantaged pupils against the rest, and its gap to target.
 *
 * @param district         the school's postcode district ("DE23"), null when its postcode is unknown
 * @param coldSpot         in the most deprived fifth of England (see {@code ColdSpot})
 * @param encountersBehind encounters its pupils still need to reach this year's target, counting
 *                         booked ones as coming ({@link PupilProgress#encountersBehind()}, summed)
 */
public record SchoolProgress(
        long schoolId,
        String name,
        String district,
        boolean coldSpot,
        List<YearGroupProgress> years,
        Coverage disadvantaged,
        Coverage others,
        int encountersBehind) {

    public SchoolProgress {
        years = List.copyOf(years);
    }

    static SchoolProgress of(
            long schoolId, String name, String district, boolean coldSpot, List<YearGroupTally> tallies) {
        return new SchoolProgress(
                schoolId,
                name,
                district,
                coldSpot,
                YearGroupProgress.fromTallies(tallies),
                Coverage.of(
                        tallies.stream().filter(YearGroupTally::disadvantaged).toList()),
                Coverage.of(tallies.stream().filter(t -> !t.disadvantaged()).toList()),
                tallies.stream().mapToInt(YearGroupTally::encountersBehind).sum());
    }

    public Coverage all() {
        return disadvantaged.plus(others);
    }
}

package uk.encounters.marketplace.pupil;

import java.util.ArrayList;
import java.util.List;

/**
 * One year group's figures for the school dashboard and the governors: how many pupils, how many
 * encounters, and the shares on track, with an encounter this year (Benchmark 5) and with the
 * workplace experience due (Benchmark 6), disadvantaged pupils against the rest.
 */
public record YearGroupProgress(
        int yearGroup,
        int pupils,
        int encounters,
        int onTrack,
        int hadEncounterThisYear,
        int benchmark6Met,
        int disadvantaged,
        int disadvantagedOnTrack,
        int othersOnTrack,
        int behindWithoutBooking,
        int needingWorkplaceExperience) {

    /** Year 7 to 13 in order, empty year groups included so the table never skips a row. */
    public static List<YearGroupProgress> of(List<PupilProgress> pupils) {
        return fromTallies(YearGroupTally.of(pupils));
    }

    /** The same from a school's tallies, as {@link ProgressSummaries} keeps them. */
    public static List<YearGroupProgress> fromTallies(List<YearGroupTally> tallies) {
        List<YearGroupProgress> years = new ArrayList<>();
        for (int year = EncounterTarget.FIRST_YEAR_GROUP; year <= EncounterTarget.LAST_YEAR_GROUP; year++) {
            YearGroupTally disadvantaged = YearGroupTally.empty(year, true);
            YearGroupTally others = YearGroupTally.empty(year, false);
            for (YearGroupTally tally : tallies) {
                if (tally.yearGroup() == year) {
                    if (tally.disadvantaged()) {
                        disadvantaged = disadvantaged.plus(tally);
                    } else {
                        others = others.plus(tally);
                    }
                }
            }
            YearGroupTally all = others.plus(disadvantaged);
            years.add(new YearGroupProgress(
                    year,
                    all.pupils(),
                    all.encounters(),
                    all.onTrack(),
                    all.benchmark5(),
                    all.benchmark6(),
                    disadvantaged.pupils(),
                    disadvantaged.onTrack(),
                    others.onTrack(),
                    all.behindWithoutBooking(),
                    all.needingWorkplaceExperience()));
        }
        return years;
    }

    /** Pupils with no encounter this school year: whom Benchmark 5 still needs. */
    public int withoutOneThisYear() {
        return pupils - hadEncounterThisYear;
    }

    public int percentOnTrack() {
        return percent(onTrack, pupils);
    }

    public int percentBenchmark5() {
        return percent(hadEncounterThisYear, pupils);
    }

    /** Before Year 11 Benchmark 6 is not due: pages say so instead of a share of 100%. */
    public boolean benchmark6Due() {
        return PupilProgress.benchmark6DueIn(yearGroup);
    }

    public int percentBenchmark6() {
        return percent(benchmark6Met, pupils);
    }

    public int percentDisadvantagedOnTrack() {
        return percent(disadvantagedOnTrack, disadvantaged);
    }

    public int percentOthersOnTrack() {
        return percent(othersOnTrack, pupils - disadvantaged);
    }

    /** Whole percent, rounded half up; 0 for an empty group. */
    public static int percent(int part, int whole) {
        return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
    }
}

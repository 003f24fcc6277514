package uk.encounters.marketplace.hub;

import java.util.Collection;
import uk.encounters.marketplace.pupil.GroupFigures;
import uk.encounters.marketplace.pupil.PupilProgress;
import uk.encounters.marketplace.pupil.YearGroupProgress;
import uk.encounters.marketplace.pupil.YearGroupTally;

/**
 * How many of a group of pupils are on track for their encounters, have had one this year
 * (Benchmark 5) and have the workplace experience due (Benchmark 6), judged by
 * {@link uk.encounters.marketplace.pupil.PupilProgress} exactly as a school's own progress page judges them.
 *
 * @param benchmark6Due pupils in the year groups where Benchmark 6 is due (Years 11 to 13): its share
 *     is of these, since everyone younger meets it by default
 * @param benchmark6    of those, the pupils who have the workplace experience due
 */
public record Coverage(int pupils, int onTrack, int benchmark5, int benchmark6Due, int benchmark6) {

    public static final Coverage NONE = new Coverage(0, 0, 0, 0, 0);

    /** The tallies' pupils together. */
    public static Coverage of(Collection<YearGroupTally> tallies) {
        Coverage coverage = NONE;
        for (YearGroupTally tally : tallies) {
            boolean due = PupilProgress.benchmark6DueIn(tally.yearGroup());
            coverage = coverage.plus(new Coverage(
                    tally.pupils(),
                    tally.onTrack(),
                    tally.benchmark5(),
                    due ? tally.pupils() : 0,
                    due ? tally.benchmark6() : 0));
        }
        return coverage;
    }

    /** The groups' pupils together: a year's figures, kept or today's ({@link GroupFigures}). */
    public static Coverage ofGroups(Collection<GroupFigures> groups) {
        Coverage coverage = NONE;
        for (GroupFigures g : groups) {
            boolean due = g.benchmark6Due();
            coverage = coverage.plus(new Coverage(
                    g.pupils(), g.onTrack(), g.benchmark5(), due ? g.pupils() : 0, due ? g.benchmark6() : 0));
        }
        return coverage;
    }

    public Coverage plus(Coverage other) {
        return new Coverage(
                pupils + other.pupils,
                onTrack + other.onTrack,
                benchmark5 + other.benchmark5,
                benchmark6Due + other.benchmark6Due,
                benchmark6 + other.benchmark6);
    }

    public int percentOnTrack() {
        return YearGroupProgress.percent(onTrack, pupils);
    }

    public int percentBenchmark5() {
        return YearGroupProgress.percent(benchmark5, pupils);
    }

    /** Of the pupils for whom it is due; see {@link #anyBenchmark6Due}. */
    public int percentBenchmark6() {
        return YearGroupProgress.percent(benchmark6, benchmark6Due);
    }

    /** False for a group with nobody in Years 11 to 13: its Benchmark 6 is "not due", not 0%. */
    public boolean anyBenchmark6Due() {
        return benchmark6Due > 0;
    }
}

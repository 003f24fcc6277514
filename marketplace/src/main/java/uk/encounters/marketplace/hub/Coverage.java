package uk.encounters.marketplace.hub;

import java.util.Collection;
import uk.encounters.marketplace.pupil.YearGroupProgress;
import uk.encounters.marketplace.pupil.YearGroupTally;

/**
 * How many of a group of pupils are on track for seven encounters, have had one this year
 * (Benchmark 5) and have the workplace experience due (Benchmark 6), judged by
 * {@link uk.encounters.marketplace.pupil.PupilProgress} exactly as a school's own progress page judges them.
 */
public record Coverage(int pupils, int onTrack, int benchmark5, int benchmark6) {

    public static final Coverage NONE = new Coverage(0, 0, 0, 0);

    /** The tallies' pupils together. */
    public static Coverage of(Collection<YearGroupTally> tallies) {
        Coverage coverage = NONE;
        for (YearGroupTally tally : tallies) {
            coverage = coverage.plus(
                    new Coverage(tally.pupils(), tally.onTrack(), tally.benchmark5(), tally.benchmark6()));
        }
        return coverage;
    }

    public Coverage plus(Coverage other) {
        return new Coverage(
                pupils + other.pupils,
                onTrack + other.onTrack,
                benchmark5 + other.benchmark5,
                benchmark6 + other.benchmark6);
    }

    public int percentOnTrack() {
        return YearGroupProgress.percent(onTrack, pupils);
    }

    public int percentBenchmark5() {
        return YearGroupProgress.percent(benchmark5, pupils);
    }

    public int percentBenchmark6() {
        return YearGroupProgress.percent(benchmark6, pupils);
    }
}

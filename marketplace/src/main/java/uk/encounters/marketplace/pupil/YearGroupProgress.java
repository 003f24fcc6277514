package uk.encounters.marketplace.pupil;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One year group's figures for the school dashboard and the governors: how many pupils, how many
 * encounters, and the shares on track, with an encounter this year (Benchmark 5) and with the
 * workplace experience due (Benchmark 6), disadvantaged pupils against the rest.
 */
public record YearGroupProgress(int yearGroup, int pupils, int encounters, int onTrack, int hadEncounterThisYear,
                                int benchmark6Met, int disadvantaged, int disadvantagedOnTrack, int othersOnTrack,
                                int behindWithoutBooking, int needingWorkplaceExperience) {

    /** Year 7 to 13 in order, empty year groups included so the table never skips a row. */
    public static List<YearGroupProgress> of(List<PupilProgress> pupils) {
        Map<Integer, List<PupilProgress>> byYear = pupils.stream()
                .collect(Collectors.groupingBy(PupilProgress::yearGroup, TreeMap::new, Collectors.toList()));
        List<YearGroupProgress> years = new ArrayList<>();
        for (int year = EncounterTarget.FIRST_YEAR_GROUP; year <= EncounterTarget.LAST_YEAR_GROUP; year++) {
            years.add(of(year, byYear.getOrDefault(year, List.of())));
        }
        return years;
    }

    static YearGroupProgress of(int yearGroup, List<PupilProgress> pupils) {
        return new YearGroupProgress(yearGroup, pupils.size(),
                pupils.stream().mapToInt(PupilProgress::encountersSoFar).sum(),
                count(pupils, PupilProgress::onTrack),
                count(pupils, PupilProgress::hadEncounterThisYear),
                count(pupils, PupilProgress::benchmark6Met),
                count(pupils, PupilProgress::disadvantaged),
                count(pupils, p -> p.disadvantaged() && p.onTrack()),
                count(pupils, p -> !p.disadvantaged() && p.onTrack()),
                count(pupils, p -> !p.onTrack() && !p.bookedThisYear()),
                count(pupils, PupilProgress::needsWorkplaceExperience));
    }

    public int percentOnTrack() {
        return percent(onTrack, pupils);
    }

    public int percentBenchmark5() {
        return percent(hadEncounterThisYear, pupils);
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

    private static int count(List<PupilProgress> pupils, Predicate<PupilProgress> test) {
        return (int) pupils.stream().filter(test).count();
    }
}

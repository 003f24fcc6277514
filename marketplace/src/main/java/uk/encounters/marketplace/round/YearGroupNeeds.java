package uk.encounters.marketplace.round;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.encounters.marketplace.pupil.PriorityWeights;
import uk.encounters.marketplace.pupil.PupilProgress;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.PupilBand;

/**
 * One year group of a school as the matcher needs it, from its pupils' progress: pupils of equal
 * priority grouped into bands (neediest first in the cohort's value curve), whether the year
 * group has had anything this year, and how many still need a workplace experience.
 *
 * <p>The priority is taken without the year-group-with-none bonus: the matcher has its own rule
 * for that ({@link Cohort#nothingThisYear()}), and counting both would count it twice.
 */
public record YearGroupNeeds(int yearGroup, int pupils, List<PupilBand> bands, boolean nothingThisYear,
                             int needingWorkplaceExperience) {

    public static Map<Integer, YearGroupNeeds> of(Collection<PupilProgress> pupils, PriorityWeights weights) {
        Map<Integer, TreeMap<Double, Integer>> byPriority = new TreeMap<>();
        Map<Integer, int[]> counts = new TreeMap<>(); // pupils, with one this year, needing workplace experience
        for (PupilProgress pupil : pupils) {
            byPriority.computeIfAbsent(pupil.yearGroup(), y -> new TreeMap<>())
                    .merge(pupil.priority(weights, false), 1, Integer::sum);
            int[] c = counts.computeIfAbsent(pupil.yearGroup(), y -> new int[3]);
            c[0]++;
            c[1] += pupil.hadEncounterThisYear() ? 1 : 0;
            c[2] += pupil.needsWorkplaceExperience() ? 1 : 0;
        }
        Map<Integer, YearGroupNeeds> needs = new TreeMap<>();
        counts.forEach((yearGroup, c) -> {
            List<PupilBand> bands = new ArrayList<>();
            byPriority.get(yearGroup).forEach((priority, count) -> bands.add(new PupilBand(count, priority)));
            needs.put(yearGroup, new YearGroupNeeds(yearGroup, c[0], List.copyOf(bands), c[1] == 0, c[2]));
        });
        return needs;
    }
}

package uk.encounters.marketplace.round;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.encounters.marketplace.pupil.EncounterTarget;
import uk.encounters.marketplace.pupil.Hours;
import uk.encounters.marketplace.pupil.PupilProgress;
import uk.encounters.marketplace.pupil.PupilValueWeights;
import uk.encounters.marketplace.pupil.WorkplaceHoursTarget;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.PupilBand;

/**
 * One year group of a school as the matcher needs it, from its pupils' progress: the pupil
 * places a round could give it, each worth what the pupil-value rule says the pupil's next
 * encounter (or the one after, in a second session of the same round) is worth, grouped into
 * bands of equal value; whether the year group has had anything this year; and how many still
 * need a workplace experience. The school is then offered its pupils by the same rule
 * ({@link PupilProgress#mostToGainFirst}), so the places the matcher counted on are the pupils
 * the school is shown.
 *
 * @param pupilsWithoutOne pupils with no encounter this year and none booked: what Benchmark 5 still needs
 * @param shortOfHoursTarget pupils with fewer hours of workplace experience than the hub's target
 */
public record YearGroupNeeds(
        int yearGroup,
        int pupils,
        List<PupilBand> bands,
        boolean nothingThisYear,
        int needingWorkplaceExperience,
        int pupilsWithoutOne,
        int shortOfHoursTarget) {

    public static Map<Integer, YearGroupNeeds> of(Collection<PupilProgress> pupils, PupilValueWeights weights) {
        Map<Integer, TreeMap<Long, Integer>> byValue = new TreeMap<>();
        // per year group: pupils, with one this year, needing workplace experience, without one nor booked
        Map<Integer, int[]> counts = new TreeMap<>();
        for (PupilProgress pupil : pupils) {
            TreeMap<Long, Integer> values = byValue.computeIfAbsent(pupil.yearGroup(), y -> new TreeMap<>());
            for (int ahead = 0; ahead < PupilProgress.ENCOUNTERS_VALUED_PER_ROUND; ahead++) {
                values.merge(Cohort.hundredths(pupil.valueOfEncounter(weights, ahead)), 1, Integer::sum);
            }
            int[] c = counts.computeIfAbsent(pupil.yearGroup(), y -> new int[5]);
            c[0]++;
            c[1] += pupil.hadEncounterThisYear() ? 1 : 0;
            c[2] += pupil.needsWorkplaceExperience() ? 1 : 0;
            c[3] += pupil.hadEncounterThisYear() || pupil.bookedThisYear() ? 0 : 1;
            c[4] += pupil.hoursBand() == WorkplaceHoursTarget.Band.MET ? 0 : 1;
        }
        Map<Integer, YearGroupNeeds> needs = new TreeMap<>();
        counts.forEach((yearGroup, c) -> {
            List<PupilBand> bands = new ArrayList<>();
            byValue.get(yearGroup).descendingMap().forEach((value, places) -> bands.add(new PupilBand(places, value)));
            needs.put(yearGroup, new YearGroupNeeds(yearGroup, c[0], List.copyOf(bands), c[1] == 0, c[2], c[3], c[4]));
        });
        return needs;
    }

    /**
     * A year group the school asks for before its pupils are uploaded is taken at its word: the
     * pupils it asks for, each without an encounter this year and on track for seven before it
     * (beyond its first encounter this year, which is worth the same for either target, the
     * difference between targets is too small to guess at without the pupils).
     */
    public static YearGroupNeeds takenAtItsWord(int yearGroup, int pupils, PupilValueWeights weights) {
        PupilProgress typical = new PupilProgress(
                0,
                yearGroup,
                yearGroup - 7,
                0,
                false,
                0,
                Hours.ZERO,
                false,
                false,
                false,
                EncounterTarget.SEVEN,
                WorkplaceHoursTarget.DEFAULT);
        List<PupilBand> bands = new ArrayList<>();
        for (int ahead = 0; ahead < PupilProgress.ENCOUNTERS_VALUED_PER_ROUND; ahead++) {
            bands.add(new PupilBand(pupils, Cohort.hundredths(typical.valueOfEncounter(weights, ahead))));
        }
        int workplaceDue = yearGroup >= 10 ? pupils : 0;
        return new YearGroupNeeds(yearGroup, pupils, List.copyOf(bands), true, workplaceDue, pupils, workplaceDue);
    }
}

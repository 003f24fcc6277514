package uk.encounters.benchmark.instance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.demo.DemoHub;
import uk.encounters.marketplace.pupil.PriorityWeights;
import uk.encounters.marketplace.pupil.PupilProgress;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.PupilBand;
import uk.encounters.matcher.domain.School;

/**
 * A school's year groups as the matcher sees them, from its pupils' encounters so far: each
 * pupil's progress and priority by the marketplace's own rules ({@link PupilProgress},
 * {@link PriorityWeights#DEFAULTS}), pupils of equal priority grouped into bands.
 *
 * <p>The priority is taken without the year-group-with-none bonus: the matcher has its own rule
 * for that ({@link Cohort#nothingThisYear()}), and counting both would count it twice.
 */
final class CohortNeeds {

    /**
     * History names no employer, so whether a cohort met a STEM employer this year is drawn:
     * its pupil encounters this year are taken as events of about this many pupils (a talk to two
     * classes), each with a STEM employer as often as the hub's employers are STEM ones.
     */
    private static final int PUPILS_PER_EVENT = 60;

    /** One year group of one school. */
    record Facts(int yearGroup, int pupils, List<PupilBand> bands, boolean nothingThisYear, boolean stemThisYear,
                 int needingWorkplaceExperience, Set<Long> employersThisYear) {

        Cohort toCohort(School school) {
            return new Cohort(school, yearGroup, pupils, bands, nothingThisYear, stemThisYear,
                    needingWorkplaceExperience, employersThisYear);
        }
    }

    private static final class YearGroup {
        final TreeMap<Double, Integer> pupilsByPriority = new TreeMap<>();
        int pupils;
        boolean anyThisYear;
        int needingWorkplaceExperience;
        int historyEncountersThisYear;
    }

    private CohortNeeds() {
    }

    /**
     * @param stemShare the share of the hub's employers in STEM sectors
     * @param random    draws the STEM approximation; one stream per school keeps schools independent
     */
    static Map<Integer, Facts> of(DemoHub hub, int school, HubBookings bookings, double stemShare,
                                  RandomGenerator random) {
        AcademicYear thisYear = AcademicYear.containing(hub.today());
        Map<Integer, DemoHub.Pupil> pupils = new HashMap<>();
        // per pupil: encounters before this year, this year, workplace experiences ever
        Map<Integer, int[]> counts = new HashMap<>();
        hub.forEachPupilOf(school, pupil -> pupils.put(pupil.sequence(), pupil), encounter -> {
            if (!encounter.attended()) {
                return;
            }
            int[] c = counts.computeIfAbsent(encounter.pupilSequence(), k -> new int[3]);
            c[encounter.occurredOn().isBefore(thisYear.firstDay()) ? 0 : 1]++;
            c[2] += encounter.type().workplaceExperience() ? 1 : 0;
        });
        Map<Integer, YearGroup> years = new TreeMap<>();
        for (DemoHub.Pupil pupil : pupils.values()) {
            int[] history = counts.getOrDefault(pupil.sequence(), new int[3]);
            int[] booked = bookings.attended(school, pupil.sequence());
            PupilProgress progress = new PupilProgress(pupil.sequence(), pupil.yearGroup(), history[0],
                    history[1] + booked[0], bookings.booked(school, pupil.sequence()), history[2] + booked[1],
                    pupil.disadvantaged(), pupil.send());
            YearGroup year = years.computeIfAbsent(pupil.yearGroup(), y -> new YearGroup());
            year.pupils++;
            year.pupilsByPriority.merge(progress.priority(PriorityWeights.DEFAULTS, false), 1, Integer::sum);
            year.anyThisYear |= progress.hadEncounterThisYear();
            year.needingWorkplaceExperience += progress.needsWorkplaceExperience() ? 1 : 0;
            year.historyEncountersThisYear += history[1];
        }
        Map<Integer, Facts> facts = new TreeMap<>();
        years.forEach((yearGroup, year) -> {
            List<PupilBand> bands = new ArrayList<>();
            year.pupilsByPriority.forEach((priority, count) -> bands.add(new PupilBand(count, priority)));
            int events = (year.historyEncountersThisYear + PUPILS_PER_EVENT - 1) / PUPILS_PER_EVENT;
            boolean stem = bookings.stemThisYear(school, yearGroup)
                    || random.nextDouble() < 1 - Math.pow(1 - stemShare, events);
            facts.put(yearGroup, new Facts(yearGroup, year.pupils, bands, !year.anyThisYear, stem,
                    year.needingWorkplaceExperience, bookings.employersThisYear(school, yearGroup)));
        });
        return facts;
    }
}

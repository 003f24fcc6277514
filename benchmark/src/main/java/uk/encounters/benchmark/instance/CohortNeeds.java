package uk.encounters.benchmark.instance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import uk.encounters.demo.DemoHub;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.pupil.EncounterTarget;
import uk.encounters.marketplace.pupil.Hours;
import uk.encounters.marketplace.pupil.PupilProgress;
import uk.encounters.marketplace.pupil.PupilValueWeights;
import uk.encounters.marketplace.pupil.WorkplaceHoursTarget;
import uk.encounters.marketplace.round.YearGroupNeeds;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.School;

/**
 * A school's year groups as the matcher sees them, from its pupils' encounters so far: each
 * pupil's progress by the marketplace's own rules ({@link PupilProgress}), grouped as the
 * matching round groups them ({@link YearGroupNeeds}).
 */
final class CohortNeeds {

    /**
     * History names no employer, so whether a cohort met a STEM employer this year is drawn:
     * its pupil encounters this year are taken as events of about this many pupils (a talk to two
     * classes), each with a STEM employer as often as the hub's employers are STEM ones.
     */
    private static final int PUPILS_PER_EVENT = 60;

    /** One year group of one school. */
    record Facts(YearGroupNeeds needs, boolean stemThisYear, Set<Long> employersThisYear, Set<String> sectorsThisYear) {

        Cohort toCohort(School school) {
            return new Cohort(
                    school,
                    needs.yearGroup(),
                    needs.pupils(),
                    needs.pupilsWithoutOne(),
                    needs.bands(),
                    needs.nothingThisYear(),
                    stemThisYear,
                    needs.needingWorkplaceExperience(),
                    employersThisYear,
                    sectorsThisYear,
                    needs.shortOfHoursTarget());
        }
    }

    private CohortNeeds() {}

    /**
     * @param stemShare the share of the hub's employers in STEM sectors
     * @param random    draws the STEM approximation; one stream per school keeps schools independent
     */
    static Map<Integer, Facts> of(
            DemoHub hub, int school, HubBookings bookings, double stemShare, RandomGenerator random) {
        AcademicYear thisYear = AcademicYear.containing(hub.today());
        Map<Integer, DemoHub.Pupil> pupils = new HashMap<>();
        // per pupil: encounters before this year, this year, workplace experiences ever
        Map<Integer, int[]> counts = new HashMap<>();
        Map<Integer, Hours> hours = new HashMap<>();
        hub.forEachPupilOf(school, pupil -> pupils.put(pupil.sequence(), pupil), encounter -> {
            if (!encounter.attended()) {
                return;
            }
            int[] c = counts.computeIfAbsent(encounter.pupilSequence(), k -> new int[3]);
            c[encounter.occurredOn().isBefore(thisYear.firstDay()) ? 0 : 1]++;
            c[2] += encounter.type().workplaceExperience() ? 1 : 0;
            if (encounter.hours() != null) {
                hours.merge(encounter.pupilSequence(), encounter.hours(), Hours::plus);
            }
        });
        List<PupilProgress> progress = new ArrayList<>();
        Map<Integer, Integer> historyThisYear = new HashMap<>();
        for (DemoHub.Pupil pupil : pupils.values()) {
            int[] history = counts.getOrDefault(pupil.sequence(), new int[3]);
            int[] booked = bookings.attended(school, pupil.sequence());
            progress.add(new PupilProgress(
                    pupil.sequence(),
                    pupil.yearGroup(),
                    history[0],
                    history[1] + booked[0],
                    bookings.booked(school, pupil.sequence()),
                    history[2] + booked[1],
                    hours.getOrDefault(pupil.sequence(), Hours.ZERO),
                    pupil.disadvantaged(),
                    pupil.send(),
                    pupil.eal(),
                    EncounterTarget.SEVEN,
                    WorkplaceHoursTarget.DEFAULT));
            historyThisYear.merge(pupil.yearGroup(), history[1], Integer::sum);
        }
        Map<Integer, Facts> facts = new TreeMap<>();
        YearGroupNeeds.of(progress, PupilValueWeights.DEFAULTS).forEach((yearGroup, needs) -> {
            int events = (historyThisYear.get(yearGroup) + PUPILS_PER_EVENT - 1) / PUPILS_PER_EVENT;
            boolean stem = bookings.stemThisYear(school, yearGroup)
                    || random.nextDouble() < 1 - Math.pow(1 - stemShare, events);
            facts.put(
                    yearGroup,
                    new Facts(
                            needs,
                            stem,
                            bookings.employersThisYear(school, yearGroup),
                            bookings.sectorsThisYear(school, yearGroup)));
        });
        return facts;
    }
}

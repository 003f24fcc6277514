package uk.encounters.demo.simulation;

import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jooq.DSLContext;
import uk.encounters.marketplace.pupil.ProgressRepository;
import uk.encounters.marketplace.pupil.PupilProgress;
import uk.encounters.marketplace.school.SchoolPhase;

/**
 * Where an arm's pupils stand at the end of play, counted by the app's own rules
 * ({@link PupilProgress} from {@link ProgressRepository}, as every school's progress page counts
 * them), for all pupils on roll and for disadvantaged pupils, pupils with SEND and the rest
 * (neither), and the supply ceiling: the Benchmark 5 the year's attended places could have given.
 */
record PupilFigures(
        Group all,
        Group disadvantaged,
        Group send,
        Group rest,
        Share ceiling,
        List<Share> withoutOneByYearGroup,
        Share withoutOneInSpecialSchools,
        Share benchmark5AtPlanningSchools,
        Share benchmark5AtOtherSchools) {

    /** {@code part} of {@code whole} pupils. */
    record Share(int part, int whole) {

        double percent() {
            return whole == 0 ? 0 : 100.0 * part / whole;
        }

        @Override
        public String toString() {
            return String.format("%.1f%% (%,d of %,d)", percent(), part, whole);
        }
    }

    /**
     * One group's figures.
     *
     * @param profile           pupils with 0, 1, 2 and 3 or more encounters this year
     * @param onTrackNextYear   encounters so far at least the target by the end of this year
     *                          (year group minus six): on track as the next year begins
     * @param shortOfTarget     encounters short of that target, summed over the group
     * @param benchmark6        Benchmark 6 met, among pupils for whom it falls due this year (Years 11-13)
     */
    record Group(
            int pupils, Share benchmark5, int[] profile, Share onTrackNextYear, long shortOfTarget, Share benchmark6) {

        Share withEncounters(int index) {
            return new Share(profile[index], pupils);
        }
    }

    /** @param planningUrns the schools that take up "What to request next" (in the arms that have it) */
    static PupilFigures of(DSLContext dsl, long hubId, LocalDate day, Set<Integer> planningUrns) {
        Map<Long, List<PupilProgress>> bySchool = new ProgressRepository(dsl).forHub(hubId, day);
        List<PupilProgress> pupils =
                bySchool.values().stream().flatMap(List::stream).toList();
        List<Share> byYear = new ArrayList<>();
        for (int year = 7; year <= 13; year++) {
            int yearGroup = year;
            List<PupilProgress> inYear =
                    pupils.stream().filter(p -> p.yearGroup() == yearGroup).toList();
            byYear.add(new Share(
                    (int) inYear.stream().filter(p -> !p.hadEncounterThisYear()).count(), inYear.size()));
        }
        Set<Long> planning = planning(dsl, hubId, planningUrns);
        return new PupilFigures(
                group(pupils, p -> true),
                group(pupils, PupilProgress::disadvantaged),
                group(pupils, PupilProgress::send),
                group(pupils, p -> !p.disadvantaged() && !p.send()),
                ceiling(bySchool.values()),
                byYear,
                withoutOneIn(dsl, hubId, bySchool),
                benchmark5At(bySchool, planning, true),
                benchmark5At(bySchool, planning, false));
    }

    private static Set<Long> planning(DSLContext dsl, long hubId, Set<Integer> urns) {
        return dsl.select(SCHOOL.ID)
                .from(SCHOOL)
                .where(SCHOOL.HUB_ID.eq(hubId))
                .and(SCHOOL.URN.in(urns))
                .fetchSet(SCHOOL.ID);
    }

    private static Share benchmark5At(Map<Long, List<PupilProgress>> bySchool, Set<Long> planning, boolean among) {
        List<PupilProgress> pupils = bySchool.entrySet().stream()
                .filter(e -> planning.contains(e.getKey()) == among)
                .flatMap(e -> e.getValue().stream())
                .toList();
        return new Share(
                (int) pupils.stream()
                        .filter(PupilProgress::hadEncounterThisYear)
                        .count(),
                pupils.size());
    }

    /** Pupils with none this year at special schools and alternative provision, who need adapted activities. */
    private static Share withoutOneIn(DSLContext dsl, long hubId, Map<Long, List<PupilProgress>> bySchool) {
        var special = dsl.select(SCHOOL.ID)
                .from(SCHOOL)
                .where(SCHOOL.HUB_ID.eq(hubId))
                .and(SCHOOL.PHASE.in(SchoolPhase.SPECIAL, SchoolPhase.ALTERNATIVE_PROVISION))
                .fetchSet(SCHOOL.ID);
        List<PupilProgress> pupils = special.stream()
                .flatMap(id -> bySchool.getOrDefault(id, List.of()).stream())
                .toList();
        return new Share(
                (int) pupils.stream().filter(p -> !p.hadEncounterThisYear()).count(), pupils.size());
    }

    private static Group group(List<PupilProgress> pupils, Predicate<PupilProgress> among) {
        List<PupilProgress> group = pupils.stream().filter(among).toList();
        int[] profile = new int[4];
        int benchmark5 = 0, onTrack = 0, due = 0, met = 0;
        long shortfall = 0;
        for (PupilProgress p : group) {
            profile[Math.min(3, p.encountersThisYear())]++;
            benchmark5 += p.hadEncounterThisYear() ? 1 : 0;
            int gap = p.targetByEndOfYear() - p.encountersSoFar();
            onTrack += gap <= 0 ? 1 : 0;
            shortfall += Math.max(0, gap);
            if (p.workplaceExperiencesDueByEndOfYear() > 0) {
                due++;
                met += p.benchmark6Met() ? 1 : 0;
            }
        }
        return new Group(
                group.size(),
                new Share(benchmark5, group.size()),
                profile,
                new Share(onTrack, group.size()),
                shortfall,
                new Share(met, due));
    }

    /**
     * Pupils who would have had an encounter this year had every attended place in each cohort
     * (a school's year group) gone to a pupil without one: the most Benchmark 5 the places allowed.
     */
    private static Share ceiling(Iterable<List<PupilProgress>> schools) {
        int reachable = 0, pupils = 0;
        for (List<PupilProgress> school : schools) {
            int[] size = new int[14];
            int[] places = new int[14];
            for (PupilProgress p : school) {
                size[p.yearGroup()]++;
                places[p.yearGroup()] += p.encountersThisYear();
            }
            for (int year = 7; year <= 13; year++) {
                reachable += Math.min(size[year], places[year]);
                pupils += size[year];
            }
        }
        return new Share(reachable, pupils);
    }
}

package uk.encounters.marketplace.simulation;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.jooq.DSLContext;
import uk.encounters.marketplace.pupil.ProgressRepository;
import uk.encounters.marketplace.pupil.PupilProgress;

/**
 * Where the hub's pupils stand on a day, counted with the app's own rules ({@link PupilProgress}
 * from {@link ProgressRepository}, as every school's progress page counts them): on track for
 * seven, Benchmark 5 (an encounter this school year), and Benchmark 6 where it falls due this
 * year (Years 11 to 13), for all pupils on roll and for disadvantaged pupils against the rest.
 */
record HubProgress(Share onTrack, Share disadvantagedOnTrack, Share othersOnTrack, Share benchmark5,
                   Share disadvantagedBenchmark5, Share othersBenchmark5, Share benchmark6, Share benchmark6Disadvantaged,
                   Share benchmark6Others) {

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

    static HubProgress of(DSLContext dsl, long hubId, LocalDate day) {
        List<PupilProgress> pupils = new ProgressRepository(dsl).forHub(hubId, day).values().stream()
                .flatMap(List::stream).toList();
        Predicate<PupilProgress> all = p -> true;
        Predicate<PupilProgress> disadvantaged = PupilProgress::disadvantaged;
        Predicate<PupilProgress> others = p -> !p.disadvantaged();
        Predicate<PupilProgress> due = p -> p.workplaceExperiencesDueByEndOfYear() > 0;
        return new HubProgress(share(pupils, all, PupilProgress::onTrack),
                share(pupils, disadvantaged, PupilProgress::onTrack), share(pupils, others, PupilProgress::onTrack),
                share(pupils, all, PupilProgress::hadEncounterThisYear),
                share(pupils, disadvantaged, PupilProgress::hadEncounterThisYear),
                share(pupils, others, PupilProgress::hadEncounterThisYear),
                share(pupils, due, PupilProgress::benchmark6Met),
                share(pupils, due.and(disadvantaged), PupilProgress::benchmark6Met),
                share(pupils, due.and(others), PupilProgress::benchmark6Met));
    }

    private static Share share(List<PupilProgress> pupils, Predicate<PupilProgress> among,
                               Predicate<PupilProgress> meeting) {
        List<PupilProgress> group = pupils.stream().filter(among).toList();
        return new Share((int) group.stream().filter(meeting).count(), group.size());
    }
}

package uk.encounters.matcher.solver;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.optaplanner.core.api.function.TriFunction;
import org.optaplanner.core.api.score.stream.bi.BiConstraintCollector;
import uk.encounters.matcher.domain.HalfDay;
import uk.encounters.matcher.domain.PupilsMet;

/**
 * The pupils of a cohort taken up at a half-day: every session's, and an event's once, however many
 * of its stalls are there. One collector rather than a second grouping, since the hard rule it
 * serves is on every move's path.
 */
final class PupilsPresent implements BiConstraintCollector<PupilsMet, HalfDay, PupilsPresent.Tally, Integer> {

    /** The running total, and how often each occasion has been counted so far. */
    static final class Tally {
        private int pupils;
        /** For events only, made when the first is counted: most tallies never hold one. */
        private Map<Object, Integer> timesByOccasion;

        // an occasion (a session, or an event whichever of its stalls) counts its pupils once
        private Runnable add(PupilsMet met) {
            int present = met.present();
            if (!met.session().request().event()) {
                // a session is its own occasion, met once at a half-day (the problem has one fact for
                // each): no need to look it up, on nearly every move
                pupils += present;
                return () -> pupils -= present;
            }
            Object occasion = met.session().occasion();
            if (timesByOccasion == null) {
                timesByOccasion = new HashMap<>();
            }
            if (timesByOccasion.merge(occasion, 1, Integer::sum) == 1) {
                pupils += present;
            }
            return () -> {
                if (timesByOccasion.merge(occasion, -1, Integer::sum) == 0) {
                    timesByOccasion.remove(occasion);
                    pupils -= present;
                }
            };
        }
    }

    @Override
    public Supplier<Tally> supplier() {
        return Tally::new;
    }

    @Override
    public TriFunction<Tally, PupilsMet, HalfDay, Runnable> accumulator() {
        return (tally, met, halfDay) -> tally.add(met);
    }

    @Override
    public Function<Tally, Integer> finisher() {
        return tally -> tally.pupils;
    }
}

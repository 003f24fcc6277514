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
        private final Map<Object, Integer> timesByOccasion = new HashMap<>();

        // an occasion (a session, or an event whichever of its stalls) counts its pupils once
        private Runnable add(PupilsMet met) {
            Object occasion = met.session().occasion();
            if (timesByOccasion.merge(occasion, 1, Integer::sum) == 1) {
                pupils += met.present();
            }
            return () -> {
                if (timesByOccasion.merge(occasion, -1, Integer::sum) == 0) {
                    timesByOccasion.remove(occasion);
                    pupils -= met.present();
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

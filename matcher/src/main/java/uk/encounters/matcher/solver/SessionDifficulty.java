package uk.encounters.matcher.solver;

import java.util.Comparator;
import uk.encounters.matcher.domain.Session;

/**
 * The order construction places sessions in, easiest first (OptaPlanner's "decreasing difficulty"
 * places the last first): sessions worth most to their cohort on their own go first, and among
 * equals, those with fewer candidate slots, whose chances run out soonest.
 */
public class SessionDifficulty implements Comparator<Session> {

    private static final Comparator<Session> ORDER = Comparator.comparingLong(Session::valueAlone)
            .thenComparingInt(s -> -s.candidates().size())
            .thenComparing(Session::id);

    @Override
    public int compare(Session a, Session b) {
        return ORDER.compare(a, b);
    }
}

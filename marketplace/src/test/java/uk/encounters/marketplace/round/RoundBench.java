package uk.encounters.marketplace.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import uk.encounters.marketplace.testing.RoundHub;
import uk.encounters.marketplace.testing.TestDatabase;

/**
 * What a round test works on: a {@link RoundSolver} on the round hub's clock for the test class
 * (closed after it), fresh small hubs, and solving one. Register it after the class's database:
 * {@code @RegisterExtension static final RoundBench bench = new RoundBench(db);}
 */
final class RoundBench implements BeforeAllCallback, AfterAllCallback {

    private final TestDatabase db;
    private final AtomicInteger hubs = new AtomicInteger();
    private RoundSolver solver;

    RoundBench(TestDatabase db) {
        this.db = db;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        solver = new RoundSolver(db.database(), RoundHub.CLOCK);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (solver != null) {
            solver.close();
        }
    }

    RoundSolver solver() {
        return solver;
    }

    RoundHub hub() {
        return RoundHub.create(db.dsl(), "Round hub " + hubs.incrementAndGet());
    }

    /** A weekly round of two seconds with these weights, to its end. */
    RoundSolver.Outcome solve(RoundHub hub, Map<String, Long> weights) throws Exception {
        RoundSolver.Start start = solver.start(hub.id(), null, RoundSolver.Options.weekly(2, weights));
        assertThat(start).isInstanceOf(RoundSolver.Running.class);
        return ((RoundSolver.Running) start).outcome().get(60, TimeUnit.SECONDS);
    }
}

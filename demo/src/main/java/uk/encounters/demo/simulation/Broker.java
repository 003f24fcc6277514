package uk.encounters.demo.simulation;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.round.FirstComeFirstServedRound;
import uk.encounters.marketplace.round.RoundSolver;

/** Who makes a week's bookings: the solver, as the coordinator runs it, or first come, first served. */
sealed interface Broker extends AutoCloseable {

    /** The arm's broker on its database; the solver's rule weights as a coordinator would set them. */
    static Broker of(Arm arm, Database database, SimulatedClock clock, int seconds, Map<String, Long> weights) {
        return arm.solver() ? new Solver(database, clock, seconds, weights) : new FirstComeFirstServed(database, clock);
    }

    /** One weekly round of the hub, left proposed for publishing. */
    RoundSolver.Outcome round(long hubId);

    /** What one ask of an employer is under this broker, printed beside the figures. */
    boolean oneAskPerDigest();

    @Override
    void close();

    /** The path {@code encounters match --publish} takes: RoundSolver under the hub's advisory lock. */
    final class Solver implements Broker {

        private final RoundSolver solver;
        private final int seconds;
        private final Map<String, Long> weights;

        Solver(Database database, SimulatedClock clock, int seconds, Map<String, Long> weights) {
            this.solver = new RoundSolver(database, clock);
            this.seconds = seconds;
            this.weights = weights;
        }

        @Override
        public RoundSolver.Outcome round(long hubId) {
            RoundSolver.Start start = solver.start(hubId, null, RoundSolver.Options.weekly(seconds, weights));
            if (!(start instanceof RoundSolver.Running running)) {
                throw new IllegalStateException("Another solve holds the hub's lock");
            }
            try {
                return running.outcome().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while solving", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(
                        "The round failed: " + e.getCause().getMessage(), e.getCause());
            }
        }

        @Override
        public boolean oneAskPerDigest() {
            return true;
        }

        @Override
        public void close() {
            solver.close();
        }
    }

    /** Schools asking employers themselves, in the order they posted: each booking is its own ask. */
    final class FirstComeFirstServed implements Broker {

        private final FirstComeFirstServedRound rounds;
        private final SimulatedClock clock;

        FirstComeFirstServed(Database database, SimulatedClock clock) {
            this.rounds = new FirstComeFirstServedRound(database);
            this.clock = clock;
        }

        @Override
        public RoundSolver.Outcome round(long hubId) {
            return rounds.run(hubId, clock.today());
        }

        @Override
        public boolean oneAskPerDigest() {
            return false;
        }

        @Override
        public void close() {}
    }
}

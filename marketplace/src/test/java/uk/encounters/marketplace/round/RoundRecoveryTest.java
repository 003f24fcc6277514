package uk.encounters.marketplace.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.calendar.SchoolCalendar;
import uk.encounters.marketplace.testing.RoundHub;
import uk.encounters.marketplace.testing.TestDatabase;

/**
 * A solve whose app instance stops, dies or loses its connection to PostgreSQL: each instance is
 * a {@link RoundSolver} on a connection pool of its own, as separate processes would be.
 */
@Tag("fault")
class RoundRecoveryTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final RoundBench bench = new RoundBench(db);

    @Test
    void anInstanceStoppedMidSolveSavesItsBestPlanSoFar() throws Exception {
        RoundHub hub = bench.hub();
        try (Database instance = Database.open(db.settings())) {
            RoundSolver stopping = new RoundSolver(instance, RoundHub.CLOCK);
            RoundSolver.Running running =
                    (RoundSolver.Running) stopping.start(hub.id(), null, RoundSolver.Options.weekly(120, Map.of()));
            Thread.sleep(1500); // into the search

            stopping.close();

            assertThat(running.outcome()).isCompleted();
            RoundSolver.Outcome outcome = running.outcome().get();
            assertThat(outcome.stoppedEarly()).isTrue();
            Round round = round(hub, running.roundId());
            assertThat(round.status()).isEqualTo(RoundStatus.PROPOSED);
            assertThat(round.sessionsMatched()).isEqualTo(outcome.matched());
        }
    }

    @Test
    void aRoundLeftSolvingByAnInstanceThatDiedIsMarkedInterruptedByAnotherAndRunsAgain() throws Exception {
        RoundHub hub = bench.hub();
        // what an instance that died mid-solve leaves: the round marked solving, and the hub's lock free
        RoundRepository rounds = new RoundRepository(db.dsl());
        long roundId = rounds.create(
                hub.id(), RoundSolver.nextHorizon(SchoolCalendar.ENGLAND, RoundHub.TODAY), "weekly", null);
        rounds.startSolving(roundId, null, 30, Map.of());

        try (RoundLock solvingElsewhere =
                RoundLock.tryAcquire(db.database(), hub.id()).orElseThrow()) {
            bench.solver().recoverAbandoned();
            assertThat(round(hub, roundId).status())
                    .as("while an instance holds the lock")
                    .isEqualTo(RoundStatus.SOLVING);
        }
        assertThat(bench.solver().recoverAbandoned()).isPositive();

        Round recovered = round(hub, roundId);
        assertThat(recovered.status()).isEqualTo(RoundStatus.DRAFT);
        assertThat(recovered.error()).contains("interrupted");
        RoundSolver.Outcome again = bench.solve(hub, Map.of());
        assertThat(again.roundId()).isEqualTo(roundId);
        assertThat(again.matched()).isEqualTo(3);
    }

    @Test
    void aSolveThatLostItsHubsLockSavesNothingOverTheRoundAnotherInstanceRecovered() throws Exception {
        RoundHub hub = bench.hub();
        RoundSolver.Running running =
                (RoundSolver.Running) bench.solver().start(hub.id(), null, RoundSolver.Options.weekly(120, Map.of()));
        Thread.sleep(1500); // into the search

        // the lock's connection is cut (PostgreSQL restarted, a network blip): the solve goes on, lockless
        db.dsl()
                .select(org.jooq.impl.DSL.field("pg_terminate_backend(pid)"))
                .from("pg_locks")
                .where(
                        "locktype = 'advisory' and classid = {0}::oid and objid = {1}::oid"
                                + " and database = (select oid from pg_database where datname = current_database())",
                        RoundLock.NAMESPACE, Math.toIntExact(hub.id()))
                .fetch();
        awaitTrue("the hub's lock is free", () -> !RoundLock.isHeld(db.dsl(), hub.id()));
        try (Database other = Database.open(db.settings())) {
            RoundSolver another = new RoundSolver(other, RoundHub.CLOCK);
            assertThat(another.recoverAbandoned()).isPositive();
            another.close();
        }

        // it sees the round is no longer its own, stops, and cannot save its plan
        assertThatThrownBy(() -> running.outcome().get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        Round round = round(hub, running.roundId());
        assertThat(round.status()).isEqualTo(RoundStatus.DRAFT);
        assertThat(round.error()).contains("interrupted");
        assertThat(db.dsl().fetchCount(BOOKING, BOOKING.ROUND_ID.eq(running.roundId())))
                .isZero();
    }

    private static Round round(RoundHub hub, long roundId) {
        return new RoundRepository(db.dsl()).find(hub.id(), roundId).orElseThrow();
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }
}

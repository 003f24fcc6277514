package uk.encounters.marketplace.round;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.jooq.DSLContext;
import org.optaplanner.core.config.solver.EnvironmentMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.calendar.Horizon;
import uk.encounters.marketplace.calendar.HubCalendarSettings;
import uk.encounters.marketplace.calendar.SchoolCalendar;
import uk.encounters.matcher.Matcher;
import uk.encounters.matcher.PlanSummary;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.solver.MatchingWeights;
import uk.encounters.matcher.solver.SolverSettings;

/**
 * Runs a hub's matching round in the background: takes the hub's advisory lock (one solve per
 * hub across all instances), builds the problem from the database, solves it with an OptaPlanner
 * Solver on a thread of its own, writes the best plan's figures to the round as it improves (any
 * instance can show them) and stops early when anyone asks, then saves the proposal in one
 * transaction. Not SolverManager: in 9.44 its listener support can keep a permit it never gives
 * back, and the job then never ends (seen here on a loaded machine; fixed upstream only in
 * Timefold, pull request 2167).
 */
public final class RoundSolver implements AutoCloseable {

    /** A weekly round plans the next six school weeks. */
    public static final int HORIZON_WEEKS = 6;

    /** What a weekly round run on {@code today} plans: six of the hub's school weeks from the Monday after. */
    public static Horizon nextHorizon(SchoolCalendar calendar, LocalDate today) {
        return Horizon.schoolWeeks(calendar, today.plusDays(1), HORIZON_WEEKS);
    }

    public static final int DEFAULT_SECONDS = 30;
    public static final int MAX_SECONDS = 600;
    /** How often each instance looks for rounds left solving by an instance that died ({@link #recoverAbandoned}). */
    public static final Duration RECOVERY_INTERVAL = Duration.ofSeconds(10);

    private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(500);
    /** How long close() waits for stopped solves to save their plans. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(RoundSolver.class);

    private final Database database;
    private final Clock clock;
    private final SolveListener listener;
    private final ExecutorService jobs = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().name("matching-round-", 1).daemon(true).factory());
    private final Map<Long, Matcher.Run> solving = new ConcurrentHashMap<>();
    private final int maxConcurrent;
    private final Semaphore slots;
    /** Set by close(): a solve still loading its problem then stops as soon as it starts. */
    private volatile boolean closing;

    /**
     * @param onlyRequests for a re-match, the reopened requests to plan; null plans every open request
     */
    public record Options(int timeLimitSeconds, Map<String, Long> weights, String kind, Set<Long> onlyRequests) {

        public Options {
            if (timeLimitSeconds < 1 || timeLimitSeconds > MAX_SECONDS) {
                throw new IllegalArgumentException("The time limit must be 1 to " + MAX_SECONDS + " seconds");
            }
            weights = Map.copyOf(weights);
            new MatchingWeights(weights); // refuses unknown rules and negative weights now, not in the job
        }

        public static Options weekly(int seconds, Map<String, Long> weights) {
            return new Options(seconds, weights, "weekly", null);
        }
    }

    /** What a finished solve proposed. */
    public record Outcome(
            long roundId,
            String score,
            int sessions,
            int matched,
            long pupilPlaces,
            long employersAsked,
            boolean stoppedEarly) {}

    /** A solve under way on this instance, or the reason none started. */
    public sealed interface Start {}

    public record Running(long roundId, CompletableFuture<Outcome> outcome) implements Start {}

    /** Another solve of the hub holds the lock, on this instance or another. */
    public record Busy() implements Start {}

    /** This instance runs as many solves as it may at once; another instance, or a later try, can take it. */
    public record Full(int maxConcurrent) implements Start {}

    /**
     * A solve that ended on this instance, proposed or failed, timed from taking up the job to
     * saving the proposal (building the problem and saving included, as a coordinator waits for it).
     * The figures are the proposal's; a failed solve has none (zero).
     */
    public record SolveRun(
            long hubId,
            long roundId,
            String kind,
            Duration took,
            boolean failed,
            long hardScore,
            long softScore,
            int sessions,
            int matched,
            long pupilPlaces,
            boolean stoppedEarly) {

        static SolveRun proposed(long hubId, String kind, Duration took, MatchingProblem plan, Outcome outcome) {
            return new SolveRun(
                    hubId,
                    outcome.roundId(),
                    kind,
                    took,
                    false,
                    plan.score() == null ? 0 : plan.score().hardScore(),
                    plan.score() == null ? 0 : plan.score().softScore(),
                    outcome.sessions(),
                    outcome.matched(),
                    outcome.pupilPlaces(),
                    outcome.stoppedEarly());
        }

        static SolveRun failed(long hubId, long roundId, String kind, Duration took) {
            return new SolveRun(hubId, roundId, kind, took, true, 0, 0, 0, 0, 0, false);
        }
    }

    /**
     * Told of each solve when it ends, on the solve's thread: how the app counts solves in its
     * metrics without this module knowing any metrics library. A listener that throws is logged
     * and does not affect the round.
     */
    @FunctionalInterface
    public interface SolveListener {
        SolveListener NONE = run -> {};

        void solveEnded(SolveRun run);
    }

    /** Without a cap on solves at once: for a process that runs one, such as {@code encounters match}. */
    public RoundSolver(Database database, Clock clock) {
        this(database, clock, SolveListener.NONE);
    }

    public RoundSolver(Database database, Clock clock, SolveListener listener) {
        this(database, clock, listener, Integer.MAX_VALUE);
    }

    /**
     * @param maxConcurrent solves this instance runs at once: each takes about a core and holds a
     *                      connection of the pool (its hub's lock) while it runs
     */
    public RoundSolver(Database database, Clock clock, SolveListener listener, int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("An instance must be able to run at least one solve");
        }
        this.database = database;
        this.clock = clock;
        this.listener = listener;
        this.maxConcurrent = maxConcurrent;
        this.slots = new Semaphore(maxConcurrent);
    }

    public Start start(long hubId, Long userId, Options options) {
        if (!slots.tryAcquire()) {
            return new Full(maxConcurrent);
        }
        Optional<RoundLock> lock;
        try {
            lock = RoundLock.tryAcquire(database, hubId);
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        if (lock.isEmpty()) {
            slots.release();
            return new Busy();
        }
        RoundLock held = lock.get();
        try {
            LocalDate today = LocalDate.now(clock);
            SchoolCalendar calendar = new HubCalendarSettings(held.dsl()).calendarOf(hubId);
            Horizon fresh = nextHorizon(calendar, today);
            Round round = open(held.dsl(), hubId, fresh, userId, options);
            long roundId = round.id();
            Horizon horizon = Horizon.between(calendar, round.horizonStart(), round.horizonEnd());
            // the solve's log lines carry the request id of whoever started it
            Map<String, String> logContext = MDC.getCopyOfContextMap();
            CompletableFuture<Outcome> outcome = CompletableFuture.supplyAsync(
                    () -> {
                        long began = System.nanoTime();
                        if (logContext != null) {
                            MDC.setContextMap(logContext);
                        }
                        try (held) {
                            return solve(held, hubId, roundId, horizon, today, options, began);
                        } catch (RuntimeException e) {
                            log.error("Matching round {} of hub {} failed", roundId, hubId, e);
                            tell(SolveRun.failed(
                                    hubId, roundId, options.kind(), Duration.ofNanos(System.nanoTime() - began)));
                            throw e;
                        } finally {
                            slots.release();
                            MDC.clear();
                        }
                    },
                    jobs);
            return new Running(roundId, outcome);
        } catch (RuntimeException e) {
            held.close();
            slots.release();
            throw e;
        }
    }

    /**
     * Marks as interrupted the rounds left solving by an instance that died (still "solving", their
     * hub's lock free), so their coordinators can run them again; their earlier proposals stand.
     * Every instance calls it now and then. Answers how many it recovered.
     */
    public int recoverAbandoned() {
        int recovered = 0;
        for (long hubId : new RoundRepository(database.dsl()).hubsSolving()) {
            Optional<RoundLock> lock =
                    RoundLock.isHeld(database.dsl(), hubId) ? Optional.empty() : RoundLock.tryAcquire(database, hubId);
            if (lock.isPresent()) {
                try (RoundLock held = lock.get()) {
                    int rounds =
                            held.dsl().transactionResult(c -> new RoundRepository(c.dsl()).recoverAbandoned(hubId));
                    if (rounds > 0) {
                        log.warn(
                                "Hub {}: {} matching round(s) left solving by an instance that stopped, marked interrupted",
                                hubId,
                                rounds);
                    }
                    recovered += rounds;
                }
            }
        }
        return recovered;
    }

    /** Stops a solve this instance runs at once; others see the request in the database within a second. */
    public boolean stop(long hubId, long roundId) {
        boolean requested = new RoundRepository(database.dsl()).requestStop(hubId, roundId);
        Matcher.Run running = solving.get(roundId);
        if (running != null) {
            running.stop();
        }
        return requested;
    }

    private Outcome solve(
            RoundLock held, long hubId, long roundId, Horizon horizon, LocalDate today, Options options, long began) {
        try {
            return solveAndPropose(held, hubId, roundId, horizon, today, options, began);
        } catch (RuntimeException e) {
            try {
                new RoundRepository(held.dsl()).failSolving(roundId, "The solve failed: " + e.getMessage());
            } catch (RuntimeException lockLost) {
                // the lock's connection went: recoverAbandoned, on whichever instance, puts the round right
                log.warn("Could not mark matching round {} as failed: {}", roundId, lockLost.toString());
            }
            throw e;
        }
    }

    private Outcome solveAndPropose(
            RoundLock held, long hubId, long roundId, Horizon horizon, LocalDate today, Options options, long began) {
        RoundRepository rounds = new RoundRepository(database.dsl());
        MatchingProblem problem = new RoundProblem(database.dsl())
                .load(
                        new RoundProblem.Scope(hubId, roundId, horizon, today, options.onlyRequests()),
                        new MatchingWeights(options.weights()));
        MatchingProblem plan = problem;
        boolean stoppedEarly = false;
        if (problem.sessions().stream().anyMatch(s -> !s.pinned())) {
            SolverSettings settings = SolverSettings.forSeconds(options.timeLimitSeconds())
                    .withEnvironmentMode(EnvironmentMode.NON_REPRODUCIBLE);
            // each new best is a fresh planning clone, never changed after: safe to read on the watcher thread
            AtomicReference<MatchingProblem> best = new AtomicReference<>();
            Matcher.Run solver = new Matcher(settings).prepare().onNewBestPlan(best::set);
            solving.put(roundId, solver);
            Thread watcher = Thread.ofPlatform()
                    .name("matching-round-progress-" + roundId)
                    .daemon(true)
                    .start(() -> watch(rounds, roundId, solver, best, () -> closing));
            try {
                plan = solver.solve(problem);
                stoppedEarly = solver.stoppedEarly();
            } finally {
                solving.remove(roundId);
                watcher.interrupt();
            }
        }
        Outcome outcome = propose(held.dsl(), roundId, plan, stoppedEarly);
        tell(SolveRun.proposed(hubId, options.kind(), Duration.ofNanos(System.nanoTime() - began), plan, outcome));
        return outcome;
    }

    private void tell(SolveRun run) {
        try {
            listener.solveEnded(run);
        } catch (RuntimeException e) {
            log.warn("The solve listener failed on matching round {}: {}", run.roundId(), e.toString());
        }
    }

    /**
     * The hub's round, marked as solving from now with these options: its open round, or a new
     * one for {@code fresh} if there is none or the open one plans days that have gone. Call with
     * the hub's lock held, through its connection; rounds an instance left solving when it died
     * are recovered first.
     */
    static Round open(DSLContext locked, long hubId, Horizon fresh, Long userId, Options options) {
        return locked.transactionResult(c -> {
            RoundRepository rounds = new RoundRepository(c.dsl());
            rounds.recoverAbandoned(hubId);
            Optional<Round> open = rounds.findOpen(hubId);
            // last week's unpublished proposal plans days that have gone: start again
            if (open.isPresent() && open.get().horizonStart().isBefore(fresh.start())) {
                rounds.discard(hubId, open.get().id());
                open = Optional.empty();
            }
            long id = open.isPresent() ? open.get().id() : rounds.create(hubId, fresh, options.kind(), userId);
            rounds.startSolving(id, userId, options.timeLimitSeconds(), options.weights());
            return rounds.find(hubId, id).orElseThrow();
        });
    }

    /**
     * Saves the plan as the round's proposal, with its final figures, in one transaction through
     * the hub's lock's connection ({@link RoundLock#dsl()}).
     */
    static Outcome propose(DSLContext locked, long roundId, MatchingProblem plan, boolean stoppedEarly) {
        PlanSummary summary = locked.transactionResult(c -> {
            Proposal.save(c.dsl(), roundId, plan);
            RoundRepository tx = new RoundRepository(c.dsl());
            PlanSummary figures = recordProgress(tx, roundId, plan);
            tx.finishSolving(roundId);
            return figures;
        });
        return new Outcome(
                roundId,
                String.valueOf(plan.score()),
                summary.sessions(),
                summary.matched(),
                summary.pupilPlaces(),
                summary.employersAsked(),
                stoppedEarly);
    }

    /** Writes the best plan's figures as they improve, and stops the solve when anyone asks, until it ends. */
    private static void watch(
            RoundRepository rounds,
            long roundId,
            Matcher.Run solver,
            AtomicReference<MatchingProblem> best,
            BooleanSupplier closing) {
        MatchingProblem written = null;
        boolean failing = false;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(PROGRESS_INTERVAL);
                // a database blip costs a few progress updates, not the stop button for the rest of the solve
                try {
                    MatchingProblem latest = best.get();
                    if (latest != null && latest != written) {
                        recordProgress(rounds, roundId, latest);
                        written = latest;
                    }
                    if (closing.getAsBoolean() || rounds.solveShouldEnd(roundId)) {
                        solver.stop();
                    }
                    failing = false;
                } catch (RuntimeException e) {
                    if (!failing) {
                        log.warn("Could not record the progress of matching round {}: {}", roundId, e.toString());
                    }
                    failing = true;
                }
            }
        } catch (InterruptedException e) {
            // the solve ended: its final figures are written with the proposal
        }
    }

    private static PlanSummary recordProgress(RoundRepository rounds, long roundId, MatchingProblem plan) {
        PlanSummary summary = PlanSummary.of(plan);
        rounds.progress(
                roundId,
                plan.score() == null ? null : plan.score().toString(),
                summary.sessions(),
                summary.matched(),
                summary.pupilPlaces());
        return summary;
    }

    @Override
    /**
     * Stops the solves running here and waits a little for each to save its best plan so far, so
     * an instance stopped in a rolling deploy leaves proposals, not rounds to run again.
     */
    public void close() {
        closing = true;
        solving.values().forEach(Matcher.Run::stop);
        jobs.shutdown();
        try {
            if (!jobs.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Matching rounds still saving after {}; they are left to recoverAbandoned", CLOSE_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package uk.encounters.web.hub;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.encounters.marketplace.hub.HubRepository.Hub;
import uk.encounters.marketplace.round.Round;
import uk.encounters.marketplace.round.RoundRepository;
import uk.encounters.marketplace.round.RoundSolver;
import uk.encounters.marketplace.round.RoundStatus;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.PathId;

/**
 * Running the hub's round: matching (the weekly round, or a quick re-match of the sessions
 * employers declined), its progress while it solves, stopping it, and setting aside what it
 * proposed (publishing it is {@link RoundPublishing}). Mounted by {@link RoundRoutes}.
 */
public final class RoundRunning {

    /** A re-match plans a handful of sessions: a few seconds find the best. */
    static final int REMATCH_SECONDS = 10;

    /** The figures the round page polls while the round solves. */
    public record Progress(
            RoundStatus status,
            boolean solving,
            String score,
            Integer sessionsMatched,
            Integer sessionsTotal,
            Integer pupilsCovered,
            long elapsedSeconds,
            int timeLimitSeconds,
            boolean stopRequested,
            String error) {

        static Progress of(Round round) {
            return new Progress(
                    round.status(),
                    round.solving(),
                    round.score(),
                    round.sessionsMatched(),
                    round.sessionsTotal(),
                    round.pupilsCovered(),
                    round.elapsed().toSeconds(),
                    round.timeLimitSeconds(),
                    round.stopRequested(),
                    round.error());
        }

        /** As the page's script reads it (static/round-progress.js). */
        JsonObject json() {
            return new JsonObject()
                    .put("status", status.getLiteral())
                    .put("solving", solving)
                    .put("score", score)
                    .put("sessionsMatched", sessionsMatched)
                    .put("sessionsTotal", sessionsTotal)
                    .put("pupilsCovered", pupilsCovered)
                    .put("elapsedSeconds", elapsedSeconds)
                    .put("timeLimitSeconds", timeLimitSeconds)
                    .put("stopRequested", stopRequested)
                    .put("error", error);
        }
    }

    private final RoundRepository rounds;
    private final RoundSolver solver;
    private final RoundPageReader pages;
    private final Blocking blocking;
    private final Clock clock;
    private final PathEntity<Hub> hub;
    private final PathEntity<Round> round;

    public RoundRunning(
            RoundRepository rounds,
            RoundSolver solver,
            RoundPageReader pages,
            Blocking blocking,
            Clock clock,
            PathEntity<Hub> hub,
            PathEntity<Round> round) {
        this.rounds = rounds;
        this.solver = solver;
        this.pages = pages;
        this.blocking = blocking;
        this.clock = clock;
        this.hub = hub;
        this.round = round;
    }

    public void processRun(RoutingContext ctx) {
        Hub running = hub.of(ctx);
        Form form = Form.of(ctx);
        Optional<RoundSolver.Options> options = RunForm.read(form);
        if (options.isEmpty()) {
            pages.show(ctx, 422, running, blocking.call(() -> rounds.findOpen(running.id())), form);
            return;
        }
        start(ctx, running.id(), options.get());
    }

    /** A quick solve of the sessions employers declined, with everything else as published. */
    public void processRematch(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        LocalDate today = LocalDate.now(clock);
        if (blocking.call(() -> rounds.findOpen(hubId)).isPresent()) {
            Flash.set(ctx, "A round is open: declined sessions are planned with it. Run matching there.");
            ctx.redirect(RoundRoutes.roundPath(hubId));
            return;
        }
        Set<Long> reopened = blocking.call(() -> rounds.reopenedByDeclines(hubId, today));
        if (reopened.isEmpty()) {
            Flash.set(ctx, "No declined sessions are waiting to be re-matched.");
            ctx.redirect(RoundRoutes.roundPath(hubId));
            return;
        }
        start(ctx, hubId, new RoundSolver.Options(REMATCH_SECONDS, Map.of(), "rematch", reopened));
    }

    private void start(RoutingContext ctx, long hubId, RoundSolver.Options options) {
        Long userId = CurrentUser.of(ctx).id();
        RoundSolver.Start start = blocking.call(() -> solver.start(hubId, userId, options));
        switch (start) {
            case RoundSolver.Running running -> ctx.redirect(RoundRoutes.roundPath(hubId, running.roundId()));
            case RoundSolver.Busy busy -> {
                Flash.set(
                        ctx,
                        "This hub's round is being matched already, here or by another coordinator. "
                                + "Wait for it to finish, or stop it.");
                ctx.redirect(RoundRoutes.roundPath(hubId));
            }
            case RoundSolver.Full full -> {
                Flash.set(
                        ctx,
                        "The app is matching as many rounds as it can at once. Nothing has started: "
                                + "run matching again in a minute.");
                ctx.redirect(RoundRoutes.roundPath(hubId));
            }
        }
    }

    /** The figures the page polls while the round solves. */
    public void showProgress(RoutingContext ctx) {
        ctx.response()
                .putHeader("content-type", "application/json; charset=utf-8")
                .putHeader("cache-control", "no-store")
                .end(Progress.of(round.of(ctx)).json().encode());
    }

    public void processStop(RoutingContext ctx) {
        Round stopped = round.of(ctx);
        boolean stopping = blocking.call(() -> solver.stop(stopped.hubId(), stopped.id()));
        Flash.set(ctx, stopping ? "Stopping: the best plan found so far is kept." : "The round is not being matched.");
        ctx.redirect(RoundRoutes.roundPath(stopped.hubId(), stopped.id()));
    }

    public void processDiscard(RoutingContext ctx) {
        Round discarding = round.of(ctx);
        boolean discarded = blocking.call(() -> rounds.discard(discarding.hubId(), discarding.id()));
        Flash.set(
                ctx,
                discarded
                        ? "Round set aside: nothing was sent, and its requests stay open for the next round."
                        : RoundRoutes.notEditable(discarding));
        ctx.redirect(RoundRoutes.roundPath(discarding.hubId()));
    }
}

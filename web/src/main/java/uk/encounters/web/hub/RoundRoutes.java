package uk.encounters.web.hub;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import uk.encounters.marketplace.hub.HubRepository.Hub;
import uk.encounters.marketplace.round.Round;
import uk.encounters.marketplace.round.RoundRepository;
import uk.encounters.marketplace.round.RoundReview;
import uk.encounters.marketplace.round.RoundStatus;
import uk.encounters.web.Blocking;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.Routes;

/**
 * The coordinator's weekly matching round: what there is to match in the horizon, running the
 * matcher (with its progress live on the page), reviewing and editing the proposal, publishing
 * it or setting it aside, and re-matching what employers declined.
 *
 * <p>This is the round's route table and its page; running the round is {@link RoundRunning},
 * publishing it {@link RoundPublishing}, the coordinator's hand edits to a proposal
 * {@link RoundHandEdits}, and the page's contents {@link RoundPageReader}.
 */
public final class RoundRoutes {

    private final RoundRepository rounds;
    private final RoundRunning running;
    private final RoundPublishing publishing;
    private final RoundHandEdits edits;
    private final RoundPageReader pages;
    private final Blocking blocking;
    private final PathEntity<Hub> hub;
    private final PathEntity<Round> round;
    private final PathEntity<RoundReview.Request> request;

    public RoundRoutes(
            RoundRepository rounds,
            RoundRunning running,
            RoundPublishing publishing,
            RoundHandEdits edits,
            RoundPageReader pages,
            Blocking blocking,
            PathEntity<Hub> hub,
            PathEntity<Round> round,
            PathEntity<RoundReview.Request> request) {
        this.rounds = rounds;
        this.running = running;
        this.publishing = publishing;
        this.edits = edits;
        this.pages = pages;
        this.blocking = blocking;
        this.hub = hub;
        this.round = round;
        this.request = request;
    }

    /** Its routes (under /hubs/:hubId). */
    public void mount(Routes routes) {
        Routes hub = routes.hub();
        hub.loading(this.hub).get("/round", this::showRound);
        hub.loading(this.hub).post("/rounds", running::processRun);
        hub.post("/rematch", running::processRematch);
        // a round of another hub is not found
        Routes round = hub.under("/rounds/:roundId").loading(this.round);
        round.loading(this.hub).get("", this::showRoundById);
        round.get("/progress", running::showProgress);
        round.post("/stop", running::processStop);
        round.post("/bookings", edits::processBookingChange);
        Routes request = round.under("/requests/:requestId").loading(this.request);
        request.get("/suggestions", edits::showSuggestions);
        request.post("/assign", edits::processAssign);
        round.loading(this.hub).get("/publish", publishing::showPublish);
        round.loading(this.hub).post("/publish", publishing::processPublish);
        round.post("/discard", running::processDiscard);
    }

    /** The hub's current round: its open one if any, else what the next one would plan. */
    public void showRound(RoutingContext ctx) {
        Hub shown = hub.of(ctx);
        Optional<Round> open = blocking.call(() -> rounds.findOpen(shown.id()));
        pages.show(ctx, 200, shown, open, RunForm.showing(open));
    }

    /** Any round of the hub, published ones included. */
    public void showRoundById(RoutingContext ctx) {
        Optional<Round> shown = Optional.of(round.of(ctx));
        pages.show(ctx, 200, hub.of(ctx), shown, RunForm.showing(shown));
    }

    /** The hub's round page: its open round, or the next one's plan. */
    static String roundPath(long hubId) {
        return "/hubs/" + hubId + "/round";
    }

    /** The page of one of the hub's rounds. */
    static String roundPath(long hubId, long roundId) {
        return "/hubs/" + hubId + "/rounds/" + roundId;
    }

    /** Why a change to the round was refused, by what the round is now. */
    static String notEditable(Round round) {
        return switch (round.status()) {
            case RoundStatus.SOLVING -> "The round is being matched: wait for it to finish, or stop it.";
            case RoundStatus.PUBLISHED -> "The round is published: it can no longer be changed.";
            case RoundStatus.DISCARDED -> "The round was set aside.";
            default -> "The round has no proposal yet: run matching first.";
        };
    }

    static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}

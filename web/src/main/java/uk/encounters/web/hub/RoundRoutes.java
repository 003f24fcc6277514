package uk.encounters.web.hub;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.calendar.Horizon;
import uk.encounters.marketplace.hub.HubRepository;
import uk.encounters.marketplace.round.HandAssignment;
import uk.encounters.marketplace.round.Publication;
import uk.encounters.marketplace.round.Round;
import uk.encounters.marketplace.round.RoundEdits;
import uk.encounters.marketplace.round.RoundMarket;
import uk.encounters.marketplace.round.RoundReview;
import uk.encounters.marketplace.round.RoundSolver;
import uk.encounters.marketplace.round.Rounds;
import uk.encounters.matcher.domain.Period;
import uk.encounters.matcher.solver.MatchingWeights;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * The coordinator's weekly matching round: what there is to match in the horizon, running the
 * matcher (with its progress live on the page), reviewing and editing the proposal, publishing
 * it or setting it aside, and re-matching what employers declined.
 */
public final class RoundRoutes {

    /** A re-match plans a handful of sessions: a few seconds find the best. */
    static final int REMATCH_SECONDS = 10;

    static final long MAX_WEIGHT = 1_000_000;
    static final int PROGRESS_REFRESH_SECONDS = 3;
    private static final List<String> RULES = List.copyOf(MatchingWeights.DEFAULTS.keySet());

    private final Database database;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;
    private final RoundSolver solver;
    private final Publication publication;
    private final HandAssignment handAssignment;

    public RoundRoutes(
            Database database,
            Blocking blocking,
            Templates templates,
            Clock clock,
            RoundSolver solver,
            Publication publication) {
        this.database = database;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
        this.solver = solver;
        this.publication = publication;
        this.handAssignment = new HandAssignment(database.dsl());
    }

    /** Its routes (under /hubs/:hubId). */
    public void mount(Routes routes) {
        Routes hub = routes.hub();
        hub.get("/round", this::showRound);
        hub.post("/rounds", this::processRun);
        hub.post("/rematch", this::processRematch);
        hub.get("/rounds/:roundId", this::showRoundById);
        hub.get("/rounds/:roundId/progress", this::showProgress);
        hub.post("/rounds/:roundId/stop", this::processStop);
        hub.post("/rounds/:roundId/bookings", this::processBookingChange);
        hub.get("/rounds/:roundId/requests/:requestId/suggestions", this::showSuggestions);
        hub.post("/rounds/:roundId/requests/:requestId/assign", this::processAssign);
        hub.post("/rounds/:roundId/publish", this::processPublish);
        hub.post("/rounds/:roundId/discard", this::processDiscard);
    }

    /** The hub's current round: its open one if any, else what the next one would plan. */
    public void showRound(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        Optional<Round> open = blocking.call(() -> new Rounds(database.dsl()).findOpen(hubId));
        render(ctx, 200, hubId, open, runForm(open));
    }

    /** Any round of the hub, published ones included. */
    public void showRoundById(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        Optional<Round> round = round(ctx, hubId);
        if (round.isEmpty()) {
            ctx.fail(404);
            return;
        }
        render(ctx, 200, hubId, round, runForm(round));
    }

    public void processRun(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        Form form = Form.of(ctx);
        int seconds = form.integer("seconds", "Time limit", 1, RoundSolver.MAX_SECONDS);
        Map<String, Long> weights = new LinkedHashMap<>();
        for (int i = 0; i < RULES.size(); i++) {
            weights.put(RULES.get(i), (long) form.integer("weight" + i, RULES.get(i), 0, (int) MAX_WEIGHT));
        }
        if (form.hasErrors()) {
            render(ctx, 422, hubId, blocking.call(() -> new Rounds(database.dsl()).findOpen(hubId)), form);
            return;
        }
        // only the weights that differ from the defaults are kept, so later default changes reach the round
        weights.entrySet().removeIf(w -> w.getValue().equals(MatchingWeights.DEFAULTS.get(w.getKey())));
        start(ctx, hubId, RoundSolver.Options.weekly(seconds, weights));
    }

    /** A quick solve of the sessions employers declined, with everything else as published. */
    public void processRematch(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        LocalDate today = LocalDate.now(clock);
        Rounds rounds = new Rounds(database.dsl());
        if (blocking.call(() -> rounds.findOpen(hubId)).isPresent()) {
            Flash.set(ctx, "A round is open: declined sessions are planned with it. Run matching there.");
            ctx.redirect(roundPath(hubId));
            return;
        }
        Set<Long> reopened = blocking.call(() -> rounds.reopenedByDeclines(hubId, today));
        if (reopened.isEmpty()) {
            Flash.set(ctx, "No declined sessions are waiting to be re-matched.");
            ctx.redirect(roundPath(hubId));
            return;
        }
        start(ctx, hubId, new RoundSolver.Options(REMATCH_SECONDS, Map.of(), "rematch", reopened));
    }

    private void start(RoutingContext ctx, long hubId, RoundSolver.Options options) {
        Long userId = CurrentUser.of(ctx).id();
        RoundSolver.Start start = blocking.call(() -> solver.start(hubId, userId, options));
        switch (start) {
            case RoundSolver.Running running -> ctx.redirect(roundPath(hubId) + "s/" + running.roundId());
            case RoundSolver.Busy busy -> {
                Flash.set(
                        ctx,
                        "This hub's round is being matched already, here or by another coordinator. "
                                + "Wait for it to finish, or stop it.");
                ctx.redirect(roundPath(hubId));
            }
            case RoundSolver.Full full -> {
                Flash.set(
                        ctx,
                        "The app is matching as many rounds as it can at once. Nothing has started: "
                                + "run matching again in a minute.");
                ctx.redirect(roundPath(hubId));
            }
        }
    }

    /** The figures the page polls while the round solves. */
    public void showProgress(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        Optional<Round> found = round(ctx, hubId);
        if (found.isEmpty()) {
            ctx.fail(404);
            return;
        }
        Round round = found.get();
        JsonObject progress = new JsonObject()
                .put("status", round.status())
                .put("solving", round.solving())
                .put("score", round.score())
                .put("sessionsMatched", round.sessionsMatched())
                .put("sessionsTotal", round.sessionsTotal())
                .put("pupilsCovered", round.pupilsCovered())
                .put("elapsedSeconds", round.elapsed().toSeconds())
                .put("timeLimitSeconds", round.timeLimitSeconds())
                .put("stopRequested", round.stopRequested())
                .put("error", round.error());
        ctx.response()
                .putHeader("content-type", "application/json; charset=utf-8")
                .putHeader("cache-control", "no-store")
                .end(progress.encode());
    }

    public void processStop(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        withRound(ctx, hubId, round -> {
            boolean stopping = blocking.call(() -> solver.stop(hubId, round.id()));
            Flash.set(
                    ctx,
                    stopping ? "Stopping: the best plan found so far is kept." : "The round is not being matched.");
        });
    }

    /**
     * A button beside one of the proposal's bookings. The form around a school's bookings sends
     * the one clicked, named for what it does with the booking's id as its value: one form a
     * school rather than one a booking, as a round of 300 bookings is a large page.
     */
    public void processBookingChange(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        MultiMap fields = ctx.request().formAttributes();
        List<BookingButton> clicked = Arrays.stream(BookingButton.values())
                .filter(b -> fields.contains(b.field()))
                .toList();
        Optional<Long> bookingId =
                clicked.size() == 1 ? PathId.parse(fields.get(clicked.getFirst().field())) : Optional.empty();
        withRound(
                ctx,
                hubId,
                round -> Flash.set(
                        ctx,
                        clicked.size() != 1
                                ? "Choose Pin, Unpin or Remove beside a booking."
                                : bookingId.isEmpty()
                                        ? "There is no such booking in this round."
                                        : change(clicked.getFirst(), hubId, round, bookingId.get())));
    }

    /** Makes the change, and says what became of it. */
    private String change(BookingButton button, long hubId, Round round, long bookingId) {
        return switch (blocking.call(
                () -> button.apply(new RoundEdits(database.dsl()), hubId, round.id(), bookingId))) {
            case DONE -> button.done;
            case NOT_FOUND, NOT_AVAILABLE -> "That booking is not in this round's proposal.";
            case NOT_EDITABLE -> notEditable(round);
        };
    }

    private enum BookingButton {
        PIN("Pinned: re-solving keeps this booking."),
        UNPIN("Unpinned: re-solving may change this booking."),
        REMOVE("Removed, and that offer is ruled out for that request in this round. Its session is listed as "
                + "unmatched: choose from the suggestions, or run matching again.");

        private final String done;

        BookingButton(String done) {
            this.done = done;
        }

        String field() {
            return name().toLowerCase(Locale.ROOT);
        }

        RoundEdits.Edit apply(RoundEdits edits, long hubId, long roundId, long bookingId) {
            return this == REMOVE
                    ? edits.remove(hubId, roundId, bookingId)
                    : edits.pin(hubId, roundId, bookingId, this == PIN);
        }
    }

    /** The matcher's best slots for one unmatched session of a request. */
    public void showSuggestions(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        Optional<Round> round = round(ctx, hubId);
        Optional<Long> requestId = PathId.of(ctx, "requestId");
        if (round.isEmpty() || requestId.isEmpty()) {
            ctx.fail(404);
            return;
        }
        LocalDate today = LocalDate.now(clock);
        var request = blocking.call(() -> new RoundReview(database.dsl()).request(hubId, requestId.get()));
        if (request.isEmpty()) {
            ctx.fail(404);
            return;
        }
        Optional<List<HandAssignment.Suggestion>> suggestions =
                blocking.call(() -> handAssignment.suggestions(round.get(), requestId.get(), today));
        Map<String, Object> model = new HashMap<>();
        model.put("hubId", hubId);
        model.put("round", round.get());
        model.put("editable", Round.PROPOSED.equals(round.get().status()));
        model.put("request", request.get());
        model.put("allMatched", suggestions.isEmpty());
        model.put("suggestions", suggestions.orElse(List.of()));
        templates.render(ctx, "hub/suggestions", "Place a session by hand", model);
    }

    public void processAssign(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        Optional<Long> requestId = PathId.of(ctx, "requestId");
        Form form = Form.of(ctx);
        String offer = form.text("offer", "Offer", 18);
        LocalDate date = form.date("date", "Date");
        String period = form.choice("period", "Period", List.of("morning", "afternoon", "all_day"));
        withRound(ctx, hubId, round -> {
            if (requestId.isEmpty() || form.hasErrors() || !offer.matches("\\d{1,18}")) {
                Flash.set(ctx, "Choose one of the suggestions.");
                return;
            }
            RoundEdits.Edit edit = blocking.call(() -> handAssignment.assign(
                    hubId,
                    round.id(),
                    requestId.get(),
                    Long.parseLong(offer),
                    date,
                    Period.fromCode(period),
                    LocalDate.now(clock)));
            Flash.set(
                    ctx,
                    switch (edit) {
                        case DONE -> "Booked by hand and pinned: re-solving keeps it.";
                        case NOT_AVAILABLE ->
                            "That slot no longer fits the plan (something else took it). Choose again.";
                        case NOT_EDITABLE -> notEditable(round);
                        case NOT_FOUND -> "All of that request's sessions are matched already.";
                    });
        });
    }

    public void processPublish(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        withRound(ctx, hubId, round -> {
            Publication.Published published =
                    blocking.call(() -> publication.publish(database.dsl(), hubId, round.id()));
            Flash.set(
                    ctx,
                    switch (published.result()) {
                        case PUBLISHED ->
                            "Published " + count(published.bookings(), "booking") + ": "
                                    + count(published.employerDigests(), "employer digest") + " and "
                                    + count(published.schoolDigests(), "school digest") + " queued"
                                    + (published.undeliverable() > 0
                                            ? " (" + published.undeliverable()
                                                    + " with nobody to send to: add their contacts)"
                                            : "")
                                    + ".";
                        case ALREADY_PUBLISHED -> "This round was published already; nothing was sent twice.";
                        case NOT_READY -> notEditable(round);
                    });
        });
    }

    public void processDiscard(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        Optional<Round> round = round(ctx, hubId);
        if (round.isEmpty()) {
            ctx.fail(404);
            return;
        }
        boolean discarded = blocking.call(
                () -> new Rounds(database.dsl()).discard(hubId, round.get().id()));
        Flash.set(
                ctx,
                discarded
                        ? "Round set aside: nothing was sent, and its requests stay open for the next round."
                        : notEditable(round.get()));
        ctx.redirect(roundPath(hubId));
    }

    private static String notEditable(Round round) {
        return switch (round.status()) {
            case Round.SOLVING -> "The round is being matched: wait for it to finish, or stop it.";
            case Round.PUBLISHED -> "The round is published: it can no longer be changed.";
            case Round.DISCARDED -> "The round was set aside.";
            default -> "The round has no proposal yet: run matching first.";
        };
    }

    /** Runs an action on the hub's round named in the path, then shows the round again. */
    private void withRound(RoutingContext ctx, long hubId, Consumer<Round> action) {
        Optional<Round> round = round(ctx, hubId);
        if (round.isEmpty()) {
            ctx.fail(404);
            return;
        }
        action.accept(round.get());
        ctx.redirect(roundPath(hubId) + "s/" + round.get().id());
    }

    private Optional<Round> round(RoutingContext ctx, long hubId) {
        return PathId.of(ctx, "roundId").flatMap(id -> blocking.call(() -> new Rounds(database.dsl()).find(hubId, id)));
    }

    private static String roundPath(long hubId) {
        return "/hubs/" + hubId + "/round";
    }

    /** The run form with the round's time limit and weights, else the defaults. */
    private static Form runForm(Optional<Round> round) {
        Map<String, String> values = new HashMap<>();
        values.put(
                "seconds",
                String.valueOf(
                        round.map(Round::timeLimitSeconds).filter(s -> s > 0).orElse(RoundSolver.DEFAULT_SECONDS)));
        Map<String, Long> weights = round.map(Round::weights).orElse(Map.of());
        for (int i = 0; i < RULES.size(); i++) {
            values.put(
                    "weight" + i,
                    String.valueOf(weights.getOrDefault(RULES.get(i), MatchingWeights.DEFAULTS.get(RULES.get(i)))));
        }
        return Form.withValues(values);
    }

    private void render(RoutingContext ctx, int status, long hubId, Optional<Round> round, Form form) {
        LocalDate today = LocalDate.now(clock);
        Rounds rounds = new Rounds(database.dsl());
        Horizon horizon = round.filter(Round::open)
                .map(r -> Horizon.between(r.horizonStart(), r.horizonEnd()))
                .orElse(RoundSolver.nextHorizon(today));
        // The page's parts are independent: each is read at once, on its own connection, so the
        // page takes as long as the slowest rather than the sum.
        var hub = blocking.start(() -> new HubRepository(database.dsl()).findById(hubId));
        var market = blocking.start(() -> RoundMarket.of(database.dsl(), hubId, horizon, today));
        var recent = blocking.start(() -> rounds.recent(hubId, 8));
        // the round shown, when open, is the hub's open round: there is at most one
        Future<Optional<Round>> open = round.filter(Round::open).isPresent()
                ? Future.succeededFuture(round)
                : blocking.start(() -> rounds.findOpen(hubId));
        Map<String, Object> review = round.map(r -> review(r, today)).orElse(Map.of());
        int reopened = open.await().isEmpty()
                ? blocking.call(() -> rounds.reopenedByDeclines(hubId, today)).size()
                : 0;
        Optional<HubRepository.Hub> found = hub.await();
        if (found.isEmpty()) {
            ctx.fail(404);
            return;
        }
        Map<String, Object> model = new HashMap<>(form.model());
        model.put("hub", found.get());
        model.put("horizon", horizon);
        model.put("market", market.await());
        model.put("recent", recent.await());
        model.put("open", open.await().orElse(null));
        model.put("reopened", reopened > 0);
        model.put("reopenedText", count(reopened, "published request"));
        model.put("weeks", horizon.mondays().size());
        model.put("rules", rules(form));
        model.putAll(review);
        String title = round.map(
                        r -> "Matching round " + r.id() + ", " + found.get().name())
                .orElse("Matching round, " + found.get().name());
        templates.render(ctx, status, "hub/round", title, model);
    }

    /** The review of a round that is not solving: its parts read at once, as the page's are. */
    private Map<String, Object> review(Round round, LocalDate today) {
        RoundReview review = new RoundReview(database.dsl());
        Map<String, Object> model = new HashMap<>();
        model.put("round", round);
        model.put("elapsedSeconds", round.elapsed().toSeconds());
        model.put("editable", Round.PROPOSED.equals(round.status()));
        model.put("published", Round.PUBLISHED.equals(round.status()));
        if (round.solving()) {
            model.put("refreshSeconds", PROGRESS_REFRESH_SECONDS); // the page's script does better where it runs
            return model;
        }
        var booked = blocking.start(() -> review.bookings(round.id(), today));
        var asked = blocking.start(() -> review.employerLoad(round, today));
        var unmatched = blocking.start(() -> review.unmatched(round.id()));
        var fairness = blocking.start(() -> review.fairness(round.hubId(), round.id(), today));
        List<RoundReview.Booking> bookings = booked.await();
        List<RoundReview.EmployerAsk> load = asked.await();
        model.put("reviewed", true);
        model.put("bookingCount", bookings.size());
        model.put("employersAsked", load.size());
        model.put("bySchool", group(bookings, RoundReview.Booking::school));
        model.put("byEmployer", group(bookings, RoundReview.Booking::employer));
        model.put("unmatched", unmatched.await());
        model.put("load", load);
        model.put("fairness", fairness.await());
        return model;
    }

    /** Bookings under one heading per school or employer, headings in order of first appearance. */
    private static List<Map<String, Object>> group(
            List<RoundReview.Booking> bookings, Function<RoundReview.Booking, String> by) {
        Map<String, List<RoundReview.Booking>> groups = new TreeMap<>();
        bookings.forEach(
                b -> groups.computeIfAbsent(by.apply(b), k -> new ArrayList<>()).add(b));
        List<Map<String, Object>> list = new ArrayList<>();
        groups.forEach((name, rows) -> list.add(Map.of(
                "name",
                name,
                "bookings",
                rows,
                "sessions",
                count(rows.size(), "booking"),
                "pupils",
                rows.stream().mapToInt(RoundReview.Booking::pupils).sum())));
        return list;
    }

    private static List<Map<String, Object>> rules(Form form) {
        Map<?, ?> values = (Map<?, ?>) form.model().get("values");
        Map<?, ?> errors = (Map<?, ?>) form.model().get("fieldErrors");
        List<Map<String, Object>> rules = new ArrayList<>();
        for (int i = 0; i < RULES.size(); i++) {
            String field = "weight" + i;
            Map<String, Object> rule = new HashMap<>();
            rule.put("field", field);
            rule.put("name", RULES.get(i));
            rule.put("value", values == null ? null : values.get(field));
            rule.put("hint", "Default " + MatchingWeights.DEFAULTS.get(RULES.get(i)));
            rule.put("error", errors == null ? null : errors.get(field));
            rules.add(rule);
        }
        return rules;
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}

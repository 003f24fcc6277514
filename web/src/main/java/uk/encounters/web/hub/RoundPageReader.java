package uk.encounters.web.hub;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import uk.encounters.marketplace.calendar.Horizon;
import uk.encounters.marketplace.calendar.HubCalendarSettings;
import uk.encounters.marketplace.calendar.SchoolCalendar;
import uk.encounters.marketplace.hub.HubRepository.Hub;
import uk.encounters.marketplace.round.PublishCheck;
import uk.encounters.marketplace.round.Round;
import uk.encounters.marketplace.round.RoundMarket;
import uk.encounters.marketplace.round.RoundRepository;
import uk.encounters.marketplace.round.RoundReview;
import uk.encounters.marketplace.round.RoundSolver;
import uk.encounters.marketplace.round.RoundStatus;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.PathId;

/**
 * The round page: the round shown (the hub's open one, or one chosen) with the review of what it
 * proposed, the declined sessions waiting, the run form, demand and supply in the horizon and the
 * recent rounds. Its parts are read at once.
 */
public final class RoundPageReader {

    static final int PROGRESS_REFRESH_SECONDS = 3;

    /** The query parameter naming the school whose bookings the page opens at. */
    static final String OPEN_SCHOOL = "school";

    /**
     * @param open the hub's open round, if any (at most one)
     * @param reopenedRequests published requests reopened by declines, waiting for a re-match (none
     *     while a round is open: they are planned with it)
     * @param reviewed whether the review parts below are there: a round shown that is not solving
     * @param recipients what publishing the proposal would send, and who would hear nothing; null
     *     unless the round shown is a proposal
     */
    public record RoundPage(
            Hub hub,
            Horizon horizon,
            RoundMarket.Overview market,
            List<Round> recent,
            Round open,
            int reopenedRequests,
            List<RunForm.Rule> rules,
            Round round,
            boolean reviewed,
            int bookingCount,
            int employersAsked,
            List<Group> bySchool,
            List<Group> byEmployer,
            List<RoundReview.Unmatched> unmatched,
            List<RoundReview.EventStalls> events,
            List<RoundReview.EmployerAsk> load,
            RoundReview.Fairness fairness,
            PublishCheck.Recipients recipients) {

        public int weeks() {
            return horizon.mondays().size();
        }

        public boolean reopened() {
            return reopenedRequests > 0;
        }

        /** The proposal's sessions left unmatched, which its summary links to. */
        public int unmatchedSessions() {
            return unmatched.stream().mapToInt(RoundReview.Unmatched::sessions).sum();
        }

        /** Who publishing now would leave unaware of their bookings, counted: "18 schools and 3 employers". */
        public String untoldText() {
            return RoundPublishing.untold(
                    recipients.schools().size(), recipients.employers().size());
        }

        public long employersOverCap() {
            return load.stream().filter(RoundReview.EmployerAsk::overCap).count();
        }

        public long employersAtCap() {
            return load.stream().filter(a -> a.atCap() && !a.overCap()).count();
        }

        public String reopenedText() {
            return RoundRoutes.count(reopenedRequests, "published request");
        }

        public boolean editable() {
            return round != null && round.status() == RoundStatus.PROPOSED;
        }

        public boolean published() {
            return round != null && round.status() == RoundStatus.PUBLISHED;
        }

        public Long elapsedSeconds() {
            return round == null ? null : round.elapsed().toSeconds();
        }

        /** For the layout's refresh when scripts are off; the page's script does better where it runs. */
        public Integer refreshSeconds() {
            return round != null && round.solving() ? PROGRESS_REFRESH_SECONDS : null;
        }
    }

    /**
     * A round's bookings under one school or employer.
     *
     * @param id the school's or employer's, for the group's anchor
     * @param open whether the group shows its bookings as the page opens: the school whose booking
     *     the coordinator just changed, so the page comes back where they were
     */
    public record Group(
            long id, String name, List<RoundReview.Booking> bookings, String sessions, int pupils, boolean open) {

        public long pinned() {
            return bookings.stream().filter(RoundReview.Booking::pinned).count();
        }
    }

    /** The review of a proposal: none for a round still solving, or when no round is shown. */
    private record Review(
            int bookingCount,
            int employersAsked,
            List<Group> bySchool,
            List<Group> byEmployer,
            List<RoundReview.Unmatched> unmatched,
            List<RoundReview.EventStalls> events,
            List<RoundReview.EmployerAsk> load,
            RoundReview.Fairness fairness,
            PublishCheck.Recipients recipients) {}

    private final RoundRepository rounds;
    private final RoundMarket market;
    private final RoundReview review;
    private final PublishCheck check;
    private final HubCalendarSettings calendars;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    public RoundPageReader(
            RoundRepository rounds,
            RoundMarket market,
            RoundReview review,
            PublishCheck check,
            HubCalendarSettings calendars,
            Blocking blocking,
            Templates templates,
            Clock clock) {
        this.rounds = rounds;
        this.market = market;
        this.review = review;
        this.check = check;
        this.calendars = calendars;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /** Shows {@code round} (empty: what the hub's next round would plan), with the run form as {@code form} has it. */
    void show(RoutingContext ctx, int status, Hub hub, Optional<Round> round, Form form) {
        String title =
                round.map(r -> "Matching round " + r.id() + ", " + hub.name()).orElse("Matching round, " + hub.name());
        Optional<Long> openSchool =
                ctx.queryParam(OPEN_SCHOOL).stream().findFirst().flatMap(PathId::parse);
        templates.render(ctx, status, "hub/round", title, read(hub, round, form, openSchool), form);
    }

    /** The page of {@code round} with the bookings of the school {@code schoolId} shown, at their anchor. */
    static String atSchool(long hubId, long roundId, Optional<Long> schoolId) {
        return RoundRoutes.roundPath(hubId, roundId)
                + schoolId.map(id -> "?" + OPEN_SCHOOL + "=" + id + "#school-" + id)
                        .orElse("");
    }

    RoundPage read(Hub hub, Optional<Round> round, Form form, Optional<Long> openSchool) {
        LocalDate today = LocalDate.now(clock);
        long hubId = hub.id();
        SchoolCalendar calendar = blocking.call(() -> calendars.calendarOf(hubId));
        Horizon horizon = round.filter(Round::open)
                .map(r -> Horizon.between(calendar, r.horizonStart(), r.horizonEnd()))
                .orElse(RoundSolver.nextHorizon(calendar, today));
        // The page's parts are independent: each is read at once, on its own connection, so the
        // page takes as long as the slowest rather than the sum.
        var overview = blocking.start(() -> market.overview(hubId, horizon, today));
        var recent = blocking.start(() -> rounds.recent(hubId, 8));
        // the round shown, when open, is the hub's open round: there is at most one
        Future<Optional<Round>> open = round.filter(Round::open).isPresent()
                ? Future.succeededFuture(round)
                : blocking.start(() -> rounds.findOpen(hubId));
        Optional<Review> reviewed = round.filter(r -> !r.solving()).map(r -> review(r, today, openSchool));
        int reopened = open.await().isEmpty()
                ? blocking.call(() -> rounds.reopenedByDeclines(hubId, today)).size()
                : 0;
        return new RoundPage(
                hub,
                horizon,
                overview.await(),
                recent.await(),
                open.await().orElse(null),
                reopened,
                RunForm.rules(form),
                round.orElse(null),
                reviewed.isPresent(),
                reviewed.map(Review::bookingCount).orElse(0),
                reviewed.map(Review::employersAsked).orElse(0),
                reviewed.map(Review::bySchool).orElse(List.of()),
                reviewed.map(Review::byEmployer).orElse(List.of()),
                reviewed.map(Review::unmatched).orElse(List.of()),
                reviewed.map(Review::events).orElse(List.of()),
                reviewed.map(Review::load).orElse(List.of()),
                reviewed.map(Review::fairness).orElse(null),
                reviewed.map(Review::recipients).orElse(null));
    }

    /** The review of a round that is not solving: its parts read at once, as the page's are. */
    private Review review(Round round, LocalDate today, Optional<Long> openSchool) {
        var booked = blocking.start(() -> review.bookings(round.id(), today));
        var asked = blocking.start(() -> review.employerLoad(round, today));
        var unmatched = blocking.start(() -> review.unmatched(round.id()));
        var events = blocking.start(() -> review.events(round.id()));
        var fairness = blocking.start(() -> review.fairness(round.hubId(), round.id(), today));
        // only a proposal can still be helped: publishing sends what it can and names the rest
        var recipients = round.status() == RoundStatus.PROPOSED ? blocking.start(() -> check.of(round.id())) : null;
        List<RoundReview.Booking> bookings = booked.await();
        List<RoundReview.EmployerAsk> load = asked.await();
        return new Review(
                bookings.size(),
                load.size(),
                group(bookings, RoundReview.Booking::schoolId, RoundReview.Booking::school, openSchool),
                group(bookings, RoundReview.Booking::employerId, RoundReview.Booking::employer, Optional.empty()),
                unmatched.await(),
                events.await(),
                load,
                fairness.await(),
                recipients == null ? null : recipients.await());
    }

    /** Bookings under one heading per school or employer, headings by name. */
    private static List<Group> group(
            List<RoundReview.Booking> bookings,
            ToLongFunction<RoundReview.Booking> id,
            Function<RoundReview.Booking, String> name,
            Optional<Long> open) {
        Map<String, List<RoundReview.Booking>> groups = new TreeMap<>();
        bookings.forEach(b ->
                groups.computeIfAbsent(name.apply(b), k -> new ArrayList<>()).add(b));
        return groups.entrySet().stream()
                .map(g -> {
                    long groupId = id.applyAsLong(g.getValue().getFirst());
                    return new Group(
                            groupId,
                            g.getKey(),
                            g.getValue(),
                            RoundRoutes.count(g.getValue().size(), "booking"),
                            g.getValue().stream()
                                    .mapToInt(RoundReview.Booking::pupils)
                                    .sum(),
                            open.equals(Optional.of(groupId)));
                })
                .toList();
    }
}

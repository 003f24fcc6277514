package uk.encounters.demo.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import uk.encounters.demo.DemoHub;
import uk.encounters.demo.HubProfile;
import uk.encounters.demo.OffersThroughTheYear;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.round.Publication;
import uk.encounters.marketplace.round.RoundRepository;
import uk.encounters.marketplace.round.RoundSolver;

/**
 * One arm's copy of the hub through the year. Each week, in the order a real week has it:
 * the employers' declines that fell due, the sessions and events whose day came (no-shows and
 * registers), the employers' new offers, the schools' new requests and events, the round (solved or first come, first
 * served) and its publication, the schools choosing pupils for their new bookings and the
 * employers answering them.
 */
final class HubInPlay implements AutoCloseable {

    /**
     * One round's figures as it ran.
     *
     * @param seconds       wall time of the round, from building the problem to the saved proposal
     * @param solvingSeconds the time the round records as solving (start of solve to saved proposal, by the database's clock)
     */
    record RoundRun(
            LocalDate day,
            long roundId,
            int sessions,
            int matched,
            long employersAsked,
            double seconds,
            double solvingSeconds) {}

    private final Arm arm;
    private final Database database;
    private final long hubId;
    private final Broker broker;
    private final Publication publication;
    private final SchoolPostings postings;
    private final EmployerPostings offers;
    private final EmployerReplies replies;
    private final SessionDays sessionDays;
    private final EventDays eventDays;
    private final List<RoundRun> rounds = new ArrayList<>();
    private final Set<Integer> planningUrns;

    /** @param planningUrns the schools that post what the product proposes, in an arm that has the product's requests */
    HubInPlay(
            Arm arm,
            Database database,
            long hubId,
            HubProfile hub,
            Broker broker,
            Publication publication,
            Draws draws,
            Behaviour behaviour,
            Set<Integer> planningUrns) {
        this.arm = arm;
        this.planningUrns = Set.copyOf(planningUrns);
        this.database = database;
        this.hubId = hubId;
        this.broker = broker;
        this.publication = publication;
        this.postings = new SchoolPostings(database.dsl(), hubId, hub, arm.plannedRequests() ? planningUrns : Set.of());
        this.offers = new EmployerPostings(database.dsl(), hubId);
        this.replies = new EmployerReplies(draws, behaviour);
        this.sessionDays = new SessionDays(draws, behaviour, hubId, arm.suggestedPupils());
        this.eventDays = new EventDays(database.dsl(), hubId, draws, behaviour);
    }

    RoundRun week(
            LocalDate today,
            List<DemoHub.Request> requests,
            List<OffersThroughTheYear.Posted> offered,
            List<PlannedEvent> events) {
        catchUp(today);
        offers.post(offered);
        postings.post(requests, today);
        eventDays.post(events, today);
        // Where autovacuum is off (it is on our build machines), statistics taken when the hub was
        // loaded soon mislead the planner: by the autumn half-term its nested loops over a year's
        // encounters and requests made each round ten times slower.
        database.dsl().execute("analyze");
        long started = System.nanoTime();
        RoundSolver.Outcome outcome = broker.round(hubId);
        double seconds = (System.nanoTime() - started) / 1e9;
        publication.publish(database.dsl(), hubId, outcome.roundId());
        sessionDays.choosePupils(database.dsl(), outcome.roundId(), today);
        replies.answer(database.dsl(), outcome.roundId(), today);
        double solving = new RoundRepository(database.dsl())
                .find(hubId, outcome.roundId())
                .map(r -> r.elapsed().toMillis() / 1000.0)
                .orElse(0.0);
        RoundRun run = new RoundRun(
                today,
                outcome.roundId(),
                outcome.sessions(),
                outcome.matched(),
                outcome.employersAsked(),
                seconds,
                solving);
        rounds.add(run);
        return run;
    }

    /** Declines that fell due, and sessions and events whose day came, up to {@code today}: the end of play. */
    void catchUp(LocalDate today) {
        replies.applyDue(database.dsl(), today);
        sessionDays.deliver(database.dsl(), today);
        eventDays.hold(today);
    }

    Arm arm() {
        return arm;
    }

    /** The schools that would take up "What to request next", in every arm alike (only some arms have it). */
    Set<Integer> planningUrns() {
        return planningUrns;
    }

    List<RoundRun> rounds() {
        return List.copyOf(rounds);
    }

    Database database() {
        return database;
    }

    long hubId() {
        return hubId;
    }

    Broker broker() {
        return broker;
    }

    @Override
    public void close() {
        broker.close();
    }
}

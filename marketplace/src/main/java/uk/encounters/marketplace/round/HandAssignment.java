package uk.encounters.marketplace.round;

import static uk.encounters.marketplace.jooq.Tables.ROUND_UNMATCHED;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import uk.encounters.marketplace.calendar.Horizon;
import uk.encounters.marketplace.pupil.PriorityWeights;
import uk.encounters.marketplace.round.RoundEdits.Edit;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.OfferSlot;
import uk.encounters.matcher.domain.Period;
import uk.encounters.matcher.domain.Session;
import uk.encounters.matcher.explain.BookingExplanation;
import uk.encounters.matcher.explain.Explanations;
import uk.encounters.matcher.solver.MatchingWeights;
import uk.encounters.matcher.solver.ScoreKeeper;

/**
 * The coordinator places one of a request's unmatched sessions by hand, choosing from the
 * matcher's own ranking: every slot the session could take is scored with the rules the solver
 * uses, against the round's plan as it stands, and those that break no rule are offered best
 * first. The choice is checked again when made, and becomes a pinned booking.
 */
public final class HandAssignment {

    public static final int SUGGESTIONS = 5;

    /** A slot for the session, with what the plan gains by it (score points) and why. */
    public record Suggestion(long offerId, String employer, String title, LocalDate startsOn, String period,
                             String when, double travelKm, long gain, List<String> reasons) {
    }

    /** A session to place and the slots it could take without breaking a rule, best first. */
    private record Placing(MatchingProblem plan, Session session, List<OfferSlot> slots) {
    }

    private final DSLContext dsl;
    private final PriorityWeights priorities;

    public HandAssignment(DSLContext dsl, PriorityWeights priorities) {
        this.dsl = dsl;
        this.priorities = priorities;
    }

    /** The best few slots for one unmatched session of the request; empty when it has none unmatched. */
    public Optional<List<Suggestion>> suggestions(Round round, long requestId, LocalDate today) {
        return placing(dsl, round, requestId, today).map(placing -> {
            List<Suggestion> suggestions = new ArrayList<>();
            try (ScoreKeeper keeper = new ScoreKeeper(placing.plan())) {
                long without = keeper.score().softScore();
                for (OfferSlot slot : placing.slots().subList(0, Math.min(SUGGESTIONS, placing.slots().size()))) {
                    long gain = keeper.assign(placing.session(), slot).softScore() - without;
                    suggestions.add(new Suggestion(slot.offer().id(), slot.employer().name(), slot.offer().title(),
                            slot.startsOn(), slot.period().code(), slot.describe(), placing.session().travelKm(), gain,
                            explanation(placing).reasons()));
                }
                keeper.assign(placing.session(), null);
            }
            return suggestions;
        });
    }

    /** Books the session on the chosen slot, pinned, if the round can still take it. */
    public Edit assign(long hubId, long roundId, long requestId, long offerId, LocalDate startsOn, Period period,
                       LocalDate today) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Edit editable = RoundEdits.lockProposed(tx, hubId, roundId);
            if (editable != Edit.DONE) {
                return editable;
            }
            Round round = new Rounds(tx).find(hubId, roundId).orElseThrow();
            Optional<Placing> placing = placing(tx, round, requestId, today);
            if (placing.isEmpty()) {
                return Edit.NOT_FOUND;
            }
            Optional<OfferSlot> chosen = placing.get().slots().stream()
                    .filter(s -> s.offer().id() == offerId && s.startsOn().equals(startsOn) && s.period() == period)
                    .findFirst();
            if (chosen.isEmpty()) {
                return Edit.NOT_AVAILABLE;
            }
            try (ScoreKeeper keeper = new ScoreKeeper(placing.get().plan())) {
                keeper.assign(placing.get().session(), chosen.get());
            }
            Proposal.insert(tx, roundId, List.of(explanation(placing.get())), true);
            // one session fewer unmatched (the row goes when it was the last: it counts at least one)
            int left = tx.deleteFrom(ROUND_UNMATCHED).where(ROUND_UNMATCHED.ROUND_ID.eq(roundId))
                    .and(ROUND_UNMATCHED.REQUEST_ID.eq(requestId)).and(ROUND_UNMATCHED.SESSIONS.le(1)).execute();
            if (left == 0) {
                tx.update(ROUND_UNMATCHED).set(ROUND_UNMATCHED.SESSIONS, ROUND_UNMATCHED.SESSIONS.minus(1))
                        .where(ROUND_UNMATCHED.ROUND_ID.eq(roundId)).and(ROUND_UNMATCHED.REQUEST_ID.eq(requestId))
                        .execute();
            }
            return Edit.DONE;
        });
    }

    private Optional<Placing> placing(DSLContext tx, Round round, long requestId, LocalDate today) {
        MatchingProblem plan = new RoundProblem(tx, priorities).load(
                new RoundProblem.Scope(round.hubId(), round.id(), Horizon.between(round.horizonStart(), round.horizonEnd()),
                        today, null),
                new MatchingWeights(round.weights()));
        Optional<Session> unmatched = plan.sessions().stream()
                .filter(s -> s.request().id() == requestId && !s.matched() && !s.pinned()).findFirst();
        if (unmatched.isEmpty()) {
            return Optional.empty();
        }
        Session session = unmatched.get();
        List<OfferSlot> slots = new ArrayList<>();
        List<Long> gains = new ArrayList<>();
        try (ScoreKeeper keeper = new ScoreKeeper(plan)) {
            var without = keeper.score();
            for (OfferSlot slot : session.candidates()) {
                var with = keeper.assign(session, slot);
                if (with.hardScore() >= without.hardScore()) {
                    slots.add(slot);
                    gains.add(with.softScore() - without.softScore());
                }
            }
            keeper.assign(session, null);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> gains.get(i)).reversed()
                .thenComparing(i -> slots.get(i).startsOn()).thenComparing(i -> slots.get(i).id()));
        return Optional.of(new Placing(plan, session, order.stream().map(slots::get).toList()));
    }

    /** Why the session, as placed now, is there: the words its booking will carry. */
    private static BookingExplanation explanation(Placing placing) {
        return Explanations.of(placing.plan()).bookings().stream()
                .filter(b -> b.session() == placing.session()).findFirst().orElseThrow();
    }
}

package uk.encounters.marketplace.round;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.ROUND_UNMATCHED;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.optaplanner.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.calendar.Horizon;
import uk.encounters.marketplace.calendar.HubCalendarSettings;
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
 * first. Where a slot is taken, it is offered with the proposed sessions it would take over (those
 * on that slot and, if the employer's cap or volunteer is the limit, one more of the employer's)
 * when freeing them lets the session in without breaking a rule; they become unmatched. A
 * placement week's places are never split this way. The
 * choice is checked again when made, and becomes a pinned booking.
 */
public final class HandAssignment {

    public static final int SUGGESTIONS = 5;

    static final String DISPLACED = "Its slot was given to another session by the coordinator";

    /**
     * A slot for the session, with what the plan gains by it (score points, net of anything it
     * takes over), why, and the proposed sessions it takes the slot from.
     */
    public record Suggestion(
            long offerId,
            String employer,
            String title,
            LocalDate startsOn,
            String period,
            String when,
            double travelKm,
            long gain,
            List<String> reasons,
            List<String> displaces) {

        /** "3.3 km away"; empty for an online session. */
        public String distance() {
            return travelKm > 0 ? String.format(java.util.Locale.UK, "%.1f km away", travelKm) : "";
        }
    }

    /** A slot the session can take, with the proposed sessions that must give up theirs first (and which). */
    private record Option(OfferSlot slot, List<Session> displaced, List<OfferSlot> displacedFrom, long gain) {

        Option(OfferSlot slot, List<Session> displaced, long gain) {
            this(slot, displaced, displaced.stream().map(Session::slot).toList(), gain);
        }

        void restore(ScoreKeeper keeper) {
            for (int i = 0; i < displaced.size(); i++) {
                keeper.assign(displaced.get(i), displacedFrom.get(i));
            }
        }
    }

    /** A session to place and the slots it could take without breaking a rule, best first. */
    private record Placing(MatchingProblem plan, Session session, List<Option> options) {}

    private final DSLContext dsl;

    public HandAssignment(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The best few slots for one unmatched session of the request; empty when it has none unmatched. */
    public Optional<List<Suggestion>> suggestions(Round round, long requestId, LocalDate today) {
        return placing(dsl, round, requestId, today).map(placing -> {
            List<Suggestion> suggestions = new ArrayList<>();
            try (ScoreKeeper keeper = new ScoreKeeper(placing.plan())) {
                for (Option option : placing.options()
                        .subList(0, Math.min(SUGGESTIONS, placing.options().size()))) {
                    OfferSlot slot = option.slot();
                    option.displaced().forEach(s -> keeper.assign(s, null));
                    keeper.assign(placing.session(), slot);
                    suggestions.add(new Suggestion(
                            slot.offer().id(),
                            slot.employer().name(),
                            slot.offer().title(),
                            slot.startsOn(),
                            slot.period().code(),
                            slot.describe(),
                            placing.session().travelKm(),
                            option.gain(),
                            explanation(placing).reasons(),
                            option.displaced().stream()
                                    .map(s -> s.cohort().describe())
                                    .toList()));
                    keeper.assign(placing.session(), null);
                    option.restore(keeper);
                }
            }
            return suggestions;
        });
    }

    /** Books the session on the chosen slot, pinned, if the round can still take it. */
    public Edit assign(
            long hubId,
            long roundId,
            long requestId,
            long offerId,
            LocalDate startsOn,
            Period period,
            LocalDate today) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Edit editable = RoundEdits.lockProposed(tx, hubId, roundId);
            if (editable != Edit.DONE) {
                return editable;
            }
            Round round = new RoundRepository(tx).find(hubId, roundId).orElseThrow();
            Optional<Placing> placing = placing(tx, round, requestId, today);
            if (placing.isEmpty()) {
                return Edit.NOT_FOUND;
            }
            Optional<Option> chosen = placing.get().options().stream()
                    .filter(o -> o.slot().offer().id() == offerId
                            && o.slot().startsOn().equals(startsOn)
                            && o.slot().period() == period)
                    .findFirst();
            if (chosen.isEmpty()) {
                return Edit.NOT_AVAILABLE;
            }
            OfferSlot slot = chosen.get().slot();
            try (ScoreKeeper keeper = new ScoreKeeper(placing.get().plan())) {
                chosen.get().displaced().forEach(s -> keeper.assign(s, null));
                keeper.assign(placing.get().session(), slot);
            }
            for (int i = 0; i < chosen.get().displaced().size(); i++) {
                long request = chosen.get().displaced().get(i).request().id();
                OfferSlot from = chosen.get().displacedFrom().get(i);
                tx.deleteFrom(BOOKING)
                        .where(BOOKING.ROUND_ID.eq(roundId))
                        .and(BOOKING.STATUS.eq(BookingStatus.PROPOSED))
                        .and(BOOKING.PINNED.isFalse())
                        .and(BOOKING.REQUEST_ID.eq(request))
                        .and(BOOKING.OFFER_ID.eq(from.offer().id()))
                        .and(BOOKING.STARTS_ON.eq(from.startsOn()))
                        .and(BOOKING.PERIOD.eq(from.period().code()))
                        .execute();
                RoundEdits.unmatchedAgain(tx, roundId, request, 1, DISPLACED);
            }
            Proposal.insert(tx, roundId, List.of(explanation(placing.get())), true);
            // one session fewer unmatched (the row goes when it was the last: it counts at least one)
            int left = tx.deleteFrom(ROUND_UNMATCHED)
                    .where(ROUND_UNMATCHED.ROUND_ID.eq(roundId))
                    .and(ROUND_UNMATCHED.REQUEST_ID.eq(requestId))
                    .and(ROUND_UNMATCHED.SESSIONS.le(1))
                    .execute();
            if (left == 0) {
                tx.update(ROUND_UNMATCHED)
                        .set(ROUND_UNMATCHED.SESSIONS, ROUND_UNMATCHED.SESSIONS.minus(1))
                        .where(ROUND_UNMATCHED.ROUND_ID.eq(roundId))
                        .and(ROUND_UNMATCHED.REQUEST_ID.eq(requestId))
                        .execute();
            }
            return Edit.DONE;
        });
    }

    private Optional<Placing> placing(DSLContext tx, Round round, long requestId, LocalDate today) {
        MatchingProblem plan = new RoundProblem(tx)
                .load(
                        new RoundProblem.Scope(
                                round.hubId(),
                                round.id(),
                                Horizon.between(
                                        new HubCalendarSettings(tx).calendarOf(round.hubId()),
                                        round.horizonStart(),
                                        round.horizonEnd()),
                                today,
                                null),
                        new MatchingWeights(round.weights()));
        Optional<Session> unmatched = plan.sessions().stream()
                .filter(s -> s.request().id() == requestId && !s.matched() && !s.pinned())
                .findFirst();
        if (unmatched.isEmpty()) {
            return Optional.empty();
        }
        Session session = unmatched.get();
        List<Option> options = new ArrayList<>();
        try (ScoreKeeper keeper = new ScoreKeeper(plan)) {
            HardSoftLongScore without = keeper.score();
            for (OfferSlot slot : session.candidates()) {
                var with = keeper.assign(session, slot);
                if (with.hardScore() >= without.hardScore()) {
                    options.add(new Option(slot, List.of(), with.softScore() - without.softScore()));
                    continue;
                }
                // taken: would it fit if the movable sessions on that very slot gave it up, and if that
                // is not enough (the employer's cap, the volunteer elsewhere), one more of the employer's?
                List<Session> holders = plan.sessions().stream()
                        .filter(s -> s != session
                                && s.slot() == slot
                                && !s.pinned()
                                && !s.offer().placements())
                        .toList();
                Option best = freeing(keeper, without, slot, holders);
                if (best == null) {
                    for (Session other : plan.sessions()) {
                        if (other != session
                                && other.matched()
                                && !other.pinned()
                                && !holders.contains(other)
                                && other.employer().equals(slot.employer())
                                && !other.offer().placements()) {
                            List<Session> freed = new ArrayList<>(holders);
                            freed.add(other);
                            Option option = freeing(keeper, without, slot, freed);
                            if (option != null && (best == null || option.gain() > best.gain())) {
                                best = option;
                            }
                        }
                    }
                }
                if (best != null) {
                    options.add(best);
                }
            }
            keeper.assign(session, null);
        }
        // free slots first, then the best gain
        options.sort(Comparator.comparing((Option o) -> !o.displaced().isEmpty())
                .thenComparing(Comparator.comparingLong(Option::gain).reversed())
                .thenComparing(o -> o.slot().startsOn())
                .thenComparing(o -> o.slot().id()));
        return Optional.of(new Placing(plan, session, List.copyOf(options)));
    }

    /** With the session on {@code slot}: whether taking {@code freed} out lets it in, and the net gain. */
    private static Option freeing(ScoreKeeper keeper, HardSoftLongScore without, OfferSlot slot, List<Session> freed) {
        if (freed.isEmpty()) {
            return null;
        }
        List<OfferSlot> were = freed.stream().map(Session::slot).toList();
        freed.forEach(s -> keeper.assign(s, null));
        HardSoftLongScore score = keeper.score();
        for (int i = 0; i < freed.size(); i++) {
            keeper.assign(freed.get(i), were.get(i));
        }
        return score.hardScore() >= without.hardScore()
                ? new Option(slot, List.copyOf(freed), score.softScore() - without.softScore())
                : null;
    }

    /** Why the session, as placed now, is there: the words its booking will carry. */
    private static BookingExplanation explanation(Placing placing) {
        return Explanations.of(placing.plan()).bookings().stream()
                .filter(b -> b.session() == placing.session())
                .findFirst()
                .orElseThrow();
    }
}

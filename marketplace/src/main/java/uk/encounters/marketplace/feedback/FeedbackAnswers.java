package uk.encounters.marketplace.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.account.LoginTokenRepository;

/**
 * The school's or the employer's "how did it go?" about a booking, from its page or by the link in
 * the message after the session (whose secret answers for that side of that booking only). Once per
 * side, after the session; the answer and its audit entry are one transaction.
 */
public final class FeedbackAnswers {

    /** What an answer did. */
    public enum Given {
        DONE,
        /** the side has answered already: its answer stands */
        ALREADY,
        /** the session has not happened (or the booking is not this side's to answer) */
        NOT_YET
    }

    private final DSLContext dsl;
    private final Clock clock;

    public FeedbackAnswers(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Signed in: the careers leader on the school's booking page. */
    public Given give(Actor actor, FeedbackSide side, long bookingId, int rating, String comment) {
        return dsl.transactionResult(c -> give(c.dsl(), actor, side, bookingId, rating, comment, Map.of()));
    }

    /** By the link in the message; empty when the link does not answer for this side of this booking. */
    public Optional<Given> giveByLink(
            Actor actor, FeedbackSide side, long bookingId, String token, int rating, String comment) {
        // the link is checked in the answer's transaction, so it cannot run out in between
        return dsl.transactionResult(c -> opens(c.dsl(), side, bookingId, token)
                ? Optional.of(give(c.dsl(), actor, side, bookingId, rating, comment, Map.of("via", "emailed link")))
                : Optional.empty());
    }

    /** Whether the link answers for this side of this booking. */
    public boolean opens(FeedbackSide side, long bookingId, String token) {
        return opens(dsl, side, bookingId, token);
    }

    private boolean opens(DSLContext tx, FeedbackSide side, long bookingId, String token) {
        return new LoginTokenRepository(tx, clock).opens(token, side.linkPurpose(), bookingId);
    }

    private Given give(
            DSLContext tx,
            Actor actor,
            FeedbackSide side,
            long bookingId,
            int rating,
            String comment,
            Map<String, String> via) {
        FeedbackRepository feedback = new FeedbackRepository(tx);
        Optional<FeedbackBooking> booking = feedback.findBooking(bookingId);
        if (booking.isEmpty() || !booking.get().given(LocalDate.now(clock))) {
            return Given.NOT_YET;
        }
        if (!feedback.give(bookingId, side, rating, comment, actor.userId())) {
            return Given.ALREADY;
        }
        Map<String, String> detail = new java.util.LinkedHashMap<>(via);
        detail.put("side", side.getLiteral());
        detail.put("rating", String.valueOf(rating));
        new AuditLog(tx).record(actor, "booking_feedback", "booking", bookingId, detail);
        return Given.DONE;
    }
}

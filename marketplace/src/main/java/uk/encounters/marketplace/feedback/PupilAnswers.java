package uk.encounters.marketplace.feedback;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.BOOKING_ATTENDANCE_TALLY;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.PUPIL_FEEDBACK;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Pupils' anonymous answers to a booking, once per pupil: a pupil's browser keeps a random value,
 * and only its hash (the respondent) is stored with the answers, beside nothing that names anyone.
 * A booking takes no more answers than pupils went ({@link #cap}), counted in
 * {@code booking.pupil_answers}. Not audited: an audit entry would put an address beside an answer.
 */
public final class PupilAnswers {

    /** What became of an answer. */
    public enum Outcome {
        SAVED,
        /** this browser answered this booking before */
        ALREADY_ANSWERED,
        /** as many pupils have answered as went */
        FULL
    }

    /** Thrown inside the transaction to undo the answer when the booking is full. */
    private static final class Full extends RuntimeException {
        Full() {
            super(null, null, false, false);
        }
    }

    private final DSLContext dsl;

    public PupilAnswers(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The answer and the count in one transaction. The count goes up only while it is under the cap,
     * in one guarded UPDATE, so two pupils answering at once cannot take the booking past it.
     */
    public Outcome record(long bookingId, String respondentHash, PupilFeedback answers) {
        try {
            return dsl.transactionResult(c -> {
                int inserted = c.dsl()
                        .insertInto(PUPIL_FEEDBACK)
                        .set(PUPIL_FEEDBACK.BOOKING_ID, bookingId)
                        .set(PUPIL_FEEDBACK.RESPONDENT_HASH, respondentHash)
                        .set(PUPIL_FEEDBACK.LEARNT_WHAT_WORK_IS_LIKE, answers.learntWhatWorkIsLike())
                        .set(PUPIL_FEEDBACK.LEARNT_WHAT_IT_TAKES, answers.learntWhatItTakes())
                        .set(PUPIL_FEEDBACK.WOULD_CONSIDER, answers.wouldConsider())
                        .set(PUPIL_FEEDBACK.COMMENT, answers.comment().isBlank() ? null : answers.comment())
                        .onConflictDoNothing()
                        .execute();
                if (inserted == 0) {
                    return Outcome.ALREADY_ANSWERED;
                }
                int counted = c.dsl()
                        .update(BOOKING)
                        .set(BOOKING.PUPIL_ANSWERS, BOOKING.PUPIL_ANSWERS.plus(1))
                        .where(BOOKING.ID.eq(bookingId))
                        .and(BOOKING.PUPIL_ANSWERS.lt(cap(bookingId)))
                        .execute();
                if (counted == 0) {
                    throw new Full();
                }
                return Outcome.SAVED;
            });
        } catch (Full full) {
            return Outcome.FULL;
        }
    }

    /** Whether this respondent has answered the booking. */
    public boolean answered(long bookingId, String respondentHash) {
        return dsl.fetchExists(
                PUPIL_FEEDBACK,
                PUPIL_FEEDBACK.BOOKING_ID.eq(bookingId).and(PUPIL_FEEDBACK.RESPONDENT_HASH.eq(respondentHash)));
    }

    /** Whether the booking takes no more answers. */
    public boolean full(long bookingId) {
        return dsl.fetchExists(BOOKING, BOOKING.ID.eq(bookingId).and(BOOKING.PUPIL_ANSWERS.ge(cap(bookingId))));
    }

    /**
     * How many pupils may answer: those recorded as attending (with any erased since, kept in the
     * tally), or the booking's places while its attendance is not recorded yet.
     */
    static Field<Integer> cap(long bookingId) {
        Field<Integer> recorded =
                DSL.field(DSL.selectCount().from(ENCOUNTER).where(ENCOUNTER.BOOKING_ID.eq(bookingId)));
        Field<Integer> attended = DSL.field(DSL.selectCount()
                .from(ENCOUNTER)
                .where(ENCOUNTER.BOOKING_ID.eq(bookingId))
                .and(ENCOUNTER.ATTENDED));
        Field<Integer> erased = DSL.field(DSL.select(BOOKING_ATTENDANCE_TALLY.ATTENDED)
                .from(BOOKING_ATTENDANCE_TALLY)
                .where(BOOKING_ATTENDANCE_TALLY.BOOKING_ID.eq(bookingId)));
        Field<Integer> places =
                DSL.field(DSL.select(BOOKING.PUPILS).from(BOOKING).where(BOOKING.ID.eq(bookingId)));
        return DSL.when(recorded.gt(0).or(erased.isNotNull()), attended.plus(DSL.coalesce(erased, 0)))
                .otherwise(places);
    }
}

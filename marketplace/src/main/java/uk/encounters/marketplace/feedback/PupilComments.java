package uk.encounters.marketplace.feedback;

import static uk.encounters.marketplace.jooq.Tables.PUPIL_FEEDBACK;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;

/**
 * Pupils' own words wait for their school: nobody but its careers leaders reads them until one of
 * them approves them; removing deletes the words (the pupil's answers stay), and words left unread
 * for {@link #UNREAD_DAYS} days are deleted by the nightly retention.
 */
public final class PupilComments {

    public static final int UNREAD_DAYS = 30;

    private final DSLContext dsl;
    private final Clock clock;

    public PupilComments(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** The words still waiting, oldest first: for the school's careers leaders only. */
    public List<PupilComment> pending(long bookingId) {
        return comments(bookingId, PUPIL_FEEDBACK.COMMENT_APPROVED_AT.isNull());
    }

    /** The words approved, for the school, the employer and the hub. */
    public List<PupilComment> approved(long bookingId) {
        return comments(bookingId, PUPIL_FEEDBACK.COMMENT_APPROVED_AT.isNotNull());
    }

    /** The approved words of each of these bookings, by booking id, in one query. */
    public Map<Long, List<PupilComment>> approvedFor(Collection<Long> bookingIds) {
        return dsl.select(PUPIL_FEEDBACK.BOOKING_ID, PUPIL_FEEDBACK.ID, PUPIL_FEEDBACK.COMMENT)
                .from(PUPIL_FEEDBACK)
                .where(PUPIL_FEEDBACK.BOOKING_ID.in(bookingIds))
                .and(PUPIL_FEEDBACK.COMMENT.isNotNull())
                .and(PUPIL_FEEDBACK.COMMENT_APPROVED_AT.isNotNull())
                .orderBy(PUPIL_FEEDBACK.ID)
                .fetchGroups(PUPIL_FEEDBACK.BOOKING_ID, r -> new PupilComment(r.value2(), r.value3()));
    }

    private List<PupilComment> comments(long bookingId, Condition which) {
        return dsl.select(PUPIL_FEEDBACK.ID, PUPIL_FEEDBACK.COMMENT)
                .from(PUPIL_FEEDBACK)
                .where(PUPIL_FEEDBACK.BOOKING_ID.eq(bookingId))
                .and(PUPIL_FEEDBACK.COMMENT.isNotNull())
                .and(which)
                .orderBy(PUPIL_FEEDBACK.ID)
                .fetch(Records.mapping(PupilComment::new));
    }

    /** Lets everyone who reads the booking's feedback read these words; false when they are not waiting. */
    public boolean approve(Actor actor, long bookingId, long answerId) {
        return dsl.transactionResult(c -> audited(
                c.dsl(),
                actor,
                "pupil_comment_approved",
                bookingId,
                c.dsl()
                        .update(PUPIL_FEEDBACK)
                        .set(PUPIL_FEEDBACK.COMMENT_APPROVED_AT, OffsetDateTime.now(clock))
                        .where(answer(bookingId, answerId))
                        .and(PUPIL_FEEDBACK.COMMENT.isNotNull())
                        .and(PUPIL_FEEDBACK.COMMENT_APPROVED_AT.isNull())
                        .execute()));
    }

    /** Deletes the words, approved or not; the pupil's answers stay. False when there were none. */
    public boolean remove(Actor actor, long bookingId, long answerId) {
        return dsl.transactionResult(c -> audited(
                c.dsl(),
                actor,
                "pupil_comment_removed",
                bookingId,
                c.dsl()
                        .update(PUPIL_FEEDBACK)
                        .setNull(PUPIL_FEEDBACK.COMMENT)
                        .setNull(PUPIL_FEEDBACK.COMMENT_APPROVED_AT)
                        .where(answer(bookingId, answerId))
                        .and(PUPIL_FEEDBACK.COMMENT.isNotNull())
                        .execute()));
    }

    /** The nightly retention: words nobody approved within {@link #UNREAD_DAYS} days are deleted. */
    public int deleteUnread() {
        return dsl.update(PUPIL_FEEDBACK)
                .setNull(PUPIL_FEEDBACK.COMMENT)
                .where(PUPIL_FEEDBACK.COMMENT.isNotNull())
                .and(PUPIL_FEEDBACK.COMMENT_APPROVED_AT.isNull())
                .and(PUPIL_FEEDBACK.CREATED_AT.lt(OffsetDateTime.now(clock).minusDays(UNREAD_DAYS)))
                .execute();
    }

    private static Condition answer(long bookingId, long answerId) {
        return PUPIL_FEEDBACK.ID.eq(answerId).and(PUPIL_FEEDBACK.BOOKING_ID.eq(bookingId));
    }

    /** The audit entry (which names the answer, never its words) when something changed. */
    private static boolean audited(DSLContext tx, Actor actor, String action, long bookingId, int changed) {
        if (changed == 0) {
            return false;
        }
        new AuditLog(tx).record(actor, action, "booking", bookingId, Map.of());
        return true;
    }
}

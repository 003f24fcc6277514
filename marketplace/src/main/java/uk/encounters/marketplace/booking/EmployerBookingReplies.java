package uk.encounters.marketplace.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.round.Publication;

/**
 * An employer's answers to its bookings ({@link EmployerBookingRepository}): yes, no with a reason, and
 * feedback afterwards, from its own page or, for yes and no, by the link in a round's digest,
 * whose secret stands for the employer for that booking only. Each answer and its audit entry
 * are one transaction; an answer that changed nothing is not audited.
 */
public final class EmployerBookingReplies {

    private static final String VIA_LINK = "digest link";

    private final DSLContext dsl;
    private final Clock clock;
    private final BookingCancellations cancellations;

    public EmployerBookingReplies(DSLContext dsl, Clock clock, BookingCancellations cancellations) {
        this.dsl = dsl;
        this.clock = clock;
        this.cancellations = cancellations;
    }

    public EmployerBookingRepository.Reply confirm(Actor actor, long employerId, long bookingId) {
        return dsl.transactionResult(c -> answer(
                c.dsl(),
                actor,
                "booking_confirmed",
                bookingId,
                Map.of(),
                bookings -> bookings.confirm(employerId, bookingId, today())));
    }

    /**
     * The reason goes to the coordinator, who re-matches the school's pupils, and to the school; the
     * employer is sent its calendar's cancellation.
     */
    public EmployerBookingRepository.Reply decline(Actor actor, long employerId, long bookingId, String reason) {
        return dsl.transactionResult(c -> answer(
                c.dsl(),
                actor,
                "booking_declined",
                bookingId,
                Map.of("reason", reason),
                bookings -> declined(c.dsl(), bookingId, bookings.decline(employerId, bookingId, reason, today()))));
    }

    /** Two questions: how it went (1 to 5), and what would make the next one better. */
    public EmployerBookingRepository.Reply feedback(
            Actor actor, long employerId, long bookingId, int rating, String comment) {
        return dsl.transactionResult(c -> answer(
                c.dsl(),
                actor,
                "booking_feedback",
                bookingId,
                Map.of("rating", String.valueOf(rating)),
                bookings -> bookings.feedback(employerId, bookingId, rating, comment, today())));
    }

    /** The booking a digest's link answers for, while the link is good; empty otherwise. */
    public Optional<EmployerBooking> findByLink(long bookingId, String token) {
        return Publication.employerOfReplyToken(dsl, clock, bookingId, token)
                .flatMap(employerId -> new EmployerBookingRepository(dsl).find(employerId, bookingId));
    }

    /** Whether the booking's school was emailed it, so an employer confirming is never told the school knows when it may not. */
    public boolean schoolEmailedAbout(long bookingId) {
        return Publication.schoolEmailedAbout(dsl, bookingId);
    }

    /** Yes by a digest's link; NOT_FOUND when the link is no good for that booking. */
    public EmployerBookingRepository.Reply confirmByLink(Actor actor, long bookingId, String token) {
        // the link is checked in the answer's transaction, so it cannot run out in between
        return dsl.transactionResult(c -> Publication.employerOfReplyToken(c.dsl(), clock, bookingId, token)
                .map(employerId -> answer(
                        c.dsl(),
                        actor,
                        "booking_confirmed",
                        bookingId,
                        Map.of("via", VIA_LINK),
                        bookings -> bookings.confirm(employerId, bookingId, today())))
                .orElse(EmployerBookingRepository.Reply.NOT_FOUND));
    }

    /** No by a digest's link; NOT_FOUND when the link is no good for that booking. */
    public EmployerBookingRepository.Reply declineByLink(Actor actor, long bookingId, String token, String reason) {
        return dsl.transactionResult(c -> Publication.employerOfReplyToken(c.dsl(), clock, bookingId, token)
                .map(employerId -> answer(
                        c.dsl(),
                        actor,
                        "booking_declined",
                        bookingId,
                        Map.of("via", VIA_LINK, "reason", reason),
                        bookings ->
                                declined(c.dsl(), bookingId, bookings.decline(employerId, bookingId, reason, today()))))
                .orElse(EmployerBookingRepository.Reply.NOT_FOUND));
    }

    /** Tells both sides of a booking the employer has just declined, in the decline's transaction. */
    private EmployerBookingRepository.Reply declined(
            DSLContext tx, long bookingId, EmployerBookingRepository.Reply done) {
        if (done == EmployerBookingRepository.Reply.DONE) {
            cancellations.declinedByEmployer(tx, bookingId);
        }
        return done;
    }

    /** In the caller's transaction: the answer, and its audit entry when it changed something. */
    private static EmployerBookingRepository.Reply answer(
            DSLContext tx,
            Actor actor,
            String auditAction,
            long bookingId,
            Map<String, ?> detail,
            Function<EmployerBookingRepository, EmployerBookingRepository.Reply> action) {
        EmployerBookingRepository.Reply done = action.apply(new EmployerBookingRepository(tx));
        if (done == EmployerBookingRepository.Reply.DONE) {
            new AuditLog(tx).record(actor, auditAction, "booking", bookingId, detail);
        }
        return done;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}

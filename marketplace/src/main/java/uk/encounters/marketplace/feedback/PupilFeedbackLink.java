package uk.encounters.marketplace.feedback;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.account.LoginTokenRepository.Purpose;
import uk.encounters.matcher.explain.DateStyle;

/**
 * The link a school shows its pupils at the end of a session (as a QR code on the classroom's
 * screen): it opens that booking's three questions, for everyone who has it, until a week after the
 * session. The app keeps only its hash, so showing it again makes a new one; the earlier ones keep
 * working until they run out, so a pupil with the page still open can still send it.
 */
public final class PupilFeedbackLink {

    /** How long after the session's last day pupils may still answer. */
    public static final int DAYS_OPEN_AFTER = 7;

    private final DSLContext dsl;
    private final Clock clock;

    public PupilFeedbackLink(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** A new link for the booking; its secret is in the answer and nowhere else. */
    public String make(Actor actor, FeedbackBooking booking) {
        return dsl.transactionResult(c -> {
            String token =
                    new LoginTokenRepository(c.dsl(), clock).issuePupilFeedback(booking.id(), expiresAt(booking));
            new AuditLog(c.dsl()).record(actor, "pupil_feedback_link_made", "booking", booking.id(), Map.of());
            return token;
        });
    }

    public boolean opens(String token, long bookingId) {
        return new LoginTokenRepository(dsl, clock).opens(token, Purpose.PUPIL_FEEDBACK, bookingId);
    }

    /** The start of the eighth day after the session's last, in the UK. */
    public static OffsetDateTime expiresAt(FeedbackBooking booking) {
        return booking.endsOn()
                .plusDays(DAYS_OPEN_AFTER + 1L)
                .atStartOfDay(DateStyle.UK)
                .toOffsetDateTime();
    }
}

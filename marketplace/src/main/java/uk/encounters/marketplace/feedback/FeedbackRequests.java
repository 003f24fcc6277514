package uk.encounters.marketplace.feedback;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.FEEDBACK;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;
import static uk.encounters.marketplace.jooq.Tables.USER_SCOPE;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import uk.encounters.marketplace.account.Addressees;
import uk.encounters.marketplace.account.Addressees.Person;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.account.Role;
import uk.encounters.marketplace.booking.EmployerBookingRepository;
import uk.encounters.marketplace.outbox.LinkSlots;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.marketplace.outbox.OutboxMessage;
import uk.encounters.matcher.explain.DateStyle;

/**
 * The message after a session: once a booking is delivered (its attendance recorded, or its last
 * day over), its school's careers leaders and its employer's people each get one "How did it go?"
 * with a link that answers for their side only. Run often (hourly): each message has its key, and a
 * side that has answered is not asked. Bookings over for more than {@link #LOOK_BACK_DAYS} days are
 * not asked about any more.
 */
public final class FeedbackRequests {

    static final int LOOK_BACK_DAYS = 14;

    private final DSLContext dsl;
    private final String productName;
    private final Clock clock;

    public FeedbackRequests(DSLContext dsl, String productName, Clock clock) {
        this.dsl = dsl;
        this.productName = productName;
        this.clock = clock;
    }

    /** Queues every message due now; answers how many were new. */
    public int run() {
        LocalDate today = LocalDate.now(clock);
        int queued = 0;
        for (Record booking : delivered(today)) {
            FeedbackBooking b = FeedbackRepository.booking(booking);
            if (!answered(b.id(), FeedbackSide.SCHOOL)) {
                for (Person leader :
                        Addressees.withRole(dsl, USER_SCOPE.SCHOOL_ID.eq(b.schoolId()), Role.CAREERS_LEADER)) {
                    queued += ask(b, FeedbackSide.SCHOOL, leader);
                }
            }
            if (!answered(b.id(), FeedbackSide.EMPLOYER)) {
                for (Person person : Addressees.ofEmployer(
                        dsl, b.employerId(), booking.get(VOLUNTEER.EMAIL), booking.get(VOLUNTEER.NAME))) {
                    queued += ask(b, FeedbackSide.EMPLOYER, person);
                }
            }
        }
        return queued;
    }

    private List<Record> delivered(LocalDate today) {
        List<Field<?>> fields = new ArrayList<>(FeedbackRepository.BOOKING_FIELDS);
        fields.add(VOLUNTEER.EMAIL);
        fields.add(VOLUNTEER.NAME);
        return FeedbackRepository.withSchoolAndEmployer(dsl.select(fields))
                .leftJoin(VOLUNTEER)
                .on(VOLUNTEER.ID.eq(BOOKING.VOLUNTEER_ID))
                .where(EmployerBookingRepository.given(today))
                .and(BOOKING.ENDS_ON.ge(today.minusDays(LOOK_BACK_DAYS)))
                .orderBy(BOOKING.ID)
                .fetch()
                .map(r -> r);
    }

    private boolean answered(long bookingId, FeedbackSide side) {
        return dsl.fetchExists(
                FEEDBACK, FEEDBACK.BOOKING_ID.eq(bookingId).and(FEEDBACK.FROM_SIDE.eq(side.getLiteral())));
    }

    /**
     * One message with its link, unless it was queued before. The link is issued only for a message
     * not yet queued; one left by two instances racing has no secret yet, so it opens nothing.
     */
    private int ask(FeedbackBooking b, FeedbackSide side, Person person) {
        String key = "feedback-request:" + side.getLiteral() + ":" + b.id() + ":" + person.email();
        if (dsl.fetchExists(OUTBOX, OUTBOX.IDEMPOTENCY_KEY.eq(key))) {
            return 0;
        }
        return dsl.transactionResult(c -> {
            long link = new LoginTokenRepository(c.dsl(), clock).issueFeedbackRequest(side.linkPurpose(), b.id());
            String what = side == FeedbackSide.SCHOOL
                    ? b.typeLabel() + " by " + b.employerName() + ", " + b.dates()
                    : b.typeLabel() + " at " + b.schoolName() + ", " + b.dates();
            String body = person.greeting() + "\n\nHow did it go? " + what + ".\n\nTwo questions, two minutes: how"
                    + " well it went, and what would make the next one better. No need to sign in:\n\n"
                    + LinkSlots.slot(link) + "\n\nThe link works for "
                    + LoginTokenRepository.FEEDBACK_REQUEST_LIFETIME.toDays() + " days.\n\n"
                    + (side == FeedbackSide.SCHOOL ? "" : "Thank you for giving your time.\n\n") + productName
                    + "\n";
            return new Outbox(c.dsl())
                            .enqueue(new OutboxMessage(
                                    key,
                                    "feedback_request",
                                    person.email(),
                                    "How did it go? " + b.typeLabel() + ", " + DateStyle.of(b.startsOn()),
                                    body,
                                    null,
                                    List.of(),
                                    List.of(link)))
                    ? 1
                    : 0;
        });
    }
}

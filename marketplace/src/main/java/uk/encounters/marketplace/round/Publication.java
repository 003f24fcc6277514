package uk.encounters.marketplace.round;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EVENT;
import static uk.encounters.marketplace.jooq.Tables.MATCHING_ROUND;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Records;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.Addressees;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.booking.EmployerBooking;
import uk.encounters.marketplace.booking.EmployerBookingRepository;
import uk.encounters.marketplace.booking.SchoolBooking;
import uk.encounters.marketplace.booking.SchoolBookingRepository;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.event.EventStatus;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.marketplace.outbox.OutboxMessage;
import uk.encounters.marketplace.outbox.ReplyAddresses;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.round.RoundDigests.Recipient;
import uk.encounters.marketplace.school.BudgetRepository;
import uk.encounters.matcher.domain.Period;

/**
 * Publishing a round, in one transaction: the round is marked published (only from
 * "proposed", so publishing twice, or two coordinators at once, publishes once: the second waits
 * on the row lock and then finds it published), its bookings become published with a secret reply
 * link each, paid ones commit the school's budget, requests with every session booked become
 * matched, and the outbox gets exactly one digest per employer (all its bookings this round, with
 * confirm and decline links and an .ics invitation) and one per school, as {@link RoundDigests}
 * words them. However many bookings, employers and schools, it sends the same dozen statements.
 */
public final class Publication {

    public enum Result {
        PUBLISHED,
        ALREADY_PUBLISHED,
        NOT_READY
    }

    /**
     * What publishing did: the digests queued, and the employers and schools with nobody to send
     * theirs to (no contact, no careers leader), who were told nothing.
     *
     * @param adviserCopies copies of school digests queued for enterprise advisers
     */
    public record Published(
            Result result,
            int bookings,
            int employerDigests,
            int schoolDigests,
            int adviserCopies,
            List<PublishCheck.Untold> employersUntold,
            List<PublishCheck.Untold> schoolsUntold) {

        static Published not(Result result) {
            return new Published(result, 0, 0, 0, 0, List.of(), List.of());
        }

        /** Digests with nobody to send them to. */
        public int undeliverable() {
            return employersUntold.size() + schoolsUntold.size();
        }
    }

    private static final ZoneId SCHOOLS_ZONE = ZoneId.of("Europe/London");

    private final RoundDigests digests;
    private final Clock clock;

    /** @param links where the digests' links lead, in the app that sends them */
    public Publication(DigestLinks links, String productName, Clock clock) {
        this.digests = new RoundDigests(links, productName, clock);
        this.clock = clock;
    }

    /** Publishes from the command line or a simulation: nobody signed in. */
    public Published publish(DSLContext dsl, long hubId, long roundId) {
        return publish(dsl, Actor.anonymous(null), hubId, roundId);
    }

    /** Publishes for {@code actor}, and records who did it in the same transaction: it cannot be undone. */
    public Published publish(DSLContext dsl, Actor actor, long hubId, long roundId) {
        return dsl.transactionResult(c -> {
            Published published = publishIn(c.dsl(), hubId, roundId);
            if (published.result() == Result.PUBLISHED) {
                new AuditLog(c.dsl())
                        .record(
                                actor,
                                "round_published",
                                "matching_round",
                                roundId,
                                Map.of(
                                        "bookings", published.bookings(),
                                        "employerDigests", published.employerDigests(),
                                        "schoolDigests", published.schoolDigests(),
                                        "nobodyToTell", published.undeliverable()));
            }
            return published;
        });
    }

    private Published publishIn(DSLContext tx, long hubId, long roundId) {
        int marked = tx.update(MATCHING_ROUND)
                .set(MATCHING_ROUND.STATUS, RoundStatus.PUBLISHED)
                // by the app's clock: the contact cap and fatigue count rounds published in the weeks before a day
                .set(MATCHING_ROUND.PUBLISHED_AT, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .where(MATCHING_ROUND.ID.eq(roundId))
                .and(MATCHING_ROUND.HUB_ID.eq(hubId))
                .and(MATCHING_ROUND.STATUS.eq(RoundStatus.PROPOSED))
                .execute();
        if (marked == 0) {
            boolean published = tx.fetchExists(
                    MATCHING_ROUND,
                    MATCHING_ROUND
                            .ID
                            .eq(roundId)
                            .and(MATCHING_ROUND.HUB_ID.eq(hubId))
                            .and(MATCHING_ROUND.STATUS.eq(RoundStatus.PUBLISHED)));
            return Published.not(published ? Result.ALREADY_PUBLISHED : Result.NOT_READY);
        }
        dropStallsOfEventsSinceCancelledOrMoved(tx, roundId);
        int published = tx.update(BOOKING)
                .set(BOOKING.STATUS, BookingStatus.PUBLISHED)
                .set(BOOKING.PINNED, false)
                .set(BOOKING.UPDATED_AT, currentOffsetDateTime())
                .where(BOOKING.ROUND_ID.eq(roundId))
                .and(BOOKING.STATUS.eq(BookingStatus.PROPOSED))
                .execute();
        commitBudgets(tx, roundId);
        markMatchedRequests(tx, roundId);
        return queueDigests(tx, hubId, roundId, published);
    }

    /**
     * One digest per employer asked and per school booked for, each to its contact (or named as
     * untold). A fixed number of statements however many bookings, employers and schools:
     * recipients and bookings are read for the whole round, the reply links and digests written at once.
     */
    private Published queueDigests(DSLContext tx, long hubId, long roundId, int published) {
        List<Recipient> employers = new RoundRecipients(tx).employers(roundId, BookingStatus.PUBLISHED);
        Map<Long, List<EmployerBooking>> employerBookings = new EmployerBookingRepository(tx).inRound(roundId);
        Map<Long, Long> links = replyLinks(tx, employers, employerBookings);
        Map<Long, Long> preferences = new LoginTokenRepository(tx, clock)
                .issueContactPreferences(employers.stream()
                        .filter(e -> e.email() != null)
                        .map(Recipient::id)
                        .toList());
        ReplyAddresses hub = Addressees.replyToHub(tx, hubId);
        List<Recipient> schools = new RoundRecipients(tx).schools(roundId, BookingStatus.PUBLISHED);
        Map<Long, List<SchoolBooking>> schoolBookings = new SchoolBookingRepository(tx).inRound(roundId);
        Map<Long, List<SchoolEventStalls.Stall>> schoolStalls =
                SchoolEventStalls.inRound(tx, roundId, BookingStatus.PUBLISHED);

        List<OutboxMessage> messages = new ArrayList<>();
        int employerDigests = 0;
        for (Recipient employer : employers) {
            if (employer.email() == null) {
                continue;
            }
            messages.add(digests.employerDigest(
                            roundId, employer, employerBookings.getOrDefault(employer.id(), List.of()), links)
                    .repliedTo(hub)
                    .stoppedBy(preferences.get(employer.id())));
            employerDigests++;
        }
        int schoolDigests = 0;
        for (Recipient school : schools) {
            if (school.email() == null) {
                continue;
            }
            messages.add(digests.schoolDigest(
                            roundId,
                            school,
                            schoolBookings.getOrDefault(school.id(), List.of()),
                            schoolStalls.getOrDefault(school.id(), List.of()))
                    .repliedTo(hub));
            schoolDigests++;
        }
        List<RoundRecipients.Adviser> advisers = new RoundRecipients(tx).advisers(roundId, BookingStatus.PUBLISHED);
        for (RoundRecipients.Adviser adviser : advisers) {
            OutboxMessage digest = digests.schoolDigest(
                            roundId,
                            new Recipient(adviser.schoolId(), adviser.schoolName(), adviser.email(), adviser.name()),
                            schoolBookings.getOrDefault(adviser.schoolId(), List.of()),
                            schoolStalls.getOrDefault(adviser.schoolId(), List.of()))
                    .repliedTo(hub);
            messages.add(digest.keyedAs(digest.idempotencyKey() + ":adviser:" + adviser.userId()));
        }
        new Outbox(tx).enqueueAll(messages);
        return new Published(
                Result.PUBLISHED,
                published,
                employerDigests,
                schoolDigests,
                advisers.size(),
                PublishCheck.withoutAddress(employers),
                PublishCheck.withoutAddress(schools));
    }

    /**
     * A solve begun before an event was cancelled or moved may have proposed stalls for it as it was:
     * those are asked of nobody. The events are locked first, so a cancellation or a change waits for
     * the publication, or the publication for it.
     */
    private static void dropStallsOfEventsSinceCancelledOrMoved(DSLContext tx, long roundId) {
        Condition proposedStall = BOOKING.ROUND_ID
                .eq(roundId)
                .and(BOOKING.STATUS.eq(BookingStatus.PROPOSED))
                .and(BOOKING.EVENT_ID.isNotNull());
        tx.select(EVENT.ID)
                .from(EVENT)
                .where(EVENT.ID.in(select(BOOKING.EVENT_ID).from(BOOKING).where(proposedStall)))
                .forShare()
                .execute();
        tx.update(BOOKING)
                .set(BOOKING.STATUS, BookingStatus.CANCELLED)
                .set(BOOKING.PINNED, false)
                .set(BOOKING.UPDATED_AT, currentOffsetDateTime())
                .where(proposedStall)
                .andExists(selectOne()
                        .from(EVENT)
                        .where(EVENT.ID.eq(BOOKING.EVENT_ID))
                        .and(EVENT.STATUS
                                .ne(EventStatus.OPEN)
                                .or(EVENT.HELD_ON.ne(BOOKING.STARTS_ON))
                                .or(EVENT.PERIOD.ne(Period.ALL_DAY.code()).and(EVENT.PERIOD.ne(BOOKING.PERIOD)))))
                .execute();
    }

    /** Paid sessions commit their cost now: the matcher kept them within what each school had left. */
    private void commitBudgets(DSLContext tx, long roundId) {
        List<BudgetRepository.Charge> charges = tx.select(
                        REQUEST.SCHOOL_ID, BOOKING.STARTS_ON, OFFER.COST_PER_SESSION_PENCE)
                .from(BOOKING)
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .join(REQUEST)
                .on(REQUEST.ID.eq(BOOKING.REQUEST_ID))
                .where(BOOKING.ROUND_ID.eq(roundId))
                .and(BOOKING.STATUS.eq(BookingStatus.PUBLISHED))
                .and(OFFER.COST_PER_SESSION_PENCE.gt(0))
                .orderBy(BOOKING.ID)
                .fetch(Records.mapping((schoolId, startsOn, pence) -> new BudgetRepository.Charge(
                        schoolId, AcademicYear.containing(startsOn).startYear(), pence)));
        if (!new BudgetRepository(tx).commitAll(charges)) {
            throw new IllegalStateException("A school's budget no longer covers a paid session in this round;"
                    + " re-run matching before publishing.");
        }
    }

    /** Requests whose sessions (or places) are all held by live or delivered bookings are matched. */
    private static void markMatchedRequests(DSLContext tx, long roundId) {
        var held = select(coalesce(sum(RoundProblem.BOOKING_UNITS), inline(BigDecimal.ZERO))
                        .cast(Integer.class))
                .from(BOOKING)
                .where(BOOKING.REQUEST_ID.eq(REQUEST.ID))
                .and(BOOKING.STATUS.in(BookingStatus.HELD));
        tx.update(REQUEST)
                .set(REQUEST.STATUS, RequestStatus.MATCHED)
                .where(REQUEST.ID.in(select(BOOKING.REQUEST_ID).from(BOOKING).where(BOOKING.ROUND_ID.eq(roundId))))
                .and(REQUEST.STATUS.eq(RequestStatus.OPEN))
                .and(RoundProblem.REQUEST_UNITS.le(field(held)))
                .execute();
    }

    /** A reply link for each booking of the employers with someone to tell, in digest order: booking id to link id. */
    private Map<Long, Long> replyLinks(
            DSLContext tx, List<Recipient> employers, Map<Long, List<EmployerBooking>> bookings) {
        Map<Long, OffsetDateTime> expiries = new LinkedHashMap<>();
        for (Recipient employer : employers) {
            if (employer.email() != null) {
                bookings.getOrDefault(employer.id(), List.of()).forEach(b -> expiries.put(b.id(), replyLinkExpiry(b)));
            }
        }
        return new LoginTokenRepository(tx, clock).issueBookingReplies(expiries);
    }

    /** A reply link works until the booking's last day has passed, in the schools' time zone. */
    private static OffsetDateTime replyLinkExpiry(EmployerBooking booking) {
        return booking.endsOn().plusDays(1).atStartOfDay(SCHOOLS_ZONE).toOffsetDateTime();
    }

    /** For the reply page a digest links to: the employer whose booking the link answers for, while it works. */
    public static Optional<Long> employerOfReplyToken(DSLContext dsl, Clock clock, long bookingId, String token) {
        if (!new LoginTokenRepository(dsl, clock).answersFor(token, bookingId)) {
            return Optional.empty();
        }
        return dsl.select(OFFER.EMPLOYER_ID)
                .from(BOOKING)
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .where(BOOKING.ID.eq(bookingId))
                .fetchOptional(OFFER.EMPLOYER_ID);
    }

    /**
     * Whether the school of a booking was emailed the round's digest holding it: false when its
     * school had nobody to send it to when the round was published, or the booking came from no round.
     */
    public static boolean schoolEmailedAbout(DSLContext dsl, long bookingId) {
        return dsl.select(BOOKING.ROUND_ID, REQUEST.SCHOOL_ID)
                .from(BOOKING)
                .join(REQUEST)
                .on(REQUEST.ID.eq(BOOKING.REQUEST_ID))
                .where(BOOKING.ID.eq(bookingId))
                .and(BOOKING.ROUND_ID.isNotNull())
                .fetchOptional()
                .map(b -> dsl.fetchExists(
                        OUTBOX, OUTBOX.IDEMPOTENCY_KEY.eq(RoundDigests.schoolDigestKey(b.value1(), b.value2()))))
                .orElse(false);
    }
}

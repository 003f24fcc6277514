package uk.encounters.marketplace.round;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.MATCHING_ROUND;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.USER_SCOPE;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.LoginTokens;
import uk.encounters.marketplace.booking.BookingCalendar;
import uk.encounters.marketplace.booking.EmployerBooking;
import uk.encounters.marketplace.booking.EmployerBookings;
import uk.encounters.marketplace.booking.SchoolBooking;
import uk.encounters.marketplace.booking.SchoolBookings;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.outbox.Attachment;
import uk.encounters.marketplace.outbox.LinkSlots;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.marketplace.outbox.OutboxMessage;
import uk.encounters.marketplace.school.BudgetRepository;

/**
 * Publishing a round, in one transaction: the round is marked published (only from
 * "proposed", so publishing twice, or two coordinators at once, publishes once: the second waits
 * on the row lock and then finds it published), its bookings become published with a secret reply
 * link each, paid ones commit the school's budget, requests with every session booked become
 * matched, and the outbox gets exactly one digest per employer (all its bookings this round, with
 * confirm and decline links and an .ics invitation) and one per school.
 */
public final class Publication {

    public enum Result {
        PUBLISHED,
        ALREADY_PUBLISHED,
        NOT_READY
    }

    /** @param undeliverable digests with nobody to send them to (an employer or school without a contact) */
    public record Published(Result result, int bookings, int employerDigests, int schoolDigests, int undeliverable) {

        static Published not(Result result) {
            return new Published(result, 0, 0, 0, 0);
        }
    }

    private static final ZoneId SCHOOLS_ZONE = ZoneId.of("Europe/London");

    private final String baseUrl;
    private final String productName;
    private final Clock clock;

    /** @param baseUrl where the app is reached, for the links in the digests */
    public Publication(String baseUrl, String productName, Clock clock) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.productName = productName;
        this.clock = clock;
    }

    public Published publish(DSLContext dsl, long hubId, long roundId) {
        return dsl.transactionResult(c -> publishIn(c.dsl(), hubId, roundId));
    }

    private Published publishIn(DSLContext tx, long hubId, long roundId) {
        int marked = tx.update(MATCHING_ROUND)
                .set(MATCHING_ROUND.STATUS, Round.PUBLISHED)
                // by the app's clock: the contact cap and fatigue count rounds published in the weeks before a day
                .set(MATCHING_ROUND.PUBLISHED_AT, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .where(MATCHING_ROUND.ID.eq(roundId))
                .and(MATCHING_ROUND.HUB_ID.eq(hubId))
                .and(MATCHING_ROUND.STATUS.eq(Round.PROPOSED))
                .execute();
        if (marked == 0) {
            boolean published = tx.fetchExists(
                    MATCHING_ROUND,
                    MATCHING_ROUND
                            .ID
                            .eq(roundId)
                            .and(MATCHING_ROUND.HUB_ID.eq(hubId))
                            .and(MATCHING_ROUND.STATUS.eq(Round.PUBLISHED)));
            return Published.not(published ? Result.ALREADY_PUBLISHED : Result.NOT_READY);
        }
        int published = tx.update(BOOKING)
                .set(BOOKING.STATUS, "published")
                .set(BOOKING.PINNED, false)
                .set(BOOKING.UPDATED_AT, currentOffsetDateTime())
                .where(BOOKING.ROUND_ID.eq(roundId))
                .and(BOOKING.STATUS.eq("proposed"))
                .execute();
        commitBudgets(tx, roundId);
        markMatchedRequests(tx, roundId);

        int undeliverable = 0;
        int employerDigests = 0;
        for (long employerId : tx.selectDistinct(OFFER.EMPLOYER_ID)
                .from(BOOKING)
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .where(BOOKING.ROUND_ID.eq(roundId))
                .and(BOOKING.STATUS.eq("published"))
                .orderBy(OFFER.EMPLOYER_ID)
                .fetch(OFFER.EMPLOYER_ID)) {
            Optional<String> to = employerContact(tx, employerId, roundId);
            if (to.isEmpty()) {
                undeliverable++;
                continue;
            }
            new Outbox(tx).enqueue(employerDigest(tx, employerId, roundId, to.get()));
            employerDigests++;
        }
        int schoolDigests = 0;
        for (long schoolId : tx.selectDistinct(REQUEST.SCHOOL_ID)
                .from(BOOKING)
                .join(REQUEST)
                .on(REQUEST.ID.eq(BOOKING.REQUEST_ID))
                .where(BOOKING.ROUND_ID.eq(roundId))
                .and(BOOKING.STATUS.eq("published"))
                .orderBy(REQUEST.SCHOOL_ID)
                .fetch(REQUEST.SCHOOL_ID)) {
            Optional<String> to =
                    contact(tx, USER_SCOPE.SCHOOL_ID.eq(schoolId).and(USER_SCOPE.ROLE.eq("careers_leader")));
            if (to.isEmpty()) {
                undeliverable++;
                continue;
            }
            new Outbox(tx).enqueue(schoolDigest(tx, schoolId, roundId, to.get()));
            schoolDigests++;
        }
        return new Published(Result.PUBLISHED, published, employerDigests, schoolDigests, undeliverable);
    }

    /** Paid sessions commit their cost now: the matcher kept them within what each school had left. */
    private void commitBudgets(DSLContext tx, long roundId) {
        BudgetRepository budgets = new BudgetRepository(tx);
        tx.select(REQUEST.SCHOOL_ID, BOOKING.STARTS_ON, OFFER.COST_PER_SESSION_PENCE)
                .from(BOOKING)
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .join(REQUEST)
                .on(REQUEST.ID.eq(BOOKING.REQUEST_ID))
                .where(BOOKING.ROUND_ID.eq(roundId))
                .and(BOOKING.STATUS.eq("published"))
                .and(OFFER.COST_PER_SESSION_PENCE.gt(0))
                .forEach(r -> {
                    if (!budgets.commit(
                            r.value1(), AcademicYear.containing(r.value2()).startYear(), r.value3())) {
                        throw new IllegalStateException(
                                "A school's budget no longer covers a paid session in this round;"
                                        + " re-run matching before publishing.");
                    }
                });
    }

    /** Requests whose sessions (or places) are all held by live or delivered bookings are matched. */
    private static void markMatchedRequests(DSLContext tx, long roundId) {
        var held = select(coalesce(sum(RoundProblem.BOOKING_UNITS), inline(BigDecimal.ZERO))
                        .cast(Integer.class))
                .from(BOOKING)
                .where(BOOKING.REQUEST_ID.eq(REQUEST.ID))
                .and(BOOKING.STATUS.in(RoundProblem.HELD));
        tx.update(REQUEST)
                .set(REQUEST.STATUS, "matched")
                .where(REQUEST.ID.in(select(BOOKING.REQUEST_ID).from(BOOKING).where(BOOKING.ROUND_ID.eq(roundId))))
                .and(REQUEST.STATUS.eq("open"))
                .and(RoundProblem.REQUEST_UNITS.le(field(held)))
                .execute();
    }

    /** The employer's signed-in contact, else the volunteer named on one of its offers in the round. */
    private static Optional<String> employerContact(DSLContext tx, long employerId, long roundId) {
        return contact(tx, USER_SCOPE.EMPLOYER_ID.eq(employerId).and(USER_SCOPE.ROLE.eq("employer")))
                .or(() -> tx.select(VOLUNTEER.EMAIL)
                        .from(BOOKING)
                        .join(VOLUNTEER)
                        .on(VOLUNTEER.ID.eq(BOOKING.VOLUNTEER_ID))
                        .join(OFFER)
                        .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                        .where(BOOKING.ROUND_ID.eq(roundId))
                        .and(OFFER.EMPLOYER_ID.eq(employerId))
                        .orderBy(BOOKING.ID)
                        .limit(1)
                        .fetchOptional(VOLUNTEER.EMAIL));
    }

    private static Optional<String> contact(DSLContext tx, org.jooq.Condition scope) {
        return tx.select(APP_USER.EMAIL)
                .from(USER_SCOPE)
                .join(APP_USER)
                .on(APP_USER.ID.eq(USER_SCOPE.USER_ID))
                .where(scope)
                .and(APP_USER.DISABLED_AT.isNull())
                .orderBy(USER_SCOPE.ID)
                .limit(1)
                .fetchOptional(APP_USER.EMAIL);
    }

    private OutboxMessage employerDigest(DSLContext tx, long employerId, long roundId, String to) {
        List<EmployerBooking> bookings = new EmployerBookings(tx).inRound(employerId, roundId);
        String employer = tx.select(EMPLOYER.NAME)
                .from(EMPLOYER)
                .where(EMPLOYER.ID.eq(employerId))
                .fetchOne(EMPLOYER.NAME);
        StringBuilder text = new StringBuilder();
        text.append("Hello,\n\nThank you for offering your time to young people. This week's matching round asks ")
                .append(employer)
                .append(" for ")
                .append(sessions(bookings.size()))
                .append(". This is the only request the hub will send you this round.\n\n");
        LoginTokens links = new LoginTokens(tx, clock);
        List<Long> linkIds = new ArrayList<>();
        for (EmployerBooking b : bookings) {
            long link = links.issueBookingReply(b.id(), replyLinkExpiry(b));
            linkIds.add(link);
            text.append("* ")
                    .append(b.typeLabel())
                    .append(" for ")
                    .append(b.pupils())
                    .append(" pupils in Year ")
                    .append(b.yearGroup())
                    .append(" at ")
                    .append(b.schoolName())
                    .append(", ")
                    .append(b.dates())
                    .append(" (")
                    .append(b.periodLabel())
                    .append("), ")
                    .append(b.place().label())
                    .append('\n');
            if (b.volunteerName() != null) {
                text.append("  Given by ").append(b.volunteerName()).append('\n');
            }
            text.append("  Confirm: ").append(LinkSlots.slot(link)).append("?answer=confirm\n");
            text.append("  Decline: ").append(LinkSlots.slot(link)).append("?answer=decline\n\n");
        }
        text.append("The attached calendar file holds every session. If one no longer suits, decline it and the"
                        + " school's pupils go back into matching.\n\n")
                .append(productName)
                .append('\n');
        byte[] ics = new BookingCalendar(productName + " bookings", host())
                .render(bookings, clock.instant())
                .getBytes(StandardCharsets.UTF_8);
        return new OutboxMessage(
                "round:" + roundId + ":employer:" + employerId,
                "round_digest_employer",
                to,
                "Requests from schools this week: " + sessions(bookings.size()),
                text.toString(),
                null,
                List.of(new Attachment("sessions.ics", "text/calendar; charset=UTF-8", ics)),
                linkIds);
    }

    private OutboxMessage schoolDigest(DSLContext tx, long schoolId, long roundId, String to) {
        List<SchoolBooking> bookings = new SchoolBookings(tx).inRound(schoolId, roundId);
        String school = tx.select(SCHOOL.NAME)
                .from(SCHOOL)
                .where(SCHOOL.ID.eq(schoolId))
                .fetchOne(SCHOOL.NAME);
        StringBuilder text = new StringBuilder("Hello,\n\nThis week's matching round found ")
                .append(sessions(bookings.size()))
                .append(" for ")
                .append(school)
                .append(":\n\n");
        bookings.forEach(b -> text.append("* ")
                .append(b.typeLabel())
                .append(" for ")
                .append(b.pupils())
                .append(" pupils in Year ")
                .append(b.yearGroup())
                .append(" with ")
                .append(b.employerName())
                .append(", ")
                .append(b.startsOn())
                .append(" (")
                .append(b.periodLabel())
                .append("), ")
                .append(b.placeLabel())
                .append('\n'));
        text.append("\nEach employer has been asked to confirm. Confirm your side and choose the pupils at ")
                .append(baseUrl)
                .append("/schools/")
                .append(schoolId)
                .append("/bookings\n\n")
                .append(productName)
                .append('\n');
        return new OutboxMessage(
                "round:" + roundId + ":school:" + schoolId,
                "round_digest_school",
                to,
                "Encounters matched for your pupils: " + sessions(bookings.size()),
                text.toString(),
                null);
    }

    private static String sessions(int count) {
        return count == 1 ? "one session" : count + " sessions";
    }

    /** A reply link works until the booking's last day has passed, in the schools' time zone. */
    private static OffsetDateTime replyLinkExpiry(EmployerBooking booking) {
        return booking.endsOn().plusDays(1).atStartOfDay(SCHOOLS_ZONE).toOffsetDateTime();
    }

    private String host() {
        String host = URI.create(baseUrl).getHost();
        return host == null ? "localhost" : host;
    }

    /** For the reply page a digest links to: the employer whose booking the link answers for, while it works. */
    public static Optional<Long> employerOfReplyToken(DSLContext dsl, Clock clock, long bookingId, String token) {
        if (!new LoginTokens(dsl, clock).answersFor(token, bookingId)) {
            return Optional.empty();
        }
        return dsl.select(OFFER.EMPLOYER_ID)
                .from(BOOKING)
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .where(BOOKING.ID.eq(bookingId))
                .fetchOptional(OFFER.EMPLOYER_ID);
    }
}

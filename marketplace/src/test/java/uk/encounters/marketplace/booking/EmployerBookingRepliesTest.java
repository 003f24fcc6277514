package uk.encounters.marketplace.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditEntry;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.jooq.Tables;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.ExampleLinks;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;

class EmployerBookingRepliesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final LocalDate SESSION = TODAY.plusWeeks(3);
    static final Actor BY_LINK = Actor.anonymous("198.51.100.7");

    static final Clock CLOCK =
            Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Europe/London")).toInstant(), ZoneId.of("Europe/London"));

    final EmployerBookingReplies replies =
            new EmployerBookingReplies(db.dsl(), CLOCK, ExampleLinks.cancellations(CLOCK));

    record Booked(long employerId, long bookingId, String token) {}

    /** Each test's own hub, so the tests share the database without meeting. */
    static final AtomicInteger HUBS = new AtomicInteger();

    Booked publishedBooking() {
        TestData data = new TestData(db.dsl());
        int n = HUBS.incrementAndGet();
        long hub = data.hub("Careers Hub " + n);
        long employer = data.employer(hub, "Rolls-Royce plc");
        long offer = data.offer(employer, OfferStatus.ACTIVE, SESSION.plusMonths(1));
        long request = data.request(data.school(hub, "Derby Academy"), 9, RequestStatus.MATCHED, TODAY);
        long booking = data.booking(request, offer, null, SESSION, BookingStatus.PUBLISHED);
        String token = "a-reply-link-secret-" + n;
        data.replyLink(booking, token);
        return new Booked(employer, booking, token);
    }

    @Test
    void confirmByLinkConfirmsAndAuditsItAsTheDigestLinks() {
        Booked booked = publishedBooking();

        assertThat(replies.confirmByLink(BY_LINK, booked.bookingId(), booked.token()))
                .isEqualTo(EmployerBookingRepository.Reply.DONE);

        assertThat(new EmployerBookingRepository(db.dsl()).find(booked.employerId(), booked.bookingId()))
                .hasValueSatisfying(b -> assertThat(b.confirmed()).isTrue());
        AuditEntry entry = latestAudit();
        assertThat(entry.action()).isEqualTo("booking_confirmed");
        assertThat(entry.subjectId()).isEqualTo(booked.bookingId());
        assertThat(entry.actorUserId()).isNull();
        assertThat(entry.ipAddress()).isEqualTo("198.51.100.7");
        assertThat(entry.detail()).contains("\"via\"").contains("digest link");
    }

    @Test
    void aWrongSecretAnswersNothingAndAuditsNothing() {
        Booked booked = publishedBooking();
        long before = db.dsl().fetchCount(AUDIT_LOG);

        assertThat(replies.declineByLink(BY_LINK, booked.bookingId(), "not-the-secret", "Away"))
                .isEqualTo(EmployerBookingRepository.Reply.NOT_FOUND);
        assertThat(replies.findByLink(booked.bookingId(), "not-the-secret")).isEmpty();

        assertThat(db.dsl().fetchCount(AUDIT_LOG)).isEqualTo(before);
    }

    @Test
    void aDeclineFromTheEmployersPageAuditsItsReason() {
        Booked booked = publishedBooking();

        assertThat(replies.decline(
                        new Actor(null, "2001:db8::1"), booked.employerId(), booked.bookingId(), "Volunteer away"))
                .isEqualTo(EmployerBookingRepository.Reply.DONE);

        AuditEntry entry = latestAudit();
        assertThat(entry.action()).isEqualTo("booking_declined");
        assertThat(entry.detail()).contains("Volunteer away").doesNotContain("digest link");
    }

    @Test
    void aSchoolsYesToABookingTheEmployerHasSinceDeclinedChangesNothing() {
        Booked booked = publishedBooking();
        long school = db.dsl()
                .select(Tables.REQUEST.SCHOOL_ID)
                .from(Tables.BOOKING)
                .join(Tables.REQUEST)
                .on(Tables.REQUEST.ID.eq(Tables.BOOKING.REQUEST_ID))
                .where(Tables.BOOKING.ID.eq(booked.bookingId()))
                .fetchSingle(Tables.REQUEST.SCHOOL_ID);
        // the careers leader's page read it while it was going ahead
        SchoolBooking asRead = new SchoolBookingRepository(db.dsl())
                .find(school, booked.bookingId())
                .orElseThrow();
        assertThat(replies.decline(BY_LINK, booked.employerId(), booked.bookingId(), "Volunteer away"))
                .isEqualTo(EmployerBookingRepository.Reply.DONE);

        var changes = new SchoolBookingChanges(db.dsl(), CLOCK, ExampleLinks.cancellations(CLOCK));
        assertThat(changes.confirm(BY_LINK, asRead)).isFalse();
        assertThat(db.dsl().fetchValue(Tables.BOOKING.SCHOOL_CONFIRMED_AT, Tables.BOOKING.ID.eq(booked.bookingId())))
                .isNull();
        assertThat(latestAudit().action()).isEqualTo("booking_declined");
    }

    @Test
    void anotherEmployersBookingIsNotFound() {
        Booked booked = publishedBooking();
        TestData data = new TestData(db.dsl());
        long other = data.employer(data.hub("Careers Hub " + HUBS.incrementAndGet()), "Aviva");

        assertThat(replies.confirm(BY_LINK, other, booked.bookingId()))
                .isEqualTo(EmployerBookingRepository.Reply.NOT_FOUND);
    }

    private static AuditEntry latestAudit() {
        return new AuditLog(db.dsl()).findRecent(1).getFirst();
    }
}

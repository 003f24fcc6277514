package uk.encounters.marketplace.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.MATCHING_ROUND;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.round.RoundStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.matcher.domain.Employer;

/** Asks per employer in the hub's published rounds, against what each allows, and how each answered. */
class EmployerFatigueTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static long hub;

    @BeforeAll
    static void employersAskedOftenAndRarely() {
        TestData data = new TestData(db.dsl());
        hub = data.hub("Fatigue hub");
        long request = data.request(data.school(hub, "Asking School"), 9, RequestStatus.OPEN, LocalDate.of(2026, 9, 7));
        long tenDaysAgo = publishedRound(10);
        long twentyDaysAgo = publishedRound(20);
        long fiftyDaysAgo = publishedRound(50);
        long hundredDaysAgo = publishedRound(100);
        // Busy, a small firm that allows one ask a month: asked in two rounds in four weeks, three in twelve
        long busy = employer(data, "Busy Ltd", 1, false);
        booking(data, request, busy, LocalDate.of(2026, 12, 2), BookingStatus.PUBLISHED, tenDaysAgo);
        booking(data, request, busy, LocalDate.of(2026, 11, 25), BookingStatus.CONFIRMED, twentyDaysAgo);
        booking(data, request, busy, LocalDate.of(2026, 10, 15), BookingStatus.DELIVERED, fiftyDaysAgo);
        // Steady allows two a month: asked once lately, but did not come once and cancelled late once
        long steady = employer(data, "Steady Ltd", 2, false);
        booking(data, request, steady, LocalDate.of(2026, 12, 3), BookingStatus.PUBLISHED, tenDaysAgo);
        booking(data, request, steady, LocalDate.of(2026, 11, 2), BookingStatus.NO_SHOW, fiftyDaysAgo);
        long late = booking(data, request, steady, LocalDate.of(2026, 11, 10), BookingStatus.DECLINED, fiftyDaysAgo);
        db.dsl()
                .update(BOOKING)
                .set(BOOKING.DECLINED_BY, "employer")
                .set(BOOKING.LATE_CANCELLATION, true)
                .where(BOOKING.ID.eq(late))
                .execute();
        // Decliner allows one a month, was asked once and said no in good time
        long decliner = employer(data, "Decliner Ltd", 1, false);
        long declined =
                booking(data, request, decliner, LocalDate.of(2026, 11, 30), BookingStatus.DECLINED, tenDaysAgo);
        db.dsl()
                .update(BOOKING)
                .set(BOOKING.DECLINED_BY, "employer")
                .where(BOOKING.ID.eq(declined))
                .execute();
        // a cornerstone has no cap on sessions
        long cornerstone = employer(data, "Cornerstone Trust", 4, true);
        booking(data, request, cornerstone, LocalDate.of(2026, 12, 1), BookingStatus.PUBLISHED, tenDaysAgo);
        // not listed: asked only long ago, never asked, another hub's
        booking(
                data,
                request,
                employer(data, "Long Ago Ltd", 1, false),
                LocalDate.of(2026, 8, 10),
                BookingStatus.DELIVERED,
                hundredDaysAgo);
        employer(data, "Quiet Ltd", 1, false);
        data.employer(data.hub("Other hub"), "Elsewhere Ltd");
    }

    @Test
    void theMostAskedComeFirstWithTheirCapsAndLetDowns() {
        List<EmployerFatigue> employers = EmployerFatigue.forHub(db.dsl(), hub, TODAY, 100);

        assertThat(employers)
                .extracting(EmployerFatigue::name)
                .containsExactly("Busy Ltd", "Steady Ltd", "Cornerstone Trust", "Decliner Ltd");
        EmployerFatigue busy = employers.get(0);
        assertThat(busy.asksLastFourWeeks()).isEqualTo(2);
        assertThat(busy.asksLastTwelveWeeks()).isEqualTo(3);
        assertThat(busy.overCap()).isTrue();
        assertThat(busy.sessionsNextRound()).isZero();
        assertThat(busy.nextRound()).isEqualTo("not asked (cap reached)");
        EmployerFatigue steady = employers.get(1);
        assertThat(steady.atCap()).isFalse();
        assertThat(steady.noShows()).isEqualTo(1);
        assertThat(steady.lateCancellations()).isEqualTo(1);
        assertThat(steady.declines()).isZero();
        assertThat(steady.sessionsNextRound()).isEqualTo(1);
        assertThat(steady.nextRound()).isEqualTo("up to 1 session (let schools down lately)");
        assertThat(employers.get(2).sessionsNextRound()).isEqualTo(Employer.NO_CAP);
        assertThat(employers.get(2).nextRound()).isEqualTo("no cap (cornerstone)");
        EmployerFatigue decliner = employers.get(3);
        assertThat(decliner.declines()).isEqualTo(1);
        assertThat(decliner.atCap()).isTrue();
        assertThat(decliner.overCap()).isFalse();
    }

    @Test
    void theListStopsAtTheLimit() {
        assertThat(EmployerFatigue.forHub(db.dsl(), hub, TODAY, 2))
                .extracting(EmployerFatigue::name)
                .containsExactly("Busy Ltd", "Steady Ltd");
    }

    /** Late cancellations are counted among the declined bookings, so the schema keeps the flag there. */
    @Test
    void onlyADeclinedBookingCanBeALateCancellation() {
        assertThatThrownBy(() -> db.dsl()
                        .update(BOOKING)
                        .set(BOOKING.LATE_CANCELLATION, true)
                        .where(BOOKING.STATUS.eq(BookingStatus.PUBLISHED))
                        .execute())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("booking_late_cancellation_ck");
        assertThat(EmployerFatigue.forHub(db.dsl(), hub, TODAY, 10))
                .extracting(EmployerFatigue::lateCancellations)
                .containsExactly(0, 1, 0, 0);
    }

    private static long employer(TestData data, String name, int maxAsksPerMonth, boolean cornerstone) {
        long id = data.employer(hub, name);
        data.presence(id, hub, cornerstone, maxAsksPerMonth);
        return id;
    }

    private static long booking(
            TestData data, long request, long employer, LocalDate on, BookingStatus status, long round) {
        long booking = data.booking(
                request, data.offer(employer, OfferStatus.ACTIVE, LocalDate.of(2027, 3, 1)), null, on, status);
        db.dsl()
                .update(BOOKING)
                .set(BOOKING.ROUND_ID, round)
                .where(BOOKING.ID.eq(booking))
                .execute();
        return booking;
    }

    private static long publishedRound(int daysAgo) {
        var at = TODAY.minusDays(daysAgo).atTime(9, 0).atOffset(ZoneOffset.UTC);
        return db.dsl()
                .insertInto(MATCHING_ROUND)
                .set(MATCHING_ROUND.HUB_ID, hub)
                .set(MATCHING_ROUND.STATUS, RoundStatus.PUBLISHED)
                .set(MATCHING_ROUND.HORIZON_START, TODAY.minusDays(daysAgo).plusWeeks(1))
                .set(MATCHING_ROUND.HORIZON_END, TODAY.minusDays(daysAgo).plusWeeks(7))
                .set(MATCHING_ROUND.CREATED_AT, at)
                .set(MATCHING_ROUND.PUBLISHED_AT, at)
                .returning(MATCHING_ROUND.ID)
                .fetchOne()
                .getId();
    }
}

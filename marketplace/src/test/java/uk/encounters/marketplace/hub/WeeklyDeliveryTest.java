package uk.encounters.marketplace.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;

/** Planned against delivered, week by week, from September to the end of the next round's weeks. */
class WeeklyDeliveryTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static long hub;

    @BeforeAll
    static void bookingsOfEveryKind() {
        TestData data = new TestData(db.dsl());
        hub = data.hub("Delivery hub");
        long school = data.school(hub, "Delivering School");
        long request = data.request(school, 9, RequestStatus.OPEN, LocalDate.of(2026, 9, 7));
        long offer = data.offer(data.employer(hub, "Giver Ltd"), OfferStatus.ACTIVE, LocalDate.of(2027, 3, 1));
        long[] pupils = {data.pupil(school, 9), data.pupil(school, 9), data.pupil(school, 9)};
        // week of 7 September: 15 places, one pupil attended
        attend(booking(data, request, offer, LocalDate.of(2026, 9, 8), BookingStatus.DELIVERED, 15), pupils[0], true);
        // week of 16 November: delivered (2 of 3 attended), a no-show, a late cancellation; a decline in good time
        long delivered = booking(data, request, offer, LocalDate.of(2026, 11, 16), BookingStatus.DELIVERED, 30);
        attend(delivered, pupils[0], true);
        attend(delivered, pupils[1], true);
        attend(delivered, pupils[2], false);
        booking(data, request, offer, LocalDate.of(2026, 11, 17), BookingStatus.NO_SHOW, 20);
        long late = booking(data, request, offer, LocalDate.of(2026, 11, 19), BookingStatus.DECLINED, 10);
        db.dsl()
                .update(BOOKING)
                .set(BOOKING.LATE_CANCELLATION, true)
                .set(BOOKING.DECLINED_BY, "employer")
                .where(BOOKING.ID.eq(late))
                .execute();
        booking(data, request, offer, LocalDate.of(2026, 11, 18), BookingStatus.DECLINED, 25);
        // week of 30 November: published, and a proposal not yet published
        booking(data, request, offer, LocalDate.of(2026, 12, 2), BookingStatus.PUBLISHED, 30);
        booking(data, request, offer, LocalDate.of(2026, 12, 3), BookingStatus.PROPOSED, 30);
        // another hub's booking in the same week
        long otherHub = data.hub("Other hub");
        booking(
                data,
                data.request(data.school(otherHub, "Other School"), 9, RequestStatus.OPEN, LocalDate.of(2026, 9, 7)),
                data.offer(data.employer(otherHub, "Other Ltd"), OfferStatus.ACTIVE, LocalDate.of(2027, 3, 1)),
                LocalDate.of(2026, 11, 16),
                BookingStatus.DELIVERED,
                30);
    }

    @Test
    void plannedAndDeliveredAreCountedPerSchoolWeek() {
        List<WeeklyDelivery> weeks = WeeklyDelivery.forHub(db.dsl(), hub, TODAY);

        assertThat(week(weeks, LocalDate.of(2026, 11, 16)))
                .isEqualTo(new WeeklyDelivery(LocalDate.of(2026, 11, 16), 3, 1, 60, 2, false));
        assertThat(week(weeks, LocalDate.of(2026, 11, 16)).percentDelivered()).isEqualTo(3);
        assertThat(week(weeks, LocalDate.of(2026, 9, 7)))
                .isEqualTo(new WeeklyDelivery(LocalDate.of(2026, 9, 7), 1, 1, 15, 1, false));
        assertThat(week(weeks, LocalDate.of(2026, 11, 30)))
                .isEqualTo(new WeeklyDelivery(LocalDate.of(2026, 11, 30), 1, 0, 30, 0, true));
        assertThat(week(weeks, LocalDate.of(2026, 11, 23)))
                .isEqualTo(new WeeklyDelivery(LocalDate.of(2026, 11, 23), 0, 0, 0, 0, false));
    }

    @Test
    void theWeeksRunFromSeptemberToTheEndOfTheNextRoundSkippingHolidays() {
        List<LocalDate> mondays = WeeklyDelivery.forHub(db.dsl(), hub, TODAY).stream()
                .map(WeeklyDelivery::monday)
                .toList();

        assertThat(mondays.getFirst()).isEqualTo(LocalDate.of(2026, 8, 31));
        assertThat(mondays.getLast()).isEqualTo(LocalDate.of(2027, 1, 18));
        assertThat(mondays)
                .doesNotContain(LocalDate.of(2026, 10, 26), LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 28));
        assertThat(mondays).hasSize(18);
    }

    private static WeeklyDelivery week(List<WeeklyDelivery> weeks, LocalDate monday) {
        return weeks.stream().filter(w -> w.monday().equals(monday)).findFirst().orElseThrow();
    }

    private static long booking(
            TestData data, long request, long offer, LocalDate on, BookingStatus status, int pupils) {
        long booking = data.booking(request, offer, null, on, status);
        db.dsl()
                .update(BOOKING)
                .set(BOOKING.PUPILS, pupils)
                .where(BOOKING.ID.eq(booking))
                .execute();
        return booking;
    }

    private static void attend(long booking, long pupil, boolean attended) {
        db.dsl()
                .insertInto(
                        ENCOUNTER,
                        ENCOUNTER.PUPIL_ID,
                        ENCOUNTER.BOOKING_ID,
                        ENCOUNTER.ENCOUNTER_TYPE,
                        ENCOUNTER.OCCURRED_ON,
                        ENCOUNTER.ATTENDED)
                .values(
                        pupil,
                        booking,
                        "careers_talk",
                        db.dsl()
                                .select(BOOKING.STARTS_ON)
                                .from(BOOKING)
                                .where(BOOKING.ID.eq(booking))
                                .fetchOne()
                                .value1(),
                        attended)
                .execute();
    }
}

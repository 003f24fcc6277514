package uk.encounters.marketplace.pupil;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.OFFER;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.marketplace.testing.WorkplaceData;
import uk.encounters.marketplace.testing.WorkplaceData.Where;

/**
 * Migration V23 gives the workplace experiences attended before it the hours {@link WorkplaceHours}
 * gives a booking: its SQL and the Java rule agree, booking by booking.
 */
class WorkplaceHoursBackfillTest {

    /** As a release before hours left it: V21 (V22, another slice's, changes nothing here). */
    @RegisterExtension
    static final TestDatabase db = TestDatabase.migratedTo("21");

    static final LocalDate MONDAY = LocalDate.of(2026, 6, 15);

    record Booked(long booking, LocalDate first, LocalDate last, String period) {}

    @Test
    void bookingsAttendedBeforeGetTheUsualHoursOfTheirDaysAndPeriod() {
        TestData data = new TestData(db.dsl());
        WorkplaceData workplace = new WorkplaceData(db.dsl());
        long hub = data.hub("Backfill hub");
        long school = data.school(hub, "Backfill School");
        long employer = data.employer(hub, "Backfill Host");
        long pupil = data.pupil(school, 12);
        long absent = data.pupil(school, 12);
        Map<Long, Booked> booked = new HashMap<>();
        for (Booked b : new Booked[] {
            new Booked(0, MONDAY, MONDAY, "all_day"),
            new Booked(0, MONDAY.plusDays(1), MONDAY.plusDays(1), "morning"),
            new Booked(0, MONDAY.plusDays(2), MONDAY.plusDays(2), "afternoon"),
            new Booked(0, MONDAY.plusWeeks(1), MONDAY.plusWeeks(1).plusDays(4), "all_day"),
            new Booked(0, MONDAY.plusWeeks(2), MONDAY.plusWeeks(3).plusDays(4), "all_day"),
            new Booked(0, MONDAY.minusDays(2), MONDAY.minusDays(2), "all_day")
        }) {
            long booking = workplace.booking(
                    workplace.request(school, 12, "work_experience", Where.AT_WORKPLACE),
                    offer(data, employer, "work_experience", Where.AT_WORKPLACE),
                    b.first(),
                    b.last(),
                    b.period());
            attended(pupil, booking, "work_experience", b.first(), true);
            booked.put(booking, new Booked(booking, b.first(), b.last(), b.period()));
        }
        long online = workplace.booking(
                workplace.request(school, 12, "workplace_visit", Where.ONLINE),
                offer(data, employer, "workplace_visit", Where.ONLINE),
                MONDAY,
                MONDAY,
                "morning");
        attended(pupil, online, "workplace_visit", MONDAY, true);
        long missed = workplace.booking(
                workplace.request(school, 12, "workplace_visit", Where.AT_WORKPLACE),
                offer(data, employer, "workplace_visit", Where.AT_WORKPLACE),
                MONDAY,
                MONDAY,
                "morning");
        attended(absent, missed, "workplace_visit", MONDAY, false);
        long talk = workplace.booking(
                workplace.request(school, 12, "careers_talk", new Where(true, false, false)),
                offer(data, employer, "careers_talk", new Where(true, false, false)),
                MONDAY,
                MONDAY,
                "morning");
        attended(pupil, talk, "careers_talk", MONDAY, true);

        db.database().migrate();

        booked.values()
                .forEach(b -> assertThat(hoursOf(b.booking()))
                        .as("%s to %s, %s", b.first(), b.last(), b.period())
                        .isEqualTo(WorkplaceHours.forBooking(b.first(), b.last(), b.period())));
        assertThat(booked.values().stream().map(b -> hoursOf(b.booking())).map(Hours::figure))
                .containsExactlyInAnyOrder("5", "3", "2", "25", "50", "5");
        assertThat(db.dsl().fetchValue(ENCOUNTER.HOURS, ENCOUNTER.BOOKING_ID.eq(online)))
                .as("online: no offer was interactive before")
                .isNull();
        assertThat(db.dsl().fetchValue(ENCOUNTER.HOURS, ENCOUNTER.BOOKING_ID.eq(missed)))
                .as("absent")
                .isNull();
        assertThat(db.dsl().fetchValue(ENCOUNTER.HOURS, ENCOUNTER.BOOKING_ID.eq(talk)))
                .as("not a workplace experience")
                .isNull();
    }

    /** An offer as the release before made them: no word on whether it is interactive. */
    private static long offer(TestData data, long employer, String type, Where where) {
        long offer = data.offer(employer, OfferStatus.ACTIVE, LocalDate.of(2026, 12, 31));
        db.dsl()
                .update(OFFER)
                .set(OFFER.ENCOUNTER_TYPE, type)
                .set(OFFER.IN_SCHOOL, where.inSchool())
                .set(OFFER.AT_WORKPLACE, where.atWorkplace())
                .set(OFFER.ONLINE, where.online())
                .where(OFFER.ID.eq(offer))
                .execute();
        return offer;
    }

    private static void attended(long pupil, long booking, String type, LocalDate on, boolean came) {
        db.dsl()
                .insertInto(
                        ENCOUNTER,
                        ENCOUNTER.PUPIL_ID,
                        ENCOUNTER.BOOKING_ID,
                        ENCOUNTER.ENCOUNTER_TYPE,
                        ENCOUNTER.OCCURRED_ON,
                        ENCOUNTER.ATTENDED)
                .values(pupil, booking, type, on, came)
                .execute();
    }

    private static Hours hoursOf(long booking) {
        return Hours.of(db.dsl().fetchValue(ENCOUNTER.HOURS, ENCOUNTER.BOOKING_ID.eq(booking)));
    }
}

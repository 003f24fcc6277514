package uk.encounters.web.cli;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.OFFER_AVAILABILITY;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashSet;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.booking.BookingCancellations;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.booking.SchoolBookingChanges;
import uk.encounters.marketplace.booking.SchoolBookingRepository;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.offer.Sectors;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.web.WebServer;
import uk.encounters.web.account.Links;

/**
 * Work experience the demo shows from its first start: the demo employer hosts a placement week in
 * June for three Year 10 pupils of the demo careers leader's school, booked and with the pupils
 * chosen, so each role finds the placement chain at its first step (the host's paperwork to give,
 * then the school's check, the parents' agreement and the pupils' checklist).
 */
public final class DemoPlacements {

    static final int PUPILS = 3;

    private DemoPlacements() {}

    /** The placements' booking, made in one transaction; empty when the hub has no such school or employer. */
    public static Optional<Long> add(Database database, Links links, Clock clock) {
        return database.dsl().transactionResult(c -> {
            DSLContext tx = c.dsl();
            Long hub = tx.select(DSL.min(HUB.ID)).from(HUB).fetchOne(0, Long.class);
            Long school = hub == null ? null : DemoSignIns.demoSchool(tx, hub);
            Long host = hub == null ? null : DemoSignIns.demoEmployer(tx, hub);
            var pupils = school == null
                    ? java.util.List.<Long>of()
                    : tx.select(PUPIL.ID)
                            .from(PUPIL)
                            .where(PUPIL.SCHOOL_ID.eq(school))
                            .and(PUPIL.YEAR_GROUP.eq((short) 10))
                            .and(PUPIL.ARCHIVED_ON.isNull())
                            .orderBy(PUPIL.ID)
                            .limit(PUPILS)
                            .fetch(PUPIL.ID);
            if (host == null || pupils.size() < PUPILS) {
                return Optional.<Long>empty();
            }
            // a week in the second half of June, when schools commonly send Year 10 on placements
            LocalDate today = LocalDate.now(clock);
            LocalDate starts = LocalDate.of(AcademicYear.containing(today).startYear() + 1, 6, 15)
                    .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            LocalDate ends = starts.plusDays(4);
            String code = EncounterType.WORK_EXPERIENCE.code();
            String hostName = tx.fetchValue(EMPLOYER.NAME, EMPLOYER.ID.eq(host));
            long offer = tx.insertInto(OFFER)
                    .set(OFFER.EMPLOYER_ID, host)
                    .set(OFFER.HUB_ID, hub)
                    .set(OFFER.ENCOUNTER_TYPE, code)
                    .set(OFFER.TITLE, "Work experience week at " + hostName)
                    .set(
                            OFFER.SECTOR,
                            Optional.ofNullable(tx.fetchValue(EMPLOYER.SECTOR, EMPLOYER.ID.eq(host)))
                                    .orElse(Sectors.ALL.getFirst()))
                    .set(OFFER.YEAR_GROUP_MIN, (short) 10)
                    .set(OFFER.YEAR_GROUP_MAX, (short) 12)
                    .set(OFFER.IN_SCHOOL, false)
                    .set(OFFER.AT_WORKPLACE, true)
                    .set(OFFER.PUPILS_MAX, PUPILS)
                    .set(OFFER.PLACES, PUPILS)
                    .set(OFFER.MAX_SESSIONS, 1)
                    .set(OFFER.STATUS, OfferStatus.ACTIVE)
                    .set(OFFER.AVAILABLE_FROM, today)
                    .set(OFFER.AVAILABLE_UNTIL, ends)
                    .returning(OFFER.ID)
                    .fetchSingle()
                    .getId();
            tx.insertInto(OFFER_AVAILABILITY)
                    .set(OFFER_AVAILABILITY.OFFER_ID, offer)
                    .set(OFFER_AVAILABILITY.AVAILABLE_ON, starts)
                    .set(OFFER_AVAILABILITY.PERIOD, "all_day")
                    .execute();
            long request = tx.insertInto(REQUEST)
                    .set(REQUEST.SCHOOL_ID, school)
                    .set(REQUEST.YEAR_GROUP, (short) 10)
                    .set(REQUEST.ENCOUNTER_TYPE, code)
                    .set(REQUEST.PUPILS, PUPILS)
                    .set(REQUEST.SESSIONS, 1)
                    .set(REQUEST.WINDOW_START, starts)
                    .set(REQUEST.WINDOW_END, ends)
                    .set(REQUEST.IN_SCHOOL, false)
                    .set(REQUEST.AT_WORKPLACE, true)
                    .set(REQUEST.ONLINE, false)
                    .set(REQUEST.STATUS, RequestStatus.MATCHED)
                    .returning(REQUEST.ID)
                    .fetchSingle()
                    .getId();
            long booking = tx.insertInto(BOOKING)
                    .set(BOOKING.REQUEST_ID, request)
                    .set(BOOKING.OFFER_ID, offer)
                    .set(BOOKING.ENCOUNTER_TYPE, code)
                    .set(BOOKING.STARTS_ON, starts)
                    .set(BOOKING.ENDS_ON, ends)
                    .set(BOOKING.PERIOD, "all_day")
                    .set(BOOKING.PUPILS, PUPILS)
                    .set(BOOKING.STATUS, BookingStatus.CONFIRMED)
                    .returning(BOOKING.ID)
                    .fetchSingle()
                    .getId();
            // chosen as the careers leader would choose them, which makes a placement each
            new SchoolBookingChanges(tx, clock, new BookingCancellations(links, WebServer.PRODUCT_NAME, clock))
                    .choosePupils(
                            Actor.anonymous("127.0.0.1"),
                            new SchoolBookingRepository(tx)
                                    .find(school, booking)
                                    .orElseThrow(),
                            new LinkedHashSet<>(pupils));
            return Optional.of(booking);
        });
    }
}

package uk.encounters.demo.simulation;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.booking.NoShow;
import uk.encounters.marketplace.booking.SchoolBooking;
import uk.encounters.marketplace.booking.SchoolBookingRepository;
import uk.encounters.marketplace.pupil.PupilProgress;

/**
 * The days sessions take place. A school chooses who goes as soon as a booking reaches it: with
 * the product, the booking page's suggestion (the pupils with most to gain, by the pupil-value
 * rule); without it, a class (pupils of the year group drawn at random). On the day the employer
 * comes, or now and then does not (a no-show), and the school records the register through the
 * same calls its attendance page makes: each chosen pupil present or absent.
 */
final class SessionDays {

    private final Draws draws;
    private final Behaviour behaviour;
    private final long hubId;
    private final boolean suggestedPupils;
    private final Absences absences;

    SessionDays(Draws draws, Behaviour behaviour, long hubId, boolean suggestedPupils) {
        this.draws = draws;
        this.behaviour = behaviour;
        this.hubId = hubId;
        this.suggestedPupils = suggestedPupils;
        this.absences = new Absences(draws, behaviour);
    }

    /** Each school chooses the pupils for its bookings in the round, in booking order. */
    void choosePupils(DSLContext dsl, long roundId, LocalDate today) {
        dsl.select(BOOKING.ID, REQUEST.SCHOOL_ID)
                .from(BOOKING)
                .join(REQUEST)
                .on(REQUEST.ID.eq(BOOKING.REQUEST_ID))
                .where(BOOKING.ROUND_ID.eq(roundId))
                .and(BOOKING.STATUS.in(BookingStatus.AGREED))
                .orderBy(BOOKING.ID)
                .forEach(r -> dsl.transaction(c -> {
                    SchoolBookingRepository bookings = new SchoolBookingRepository(c.dsl());
                    long schoolId = r.get(REQUEST.SCHOOL_ID);
                    bookings.find(schoolId, r.get(BOOKING.ID)).ifPresent(b -> choose(bookings, schoolId, b, today));
                }));
    }

    /** Sessions of the hub still live whose day has come: delivered with a register, or a no-show. */
    void deliver(DSLContext dsl, LocalDate today) {
        var due = dsl.select(
                        BOOKING.ID,
                        REQUEST.SCHOOL_ID,
                        BOOKING.REQUEST_ID,
                        BOOKING.EVENT_ID,
                        BOOKING.OFFER_ID,
                        BOOKING.STARTS_ON,
                        BOOKING.PERIOD)
                .from(BOOKING)
                .join(REQUEST)
                .on(REQUEST.ID.eq(BOOKING.REQUEST_ID))
                .join(SCHOOL)
                .on(SCHOOL.ID.eq(REQUEST.SCHOOL_ID))
                .where(SCHOOL.HUB_ID.eq(hubId))
                .and(BOOKING.STATUS.in(BookingStatus.AGREED))
                .and(BOOKING.STARTS_ON.le(today))
                .orderBy(BOOKING.ID)
                .fetch();
        for (var r : due) {
            long bookingId = r.get(BOOKING.ID);
            SessionKey session = SessionKey.of(r);
            if (draws.chance("no-show/" + session.name(), behaviour.noShowShare())) {
                dsl.transaction(c -> NoShow.record(c.dsl(), bookingId, today));
                continue;
            }
            long schoolId = r.get(REQUEST.SCHOOL_ID);
            dsl.transaction(c -> {
                SchoolBookingRepository bookings = new SchoolBookingRepository(c.dsl());
                SchoolBooking booking = bookings.find(schoolId, bookingId).orElseThrow();
                if (!booking.attendanceDue(today)) {
                    return;
                }
                Set<Long> listed = bookings.chosen(booking.id());
                if (listed.isEmpty()) {
                    listed = choose(bookings, schoolId, booking, booking.startsOn());
                }
                bookings.recordAttendance(
                        booking, listed, absences.present(c.dsl(), listed, booking.startsOn()), Map.of());
            });
        }
    }

    private Set<Long> choose(SchoolBookingRepository bookings, long schoolId, SchoolBooking booking, LocalDate today) {
        List<PupilProgress> candidates = bookings.candidates(schoolId, booking, today);
        if (!suggestedPupils) {
            candidates = new ArrayList<>(candidates);
            Collections.shuffle(candidates, draws.of("class/" + booking.id()));
        }
        Set<Long> chosen = new LinkedHashSet<>();
        for (PupilProgress pupil : candidates) {
            if (chosen.size() == booking.pupils()) {
                break;
            }
            chosen.add(pupil.pupilId());
        }
        bookings.choose(booking.id(), chosen);
        return chosen;
    }
}

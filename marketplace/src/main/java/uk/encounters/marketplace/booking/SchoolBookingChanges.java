package uk.encounters.marketplace.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.placement.PlacementRepository;
import uk.encounters.marketplace.pupil.Hours;
import uk.encounters.matcher.domain.EncounterType;

/**
 * What a school's careers leader changes on a booking: confirming or declining it, choosing who
 * goes, recording who attended or that the employer did not come. Each change and its audit entry
 * are one transaction.
 */
public final class SchoolBookingChanges {

    private final DSLContext dsl;
    private final Clock clock;
    private final BookingCancellations cancellations;

    public SchoolBookingChanges(DSLContext dsl, Clock clock, BookingCancellations cancellations) {
        this.dsl = dsl;
        this.clock = clock;
        this.cancellations = cancellations;
    }

    /** The school's yes; false when the booking can no longer be answered. */
    public boolean confirm(Actor actor, SchoolBooking booking) {
        return dsl.transactionResult(c -> {
            boolean confirmed = new SchoolBookingRepository(c.dsl()).confirm(booking, today());
            if (confirmed) {
                new AuditLog(c.dsl()).record(actor, "booking_confirmed_by_school", "booking", booking.id(), Map.of());
            }
            return confirmed;
        });
    }

    /**
     * What confirming several bookings at once did: those confirmed, and those skipped with why
     * (each skipped one as the school knows it, or only a count for ids that are not the school's).
     */
    public record SeveralConfirmed(List<SchoolBooking> confirmed, List<Skipped> skipped, int notTheSchools) {}

    /** A booking left as it was, and why. */
    public record Skipped(SchoolBooking booking, String reason) {}

    /**
     * The school's yes to several bookings, in one transaction with an audit entry for each, as a
     * single confirm makes. Only the school's own bookings are looked at; any that can no longer be
     * confirmed (its day has come, it was declined, or the school had already said yes) is skipped.
     */
    public SeveralConfirmed confirmSeveral(Actor actor, long schoolId, Set<Long> bookingIds) {
        return dsl.transactionResult(c -> {
            SchoolBookingRepository bookings = new SchoolBookingRepository(c.dsl());
            AuditLog audit = new AuditLog(c.dsl());
            LocalDate today = today();
            List<SchoolBooking> confirmed = new ArrayList<>();
            List<Skipped> skipped = new ArrayList<>();
            int notTheSchools = 0;
            for (long id : bookingIds) {
                Optional<SchoolBooking> found = bookings.find(schoolId, id);
                if (found.isEmpty()) {
                    notTheSchools++;
                    continue;
                }
                SchoolBooking booking = found.get();
                String reason = whyNotConfirmable(booking, today);
                if (reason != null) {
                    skipped.add(new Skipped(booking, reason));
                    continue;
                }
                if (!bookings.confirm(booking, today)) {
                    // declined by the employer between reading and confirming
                    skipped.add(new Skipped(booking, "it is no longer going ahead"));
                    continue;
                }
                audit.record(actor, "booking_confirmed_by_school", "booking", booking.id(), Map.of("several", true));
                confirmed.add(booking);
            }
            return new SeveralConfirmed(confirmed, skipped, notTheSchools);
        });
    }

    /** Why the school cannot confirm the booking now, or null when it can. */
    private static String whyNotConfirmable(SchoolBooking booking, LocalDate today) {
        if (!BookingStatus.AGREED.contains(booking.status())) {
            return "it is no longer going ahead";
        }
        if (!booking.answerable(today)) {
            return "its day has come, so it can no longer be confirmed";
        }
        if (booking.schoolConfirmed()) {
            return "your school had already confirmed it";
        }
        return null;
    }

    /**
     * The school's no, with a reason: the request opens again, and the employer is told (its calendar
     * event cancelled). False when it can no longer be answered.
     */
    public boolean decline(Actor actor, SchoolBooking booking, String reason) {
        return dsl.transactionResult(c -> {
            boolean declined = new SchoolBookingRepository(c.dsl()).decline(booking, reason, today());
            if (declined) {
                new AuditLog(c.dsl())
                        .record(actor, "booking_declined_by_school", "booking", booking.id(), Map.of("reason", reason));
                cancellations.declinedBySchool(c.dsl(), booking.id());
            }
            return declined;
        });
    }

    /** The employer did not come; false unless the session has started with no attendance recorded. */
    public boolean recordNoShow(Actor actor, SchoolBooking booking) {
        return dsl.transactionResult(c -> {
            boolean recorded = new SchoolBookingRepository(c.dsl()).recordNoShow(booking, today());
            if (recorded) {
                new AuditLog(c.dsl()).record(actor, "booking_no_show", "booking", booking.id(), Map.of());
            }
            return recorded;
        });
    }

    /** Who goes; the caller has checked they are the year group's pupils and not too many. */
    public void choosePupils(Actor actor, SchoolBooking booking, Set<Long> pupilIds) {
        dsl.transaction(c -> {
            new SchoolBookingRepository(c.dsl()).choose(booking.id(), pupilIds);
            if (EncounterType.fromCode(booking.encounterType()) == EncounterType.WORK_EXPERIENCE) {
                new PlacementRepository(c.dsl(), clock).placeBooked(booking.id(), pupilIds);
            }
            new AuditLog(c.dsl())
                    .record(actor, "booking_pupils_chosen", "booking", booking.id(), Map.of("pupils", pupilIds.size()));
        });
    }

    /**
     * Who came, of those listed, and for a workplace experience their hours (the booking's usual
     * hours for anyone not given); recording again corrects it, and the audit entry says so.
     */
    public SchoolBookingRepository.Attendance recordAttendance(
            Actor actor, SchoolBooking booking, Set<Long> listed, Set<Long> present, Map<Long, Hours> hours) {
        return dsl.transactionResult(c -> {
            SchoolBookingRepository.Attendance attendance =
                    new SchoolBookingRepository(c.dsl()).recordAttendance(booking, listed, present, hours);
            new AuditLog(c.dsl())
                    .record(
                            actor,
                            attendance.changed() > 0 ? "attendance_changed" : "attendance_recorded",
                            "booking",
                            booking.id(),
                            Map.of(
                                    "attended", attendance.attended(),
                                    "absent", attendance.absent(),
                                    "changed", attendance.changed(),
                                    "paid_pence", attendance.paidPence(),
                                    "budget_uncovered", attendance.uncovered()));
            return attendance;
        });
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}

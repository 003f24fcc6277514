package uk.encounters.marketplace.feedback;

import java.time.LocalDate;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.matcher.explain.DateStyle;

/** A booking as its feedback forms name it: what it was, who gave it, where and when. */
public record FeedbackBooking(
        long id,
        long schoolId,
        long employerId,
        String schoolName,
        String employerName,
        String encounterType,
        LocalDate startsOn,
        LocalDate endsOn,
        BookingStatus status) {

    public String typeLabel() {
        return EncounterType.fromCode(encounterType).label();
    }

    /** "Tue 8 Dec 2026", or a range for several days. */
    public String dates() {
        return DateStyle.range(startsOn, endsOn);
    }

    /**
     * The session happened: attendance is recorded, or it was confirmed and its last day is over.
     * Only then do the school and the employer say how it went.
     */
    public boolean given(LocalDate today) {
        return status == BookingStatus.DELIVERED || status == BookingStatus.CONFIRMED && endsOn.isBefore(today);
    }

    /** The pupils' questions open once the session has started (on the day, at its end), for a booking that went ahead. */
    public boolean started(LocalDate today) {
        return !startsOn.isAfter(today) && (BookingStatus.AGREED.contains(status) || status == BookingStatus.DELIVERED);
    }
}

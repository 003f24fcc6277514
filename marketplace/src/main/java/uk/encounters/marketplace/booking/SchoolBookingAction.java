package uk.encounters.marketplace.booking;

import java.time.LocalDate;

/**
 * What a booking needs from the school next, worked out here and nowhere else: the bookings list
 * tags each booking with it and the school's landing page counts it. A careers leader with an hour
 * a fortnight reads the list as a to-do list, not as a column of "published".
 */
public enum SchoolBookingAction {
    /** Published and still to come, and the school has not said yes. */
    TO_CONFIRM("To confirm", "tag--blue"),
    /** Still to come, with fewer pupils chosen than places. */
    CHOOSE_PUPILS("Choose pupils", "tag--yellow"),
    /** The day has come and nobody has recorded who attended. */
    REGISTER_DUE("Register due", "tag--red"),
    /** Confirmed, the pupils chosen: nothing to do until the day. */
    READY("Ready", "tag--green"),
    /** Attendance recorded: the encounters count. */
    DELIVERED("Attendance recorded", "tag--grey"),
    /** Declined, cancelled or the employer did not come: nothing more to do. */
    NOT_GOING_AHEAD("Not going ahead", "tag--grey");

    private final String label;
    private final String tagClass;

    SchoolBookingAction(String label, String tagClass) {
        this.label = label;
        this.tagClass = tagClass;
    }

    /**
     * The booking's next action on {@code today}. The register comes before confirming: on the day
     * a booking can no longer be answered, only recorded.
     */
    public static SchoolBookingAction of(SchoolBooking booking, LocalDate today) {
        if (booking.status() == BookingStatus.DELIVERED || booking.attendanceRecorded()) {
            return DELIVERED;
        }
        if (!BookingStatus.AGREED.contains(booking.status())) {
            return NOT_GOING_AHEAD;
        }
        if (booking.attendanceDue(today)) {
            return REGISTER_DUE;
        }
        if (booking.answerable(today) && !booking.schoolConfirmed()) {
            return TO_CONFIRM;
        }
        return booking.chosen() < booking.pupils() ? CHOOSE_PUPILS : READY;
    }

    /** The words on the tag. */
    public String label() {
        return label;
    }

    /** The tag's colour, a GOV.UK-style modifier class. */
    public String tagClass() {
        return tagClass;
    }

    /** Something the careers leader has to do, as the landing page counts it. */
    public boolean needsAction() {
        return this == TO_CONFIRM || this == CHOOSE_PUPILS || this == REGISTER_DUE;
    }
}

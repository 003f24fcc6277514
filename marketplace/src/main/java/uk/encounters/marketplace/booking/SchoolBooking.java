package uk.encounters.marketplace.booking;

import java.time.LocalDate;
import uk.encounters.marketplace.employer.Volunteer;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.matcher.explain.DateStyle;

/**
 * A booking as the school sees it: who comes (first name only), when, for which pupils, and for a
 * workplace visit where to take them.
 */
public record SchoolBooking(
        long id,
        BookingStatus status,
        String encounterType,
        String employerName,
        String volunteerName,
        LocalDate startsOn,
        LocalDate endsOn,
        String period,
        int yearGroup,
        int pupils,
        int chosen,
        int recorded,
        boolean schoolConfirmed,
        EmployerBooking.Place place,
        Arrival arrival) {

    public String typeLabel() {
        return EncounterType.fromCode(encounterType).label();
    }

    /** Where it happens, as the school reads it. */
    public String placeLabel() {
        return switch (place) {
            case SCHOOL -> "In school";
            case WORKPLACE -> "At " + employerName;
            case ONLINE -> "Online";
        };
    }

    /** A workplace visit: the school takes its pupils to the employer's site, so it needs the arrival details. */
    public boolean atWorkplace() {
        return place == EmployerBooking.Place.WORKPLACE;
    }

    public String periodLabel() {
        return SchoolDay.label(period);
    }

    /** Schools see a volunteer's first name, never their full name or contact details. */
    public String volunteerFirstName() {
        return Volunteer.firstNameOf(volunteerName);
    }

    /** Still to happen and still on: the school may confirm it or decline it. */
    public boolean answerable(LocalDate today) {
        return startsOn.isAfter(today) && BookingStatus.AGREED.contains(status);
    }

    public boolean multiDay() {
        return !startsOn.equals(endsOn);
    }

    /** "Tue 8 Dec 2026", or "Mon 14 Jun to Fri 18 Jun 2027" for a placement. */
    public String dates() {
        return DateStyle.range(startsOn, endsOn);
    }

    /** Attendance is taken once the session has started, for a booking that went ahead. */
    public boolean attendanceDue(LocalDate today) {
        return !startsOn.isAfter(today) && (BookingStatus.AGREED.contains(status) || status == BookingStatus.DELIVERED);
    }

    public boolean attendanceRecorded() {
        return recorded > 0;
    }
}

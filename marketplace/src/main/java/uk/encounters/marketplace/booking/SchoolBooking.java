package uk.encounters.marketplace.booking;

import java.time.LocalDate;
import uk.encounters.marketplace.employer.Volunteer;
import uk.encounters.marketplace.pupil.Hours;
import uk.encounters.marketplace.pupil.WorkplaceExperience;
import uk.encounters.marketplace.pupil.WorkplaceHours;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.matcher.explain.DateStyle;

/**
 * A booking as the school sees it: who comes (first name only), when, for which pupils, and for a
 * workplace visit where to take them.
 *
 * @param interactive its offer, given online, has the pupils do tasks and talk with staff
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
        boolean interactive,
        Arrival arrival) {

    public String typeLabel() {
        return EncounterType.fromCode(encounterType).label();
    }

    /** Where it happens, as the school reads it. */
    public String placeLabel() {
        return switch (place) {
            case SCHOOL -> "In school";
            case WORKPLACE -> "At " + employerName;
            case VENUE -> "At the event's venue";
            case ONLINE -> "Online";
        };
    }

    /**
     * An experience of a workplace (Benchmark 6), whose register records each pupil's hours; an
     * online one only when its offer is interactive ({@link WorkplaceExperience}).
     */
    public boolean workplaceExperience() {
        return WorkplaceExperience.counts(
                EncounterType.fromCode(encounterType), place == EmployerBooking.Place.ONLINE, interactive);
    }

    /** Of a workplace type but given online without tasks or talking with staff: an encounter for Benchmark 5 only. */
    public boolean onlineNotInteractive() {
        return EncounterType.fromCode(encounterType).workplaceExperience() && !workplaceExperience();
    }

    /** The hours each pupil who attends gets unless the school records others: its days times its period's hours. */
    public Hours usualHours() {
        return WorkplaceHours.forBooking(startsOn, endsOn, period);
    }

    /** How the usual hours are made up: "5 days of 5 hours". */
    public String usualHoursMadeUp() {
        int days = WorkplaceHours.days(startsOn, endsOn);
        return (days == 1 ? "1 day" : days + " days") + " of "
                + WorkplaceHours.perDay(period).words();
    }

    /** The most hours a pupil may be recorded for: 24 a day. */
    public Hours mostHours() {
        return WorkplaceHours.mostFor(startsOn, endsOn);
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

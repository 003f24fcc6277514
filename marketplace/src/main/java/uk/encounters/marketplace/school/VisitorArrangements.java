package uk.encounters.marketplace.school;

import java.time.LocalTime;
import uk.encounters.marketplace.booking.SchoolDay;

/**
 * How a school receives a visitor: the address to come to, where to meet, parking, signing in,
 * whom to ask for, and the school's usual session times, from which each booking's times follow.
 * Text a school has not given is empty.
 */
public record VisitorArrangements(
        String address,
        String meetingPoint,
        String parking,
        String signInRules,
        String contactName,
        String contactPhone,
        LocalTime morningStart,
        LocalTime morningEnd,
        LocalTime afternoonStart,
        LocalTime afternoonEnd) {

    public VisitorArrangements {
        address = address == null ? "" : address;
        meetingPoint = meetingPoint == null ? "" : meetingPoint;
        parking = parking == null ? "" : parking;
        signInRules = signInRules == null ? "" : signInRules;
        contactName = contactName == null ? "" : contactName;
        contactPhone = contactPhone == null ? "" : contactPhone;
        if (!morningStart.isBefore(morningEnd) || !afternoonStart.isBefore(afternoonEnd)) {
            throw new IllegalArgumentException("A session must end after it starts");
        }
    }

    /** What a school that has said nothing yet is taken to have: no details, and the usual times. */
    public static VisitorArrangements usual() {
        return new VisitorArrangements(
                "",
                "",
                "",
                "",
                "",
                "",
                SchoolDay.start("morning"),
                SchoolDay.end("morning"),
                SchoolDay.start("afternoon"),
                SchoolDay.end("afternoon"));
    }

    /** When a session in this period starts: "all_day" runs from the morning's start. */
    public LocalTime sessionStart(String period) {
        return "afternoon".equals(period) ? afternoonStart : morningStart;
    }

    /** When a session in this period ends: "all_day" runs to the afternoon's end. */
    public LocalTime sessionEnd(String period) {
        return "morning".equals(period) ? morningEnd : afternoonEnd;
    }
}

package uk.encounters.marketplace.booking;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.matcher.explain.DateStyle;

/**
 * A booking as the employer giving it sees it: where to be, when, for how many pupils, and what
 * the school wrote for the volunteer. The school's notes for the coordinator are never here.
 *
 * @param yearGroup  the year group it is for; at an event, the youngest going
 * @param schoolName the school; at a hub's event, its venue (or "Online")
 * @param eventTitle the event a stall is at, or null for a school's request
 * @param calendarSequence its calendar event's revision: how many changes were sent after the invitation
 * @param updatedAt  when it last changed, which a calendar shows as its event's last change
 */
public record EmployerBooking(
        long id,
        BookingStatus status,
        String encounterType,
        String offerTitle,
        LocalDate startsOn,
        LocalDate endsOn,
        String period,
        int pupils,
        int yearGroup,
        String schoolName,
        String volunteerName,
        Place place,
        String declineReason,
        boolean feedbackGiven,
        Arrival arrival,
        String sendAdjustments,
        String notesForVolunteer,
        String eventTitle,
        int calendarSequence,
        OffsetDateTime updatedAt) {

    public EmployerBooking {
        sendAdjustments = sendAdjustments == null ? "" : sendAdjustments;
        notesForVolunteer = notesForVolunteer == null ? "" : notesForVolunteer;
    }

    public enum Place {
        SCHOOL("At the school"),
        WORKPLACE("At your workplace"),
        /** A hub's event at a venue of its own. */
        VENUE("At the event's venue"),
        ONLINE("Online");

        private final String label;

        Place(String label) {
            this.label = label;
        }

        /** Where a booking happens: in school when both sides can, else at the workplace when both can, else online. */
        public static Place of(
                boolean requestInSchool, boolean offerInSchool, boolean requestAtWorkplace, boolean offerAtWorkplace) {
            return requestInSchool && offerInSchool
                    ? SCHOOL
                    : requestAtWorkplace && offerAtWorkplace ? WORKPLACE : ONLINE;
        }

        public String label() {
            return label;
        }
    }

    public String typeLabel() {
        return EncounterType.fromCode(encounterType).label();
    }

    /** A stall (or an interviewer's or panellist's place) at an event. */
    public boolean atEvent() {
        return eventTitle != null;
    }

    /** "North Academy", or for a stall "Year 9 careers fair, North Academy". */
    public String where() {
        return atEvent() ? eventTitle + ", " + schoolName : schoolName;
    }

    public String periodLabel() {
        return SchoolDay.label(period);
    }

    /** Published: proposed to the employer, waiting for a yes or no. */
    public boolean awaitingReply() {
        return status == BookingStatus.PUBLISHED;
    }

    public boolean confirmed() {
        return status == BookingStatus.CONFIRMED;
    }

    /** "Tue 8 Dec 2026", or "Mon 14 Jun to Fri 18 Jun 2027" for a placement. */
    public String dates() {
        return DateStyle.range(startsOn, endsOn);
    }

    public boolean multiDay() {
        return !startsOn.equals(endsOn);
    }

    /** The group as plain-text lines: adjustments for pupils with SEND, and the school's notes for the volunteer. */
    public List<String> groupLines() {
        List<String> lines = new ArrayList<>();
        if (!sendAdjustments.isBlank()) {
            lines.add("SEND adjustments: " + Arrival.oneLine(sendAdjustments));
        }
        if (!notesForVolunteer.isBlank()) {
            lines.add("From the school: " + Arrival.oneLine(notesForVolunteer));
        }
        return lines;
    }

    /** Everything to arrive and to know the group, as plain-text lines for an email or a calendar entry. */
    public List<String> detailLines() {
        List<String> lines = new ArrayList<>(arrival.lines());
        lines.addAll(groupLines());
        return lines;
    }
}

package uk.encounters.marketplace.booking;

import java.time.LocalDate;
import uk.encounters.matcher.domain.EncounterType;

/** A booking as the employer giving it sees it: where to be, when, and for how many pupils. */
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
        String schoolPostcode,
        String volunteerName,
        Place place,
        String declineReason,
        boolean feedbackGiven) {

    public enum Place {
        SCHOOL("At the school"),
        WORKPLACE("At your workplace"),
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
        java.time.format.DateTimeFormatter day =
                java.time.format.DateTimeFormatter.ofPattern("EEE d MMM", java.util.Locale.UK);
        java.time.format.DateTimeFormatter year =
                java.time.format.DateTimeFormatter.ofPattern(" yyyy", java.util.Locale.UK);
        return multiDay()
                ? day.format(startsOn) + " to " + day.format(endsOn) + year.format(endsOn)
                : day.format(startsOn) + year.format(startsOn);
    }

    public boolean multiDay() {
        return !startsOn.equals(endsOn);
    }

    /** Where the volunteer goes: the school's address, their own workplace, or a link. */
    public String address() {
        return switch (place) {
            case SCHOOL -> schoolPostcode == null ? schoolName : schoolName + ", " + schoolPostcode;
            case WORKPLACE -> "Your workplace (the school brings the pupils)";
            case ONLINE -> "Online (the school sends the joining link)";
        };
    }
}

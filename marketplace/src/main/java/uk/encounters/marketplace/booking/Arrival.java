package uk.encounters.marketplace.booking;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import uk.encounters.marketplace.calendar.ClockTime;

/**
 * What someone going to a booking needs to arrive: the full address, when to be there and when the
 * session runs, whom to ask for, and the host's notes on meeting, parking and signing in. Built for
 * one side: the employer going to a school, or the school taking pupils to a workplace.
 *
 * @param arriving who comes to the reader ("The group", "The volunteer"); empty when the reader goes
 * @param everyDay a placement over several days, at these times each day
 */
public record Arrival(
        EmployerBooking.Place place,
        String arriving,
        String address,
        String meetingPoint,
        String parking,
        String signingIn,
        String contactName,
        String contactPhone,
        LocalTime sessionStart,
        LocalTime sessionEnd,
        boolean everyDay) {

    /** How long before the session a visitor should arrive: signing in and finding the room take that long. */
    static final int ARRIVE_MINUTES_EARLY = 15;

    /** The reader receives the visit rather than going to it. */
    public boolean hosting() {
        return !arriving.isEmpty();
    }

    /** The address one line to an element, as written on an envelope. */
    public List<String> addressLines() {
        return address.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }

    /** The address on one line, for a calendar's location. */
    public String addressOnOneLine() {
        return String.join(", ", addressLines());
    }

    /** "Arrive by 8:45am", or for the host "The group arrives by 8:45am"; online, "Join by 8:55am". */
    public String arriveBy() {
        String words = place == EmployerBooking.Place.ONLINE
                ? "Join by " + ClockTime.words(sessionStart.minusMinutes(5))
                : (hosting() ? arriving + " arrives by " : "Arrive by ")
                        + ClockTime.words(sessionStart.minusMinutes(ARRIVE_MINUTES_EARLY));
        return everyDay ? words + " each day" : words;
    }

    /** "9am to midday". */
    public String sessionTimes() {
        return ClockTime.words(sessionStart) + " to " + ClockTime.words(sessionEnd);
    }

    /** "Mrs Shah, 01332 123456", either part alone, or empty when neither is known. */
    public String contact() {
        return String.join(
                ", ",
                List.of(contactName, contactPhone).stream()
                        .filter(s -> !s.isBlank())
                        .toList());
    }

    /** What the contact is to the reader: whom a visitor asks for, or for a host the group's school. */
    public String contactLabel() {
        if (place == EmployerBooking.Place.ONLINE) {
            return "Contact";
        }
        return hosting() ? "The school's contact" : "Ask for";
    }

    /** The same, as plain-text lines for an email or a calendar entry (line breaks within a part made "; "). */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Address: " + addressOnOneLine());
        lines.add(arriveBy() + " (the session runs " + sessionTimes() + ")");
        add(lines, contactLabel() + ": ", contact());
        add(lines, "Meet at: ", meetingPoint);
        add(lines, "Parking: ", parking);
        add(lines, "Signing in: ", signingIn);
        return lines;
    }

    private static void add(List<String> lines, String label, String text) {
        if (!text.isBlank()) {
            lines.add(label + oneLine(text));
        }
    }

    /** Text of several lines on one, its lines joined by "; ". */
    static String oneLine(String text) {
        return String.join(
                "; ",
                text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
    }
}

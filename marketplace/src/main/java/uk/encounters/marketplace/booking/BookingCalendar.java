package uk.encounters.marketplace.booking;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import uk.encounters.marketplace.TypedText;

/**
 * Bookings as iCalendar (RFC 5545): the feed calendar apps subscribe to, the invitation a round's
 * digest carries, and the cancellation that takes a declined or cancelled booking out of a calendar
 * again (iTIP, RFC 5546). Each booking is one event whose UID never changes and whose SEQUENCE counts
 * the changes sent since its invitation, so a calendar app knows which copy is newer. Times are written
 * in UTC so no time-zone definitions are needed; a placement over several days is one all-day event.
 */
public final class BookingCalendar {

    private static final ZoneId SCHOOLS = ZoneId.of("Europe/London");
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final String calendarName;
    private final String uidDomain;
    private final String volunteerGuide;
    private final String organiser;

    /** @param links the app's host (in each event's UID), guide (in each event) and sending address (its organiser) */
    public BookingCalendar(String calendarName, CalendarLinks links) {
        this.calendarName = calendarName;
        this.uidDomain = links.host() == null ? "localhost" : links.host();
        this.volunteerGuide = links.volunteerGuide();
        this.organiser = links.organiser();
    }

    /** The bookings as they stand, to add to a calendar or to subscribe to. */
    public String render(List<EmployerBooking> bookings, Instant now) {
        StringBuilder ics = begin("PUBLISH");
        for (EmployerBooking booking : bookings) {
            event(ics, booking, now, "CONFIRMED");
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    /**
     * Takes the bookings out of the calendars they were added to: the same events, their sequence
     * as it is now (one more than the invitation's), cancelled.
     */
    public String cancellation(List<EmployerBooking> bookings, Instant now) {
        StringBuilder ics = begin("CANCEL");
        for (EmployerBooking booking : bookings) {
            event(ics, booking, now, "CANCELLED");
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    private StringBuilder begin(String method) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Employer Encounters//Bookings//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:" + method);
        line(ics, "X-WR-CALNAME:" + text(calendarName));
        return ics;
    }

    private void event(StringBuilder ics, EmployerBooking booking, Instant now, String status) {
        line(ics, "BEGIN:VEVENT");
        line(ics, "UID:booking-" + booking.id() + "@" + uidDomain);
        line(ics, "SEQUENCE:" + booking.calendarSequence());
        line(ics, "DTSTAMP:" + UTC.format(now));
        if (booking.updatedAt() != null) {
            line(ics, "LAST-MODIFIED:" + UTC.format(booking.updatedAt()));
        }
        line(ics, "ORGANIZER;CN=" + parameter(calendarName) + ":mailto:" + organiser);
        if (booking.multiDay()) {
            line(ics, "DTSTART;VALUE=DATE:" + DATE.format(booking.startsOn()));
            line(ics, "DTEND;VALUE=DATE:" + DATE.format(booking.endsOn().plusDays(1)));
        } else {
            line(
                    ics,
                    "DTSTART:"
                            + UTC.format(instant(
                                    booking.startsOn(), booking.arrival().sessionStart())));
            line(
                    ics,
                    "DTEND:"
                            + UTC.format(instant(
                                    booking.startsOn(), booking.arrival().sessionEnd())));
        }
        line(ics, "SUMMARY:" + text(booking.typeLabel() + " for Year " + booking.yearGroup() + ", " + booking.where()));
        line(ics, "LOCATION:" + text(booking.arrival().addressOnOneLine()));
        line(ics, "DESCRIPTION:" + text(description(booking)));
        line(ics, "STATUS:" + status);
        line(ics, "END:VEVENT");
    }

    /** A parameter value (RFC 5545, 3.2): quoted, without the quotes and characters it may not hold. */
    private static String parameter(String value) {
        return "\"" + text(value).replace("\"", "").replace("\\", "") + "\"";
    }

    /** What the session is, then everything to arrive and to know the group, then the guide. */
    private String description(EmployerBooking booking) {
        List<String> lines = new ArrayList<>();
        lines.add(booking.offerTitle());
        lines.add(booking.pupils() + " pupils in Year " + booking.yearGroup());
        if (booking.volunteerName() != null) {
            lines.add("Given by " + booking.volunteerName());
        }
        lines.addAll(booking.detailLines());
        lines.add("First time? What a good session looks like, and keeping pupils safe: " + volunteerGuide);
        return String.join("\n", lines);
    }

    private static Instant instant(LocalDate date, java.time.LocalTime time) {
        return date.atTime(time).atZone(SCHOOLS).toInstant();
    }

    /**
     * A TEXT value (RFC 5545, 3.3.11): backslashes, semicolons and commas escaped, a line break as
     * {@code \n}, and every other character that is never text dropped. A lone carriage return in a
     * name (calendar apps end a line there) would otherwise start a property of its own in another
     * organisation's feed.
     */
    private static String text(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        value.replace("\r\n", "\n").codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                default -> {
                    if (!TypedText.isNeverText(c)) {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    /** Lines end in CRLF and fold at 75 octets, never inside a UTF-8 character. */
    private static void line(StringBuilder ics, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                ics.append("\r\n ");
                octets = 1;
            }
            ics.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        ics.append("\r\n");
    }
}

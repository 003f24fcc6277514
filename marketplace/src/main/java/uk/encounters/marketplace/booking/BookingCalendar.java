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
 * Bookings as an iCalendar feed (RFC 5545) that calendar apps subscribe to. Times are written in
 * UTC so no time-zone definitions are needed; a placement over several days is one all-day event.
 */
public final class BookingCalendar {

    private static final ZoneId SCHOOLS = ZoneId.of("Europe/London");
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private final String calendarName;
    private final String uidDomain;
    private final String volunteerGuide;

    /**
     * @param uidDomain      the app's host name, which makes each event's UID unique in the world
     * @param volunteerGuide the address of the first-time volunteer's guide, which every event links to
     */
    public BookingCalendar(String calendarName, String uidDomain, String volunteerGuide) {
        this.calendarName = calendarName;
        this.uidDomain = uidDomain;
        this.volunteerGuide = volunteerGuide;
    }

    public String render(List<EmployerBooking> bookings, Instant now) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//Employer Encounters//Bookings//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        line(ics, "X-WR-CALNAME:" + text(calendarName));
        for (EmployerBooking booking : bookings) {
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:booking-" + booking.id() + "@" + uidDomain);
            line(ics, "DTSTAMP:" + UTC.format(now));
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
            line(
                    ics,
                    "SUMMARY:"
                            + text(booking.typeLabel() + " for Year " + booking.yearGroup() + ", " + booking.where()));
            line(ics, "LOCATION:" + text(booking.arrival().addressOnOneLine()));
            line(ics, "DESCRIPTION:" + text(description(booking)));
            line(ics, "STATUS:CONFIRMED");
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
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

package uk.encounters.marketplace.round;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.encounters.marketplace.booking.BookingCalendar;
import uk.encounters.marketplace.booking.EmployerBooking;
import uk.encounters.marketplace.booking.SchoolBooking;
import uk.encounters.marketplace.outbox.Attachment;
import uk.encounters.marketplace.outbox.LinkSlots;
import uk.encounters.marketplace.outbox.OutboxMessage;

/**
 * What a published round tells people, in one place: the digest to each employer asked and to
 * each school booked for. The app's addresses come from {@link DigestLinks}, so this module never
 * knows the web's paths; the secret reply links are slots the outbox worker fills when it sends.
 */
final class RoundDigests {

    /** An employer or school a digest is for: its name, and whom to send it to (null: nobody). */
    /**
     * @param name   the school or the organisation
     * @param person whom the email greets, when known
     */
    record Recipient(long id, String name, String email, String person) {

        /** "Hello Sam," or, with nobody to name, "Hello,". */
        String greeting() {
            return person == null || person.isBlank() ? "Hello," : "Hello " + person.strip() + ",";
        }
    }

    private final DigestLinks links;
    private final String productName;
    private final Clock clock;

    RoundDigests(DigestLinks links, String productName, Clock clock) {
        this.links = links;
        this.productName = productName;
        this.clock = clock;
    }

    /**
     * To an employer: every booking the round asks of it, each with its confirm and decline
     * links (slots for {@code replyLinks}, by booking id), and an .ics invitation holding them all.
     */
    OutboxMessage employerDigest(
            long roundId, Recipient employer, List<EmployerBooking> bookings, Map<Long, Long> replyLinks) {
        StringBuilder text = new StringBuilder();
        text.append(employer.greeting())
                .append("\n\nThank you for offering your time to young people. This week's matching round asks ")
                .append(employer.name())
                .append(" for ")
                .append(sessions(bookings.size()))
                .append(". This is the only request the hub will send you this round.\n\n");
        List<Long> linkIds = new ArrayList<>();
        for (EmployerBooking b : bookings) {
            long link = replyLinks.get(b.id());
            linkIds.add(link);
            text.append(headline(
                    b.typeLabel(),
                    b.pupils(),
                    b.yearGroup(),
                    "at " + b.where(),
                    b.dates(),
                    b.periodLabel(),
                    b.place().label()));
            if (b.volunteerName() != null) {
                text.append("  Given by ").append(b.volunteerName()).append('\n');
            }
            b.detailLines().forEach(line -> text.append("  ").append(line).append('\n'));
            text.append("  Confirm: ").append(LinkSlots.slot(link)).append("?answer=confirm\n");
            text.append("  Decline: ").append(LinkSlots.slot(link)).append("?answer=decline\n\n");
        }
        text.append("The attached calendar file holds every session. If one no longer suits, decline it and the"
                        + " school's pupils go back into matching.\n\n")
                .append("First time with a school? What a good session looks like, and keeping pupils safe (a teacher"
                        + " stays in the room): ")
                .append(links.volunteerGuide())
                .append("\n\n")
                .append(productName)
                .append('\n');
        byte[] ics = new BookingCalendar(productName + " bookings", links)
                .render(bookings, clock.instant())
                .getBytes(StandardCharsets.UTF_8);
        return new OutboxMessage(
                "round:" + roundId + ":employer:" + employer.id(),
                "round_digest_employer",
                employer.email(),
                "Requests from schools this week: " + sessions(bookings.size()),
                text.toString(),
                null,
                List.of(new Attachment("sessions.ics", "text/calendar; charset=UTF-8", ics)),
                linkIds);
    }

    /**
     * To a school's careers leader: the round's bookings for it, and where to confirm them and choose
     * pupils; and the stalls it asked employers for at the school's own events.
     */
    OutboxMessage schoolDigest(
            long roundId, Recipient school, List<SchoolBooking> bookings, List<SchoolEventStalls.Stall> stalls) {
        String found = found(bookings.size(), stalls.size());
        StringBuilder text = new StringBuilder(school.greeting())
                .append("\n\nThis week's matching round found ")
                .append(found)
                .append(" for ")
                .append(school.name())
                .append(":\n\n");
        for (SchoolBooking b : bookings) {
            text.append(headline(
                    b.typeLabel(),
                    b.pupils(),
                    b.yearGroup(),
                    "with " + b.employerName(),
                    b.dates(),
                    b.periodLabel(),
                    b.placeLabel()));
            if (b.atWorkplace()) {
                // the school takes its pupils there: where, when and whom to ask for
                b.arrival()
                        .lines()
                        .forEach(line -> text.append("  ").append(line).append('\n'));
            }
        }
        if (!stalls.isEmpty()) {
            text.append(bookings.isEmpty() ? "" : "\n").append("At your events:\n");
            stalls.forEach(stall -> text.append(stall.line()));
        }
        text.append("\nEach employer has been asked to confirm.");
        if (!bookings.isEmpty()) {
            text.append(" Confirm your side and choose the pupils at ").append(links.schoolBookings(school.id()));
        }
        if (!stalls.isEmpty()) {
            text.append(bookings.isEmpty() ? " " : "\n")
                    .append("Their answers for your events' stalls are at ")
                    .append(links.schoolEvents(school.id()));
        }
        text.append("\n\n").append(productName).append('\n');
        return new OutboxMessage(
                schoolDigestKey(roundId, school.id()),
                "round_digest_school",
                school.email(),
                "Encounters matched for your pupils: " + found,
                text.toString(),
                null);
    }

    /** The school's own digest of a round (its advisers' copies add to it), sent once whatever happens. */
    static String schoolDigestKey(long roundId, long schoolId) {
        return "round:" + roundId + ":school:" + schoolId;
    }

    /** A booking's line in either digest: "* Careers talk for 30 pupils in Year 9 at ..., Tue 8 Dec 2026 (morning), In school". */
    private static String headline(
            String type, int pupils, int yearGroup, String whereOrWhom, String dates, String period, String place) {
        return "* " + type + " for " + pupils + " pupils in Year " + yearGroup + " " + whereOrWhom + ", " + dates + " ("
                + period + "), " + place + "\n";
    }

    private static String sessions(int count) {
        return count == 1 ? "one session" : count + " sessions";
    }

    /** "3 sessions", "2 stalls at your events", or both. */
    private static String found(int sessions, int stalls) {
        String atEvents = (stalls == 1 ? "one stall" : stalls + " stalls") + " at your events";
        if (stalls == 0) {
            return sessions(sessions);
        }
        return sessions == 0 ? atEvents : sessions(sessions) + " and " + atEvents;
    }
}

package uk.encounters.marketplace.testing;

import java.net.URI;
import java.time.Clock;
import uk.encounters.marketplace.booking.BookingCancellations;
import uk.encounters.marketplace.round.DigestLinks;

/** The app's addresses for tests of the marketplace alone: the web's paths under {@code baseUrl}. */
public record ExampleLinks(String baseUrl) implements DigestLinks {

    public static final ExampleLinks APP = new ExampleLinks("https://encounters.example");

    /** What a declined booking tells people, as the app would write it. */
    public static BookingCancellations cancellations(Clock clock) {
        return new BookingCancellations(APP, "Employer Encounters", clock);
    }

    @Override
    public String schoolBookings(long schoolId) {
        return baseUrl + "/schools/" + schoolId + "/bookings";
    }

    @Override
    public String schoolEvents(long schoolId) {
        return baseUrl + "/schools/" + schoolId + "/events";
    }

    @Override
    public String volunteerGuide() {
        return baseUrl + "/volunteering/first-time";
    }

    @Override
    public String organiser() {
        return "no-reply@" + host();
    }

    @Override
    public String host() {
        return URI.create(baseUrl).getHost();
    }
}

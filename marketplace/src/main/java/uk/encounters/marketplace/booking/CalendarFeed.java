package uk.encounters.marketplace.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.jooq.DSLContext;
import uk.encounters.marketplace.employer.EmployerRepository;

/**
 * An employer's confirmed bookings as iCalendar, for the secret address calendar apps subscribe
 * to: they carry no session, so the secret is what admits them.
 */
public final class CalendarFeed {

    private final DSLContext dsl;
    private final Clock clock;

    public CalendarFeed(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * The feed the secret address names, or empty when it names none (never issued, or replaced).
     *
     * @param links the app's host name (which makes each event's id unique), guide and sending address
     */
    public Optional<String> render(String token, CalendarLinks links) {
        EmployerRepository employers = new EmployerRepository(dsl);
        return employers
                .findByCalendarToken(token)
                .flatMap(employers::findById)
                .map(employer -> new BookingCalendar(employer.name() + " school bookings", links)
                        .render(
                                new EmployerBookingRepository(dsl).confirmed(employer.id(), LocalDate.now(clock)),
                                clock.instant()));
    }
}

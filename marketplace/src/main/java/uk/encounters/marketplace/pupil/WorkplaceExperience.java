package uk.encounters.marketplace.pupil;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;

import java.util.Arrays;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.booking.EmployerBooking;
import uk.encounters.marketplace.jooq.tables.Booking;
import uk.encounters.marketplace.jooq.tables.Offer;
import uk.encounters.marketplace.jooq.tables.Request;
import uk.encounters.matcher.domain.EncounterType;

/**
 * Whether an encounter is an experience of a workplace, for Gatsby Benchmark 6 and the hours
 * towards the hub's target: a workplace visit, shadowing or a placement, except one given online
 * whose offer is not interactive (the pupil does tasks and talks with staff, the Gatsby
 * definition). Such a one is still an encounter with an employer: Benchmark 5. History and a
 * school's own activities have no offer, and count by their type.
 *
 * <p>The rule is here twice, for Java ({@link #counts(EncounterType, boolean, boolean)}) and for SQL
 * ({@link #counts(Field, Field)}), which counts where the rows are; WorkplaceExperienceTest holds
 * the two to the same answer for every kind of booking.
 */
public final class WorkplaceExperience {

    private static final List<String> WORKPLACE_TYPES = Arrays.stream(EncounterType.values())
            .filter(EncounterType::workplaceExperience)
            .map(EncounterType::code)
            .toList();

    private WorkplaceExperience() {}

    /**
     * @param online      the booking happens online ({@link EmployerBooking.Place#ONLINE})
     * @param interactive its offer says the pupils do tasks and talk with staff
     */
    public static boolean counts(EncounterType type, boolean online, boolean interactive) {
        return type.workplaceExperience() && (!online || interactive);
    }

    /** The Gatsby benchmark it counts for: 6, or 5 for any other encounter with an employer. */
    public static int benchmark(EncounterType type, boolean online, boolean interactive) {
        return counts(type, online, interactive) ? 6 : 5;
    }

    /**
     * The same, in SQL, for an encounter or booking of {@code type} from the booking
     * {@code bookingId} (null for history and activities): of a workplace type, and not from a
     * booking that happens online with an offer that is not interactive. Online as
     * {@link EmployerBooking.Place#of} decides it: neither in school nor at the workplace for both.
     */
    public static Condition counts(Field<String> type, Field<Long> bookingId) {
        Booking booking = BOOKING.as("workplace_booking");
        Offer offer = OFFER.as("workplace_offer");
        Request request = REQUEST.as("workplace_request");
        Condition online = DSL.not(request.IN_SCHOOL.isTrue().and(offer.IN_SCHOOL.isTrue()))
                .and(DSL.not(request.AT_WORKPLACE.isTrue().and(offer.AT_WORKPLACE.isTrue())));
        // the bookings left out, read once: a hashed list, however many encounters a hub's figures count
        var watchedOnline = DSL.select(booking.ID)
                .from(booking)
                .join(offer)
                .on(offer.ID.eq(booking.OFFER_ID))
                .join(request)
                .on(request.ID.eq(booking.REQUEST_ID))
                .where(booking.ENCOUNTER_TYPE.in(WORKPLACE_TYPES))
                .and(online)
                .and(offer.INTERACTIVE.isFalse());
        return type.in(WORKPLACE_TYPES).and(bookingId.isNull().or(bookingId.notIn(watchedOnline)));
    }

    /** {@link #counts(Field, Field)} as a column to select. */
    public static Field<Boolean> counted(Field<String> type, Field<Long> bookingId) {
        return DSL.field(counts(type, bookingId));
    }
}

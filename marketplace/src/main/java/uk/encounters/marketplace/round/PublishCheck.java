package uk.encounters.marketplace.round;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;

import java.util.Comparator;
import java.util.List;
import org.jooq.DSLContext;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.round.RoundDigests.Recipient;

/**
 * What publishing a proposal now would send, for the coordinator to check before publishing: how
 * many schools and employers get a digest, how many enterprise advisers a copy, and each school
 * and employer with nobody to send one to. Read with the {@link RoundRecipients} that publishing
 * sends by, so the check and what is sent cannot disagree.
 */
public final class PublishCheck {

    /** A school or employer of the proposal with nobody to send its digest to. */
    public record Untold(long id, String name) {}

    /**
     * @param bookings the proposal's bookings, which publishing makes
     * @param schoolDigests schools with a careers leader to send their digest to
     * @param employerDigests employers with a contact or a named volunteer to send their asks to
     * @param adviserCopies copies of school digests to enterprise advisers whose schools asked for them
     * @param schools schools with no careers leader, by name
     * @param employers employers with neither a contact nor a volunteer named on their bookings, by name
     */
    public record Recipients(
            int bookings,
            int schoolDigests,
            int employerDigests,
            int adviserCopies,
            List<Untold> schools,
            List<Untold> employers) {

        public boolean anyUntold() {
            return !schools.isEmpty() || !employers.isEmpty();
        }

        public int emails() {
            return schoolDigests + employerDigests + adviserCopies;
        }
    }

    private final DSLContext dsl;

    public PublishCheck(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The round's proposal as publishing would send it; nothing for a round with no proposal left. */
    public Recipients of(long roundId) {
        RoundRecipients recipients = new RoundRecipients(dsl);
        List<Recipient> schools = recipients.schools(roundId, BookingStatus.PROPOSED);
        List<Recipient> employers = recipients.employers(roundId, BookingStatus.PROPOSED);
        return new Recipients(
                dsl.fetchCount(BOOKING, BOOKING.ROUND_ID.eq(roundId).and(BOOKING.STATUS.eq(BookingStatus.PROPOSED))),
                withAddress(schools),
                withAddress(employers),
                recipients.advisers(roundId, BookingStatus.PROPOSED).size(),
                withoutAddress(schools),
                withoutAddress(employers));
    }

    private static int withAddress(List<Recipient> recipients) {
        return (int) recipients.stream().filter(r -> r.email() != null).count();
    }

    static List<Untold> withoutAddress(List<Recipient> recipients) {
        return recipients.stream()
                .filter(r -> r.email() == null)
                .map(r -> new Untold(r.id(), r.name()))
                .sorted(Comparator.comparing(Untold::name))
                .toList();
    }
}

package uk.encounters.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.pupil.Hours;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.matcher.domain.EncounterType;

/**
 * One generated hub, ready to load. Rows refer to each other by their index in these lists (an
 * offer's {@code employer} is its employer's index in {@link #employers()}); the loader turns the
 * indexes into database ids. Pupils and their encounters are not held: there are millions of
 * them for England, so {@link #roll()} makes them again, identically, each time they are read.
 */
public record DemoHub(
        HubProfile profile,
        LocalDate today,
        List<Budget> budgets,
        List<Employer> employers,
        List<Volunteer> volunteers,
        List<Offer> offers,
        List<Availability> availability,
        List<Request> requests,
        List<Booking> bookings,
        List<BookingPupil> bookingPupils,
        List<Encounter> bookingEncounters,
        PupilRoll roll) {

    public record Budget(
            int school, int academicYear, String funder, long amountPence, long committedPence, long spentPence) {}

    public record Employer(
            String name,
            String normalisedName,
            String emailDomain,
            String postcode,
            double latitude,
            double longitude,
            SizeBand sizeBand,
            boolean cornerstone,
            String sector,
            int maxAsksPerMonth) {}

    public record Volunteer(int employer, String name, String email, LocalDate safeguardingCheckedUntil) {}

    public record Offer(
            int employer,
            Integer volunteer,
            EncounterType type,
            String title,
            String topics,
            String sector,
            int yearGroupMin,
            int yearGroupMax,
            boolean inSchool,
            boolean atWorkplace,
            boolean online,
            int pupilsMin,
            int pupilsMax,
            Integer places,
            int maxSessions,
            double travelRadiusKm,
            Integer costPerSessionPence,
            boolean sendAdaptable,
            OfferStatus status,
            LocalDate availableFrom,
            LocalDate availableUntil) {}

    /** A specific date or a weekday (1 = Monday) recurring over the offer's dates. */
    public record Availability(int offer, LocalDate availableOn, Integer weekday, String period) {}

    public record Request(
            int school,
            int yearGroup,
            EncounterType type,
            int pupils,
            int sessions,
            LocalDate windowStart,
            LocalDate windowEnd,
            boolean morning,
            boolean afternoon,
            boolean inSchool,
            boolean atWorkplace,
            boolean online,
            String preferredSectors,
            String sendAdjustments,
            RequestStatus status) {}

    public record Booking(
            int request,
            int offer,
            EncounterType type,
            int volunteer,
            LocalDate startsOn,
            LocalDate endsOn,
            String period,
            int pupils,
            BookingStatus status,
            boolean pinned) {}

    /** A pupil chosen for a booking; pupils are named by school index and their place on its roll. */
    public record BookingPupil(int booking, int school, int pupilSequence) {}

    public record Pupil(
            int school,
            int sequence,
            String reference,
            int yearGroup,
            boolean disadvantaged,
            boolean send,
            boolean eal,
            LocalDate joinedOn) {}

    /**
     * One pupil's encounter; {@code booking} is null for history, which names a provider instead;
     * {@code hours} those of a workplace experience attended, else null.
     */
    public record Encounter(
            int school,
            int pupilSequence,
            Integer booking,
            EncounterType type,
            LocalDate occurredOn,
            boolean attended,
            String providerName,
            Hours hours) {}

    public List<SchoolProfile> schools() {
        return profile.schools();
    }

    public void forEachPupil(Consumer<Pupil> pupils) {
        for (int school = 0; school < schools().size(); school++) {
            roll.forEach(school, pupils, encounter -> {});
        }
    }

    /**
     * The pupils of school number {@code school}, each followed by their history encounters, in
     * one pass over the roll (the encounters of delivered bookings are in {@link #bookingEncounters()}).
     */
    public void forEachPupilOf(int school, Consumer<Pupil> pupils, Consumer<Encounter> encounters) {
        roll.forEach(school, pupils, encounters);
    }

    /** The history encounters of every pupil, then the encounters of delivered bookings. */
    public void forEachEncounter(Consumer<Encounter> encounters) {
        for (int school = 0; school < schools().size(); school++) {
            roll.forEach(school, pupil -> {}, encounters);
        }
        bookingEncounters.forEach(encounters);
    }

    /** How many rows of each table loading this hub writes. Reads the whole roll, so not free. */
    public RowCounts counts() {
        long[] pupils = new long[1];
        long[] encounters = new long[1];
        forEachPupil(pupil -> pupils[0]++);
        forEachEncounter(encounter -> encounters[0]++);
        return new RowCounts(
                1,
                schools().size(),
                budgets.size(),
                pupils[0],
                employers.size(),
                volunteers.size(),
                offers.size(),
                availability.size(),
                requests.size(),
                bookings.size(),
                bookingPupils.size(),
                encounters[0]);
    }
}

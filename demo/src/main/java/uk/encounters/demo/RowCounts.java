package uk.encounters.demo;

/** Rows per table, of a generated hub or of what a load wrote. */
public record RowCounts(
        long hubs,
        long schools,
        long schoolBudgets,
        long pupils,
        long employers,
        long volunteers,
        long offers,
        long offerAvailability,
        long requests,
        long bookings,
        long bookingPupils,
        long encounters) {

    public static final RowCounts NONE = new RowCounts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public RowCounts plus(RowCounts other) {
        return new RowCounts(
                hubs + other.hubs,
                schools + other.schools,
                schoolBudgets + other.schoolBudgets,
                pupils + other.pupils,
                employers + other.employers,
                volunteers + other.volunteers,
                offers + other.offers,
                offerAvailability + other.offerAvailability,
                requests + other.requests,
                bookings + other.bookings,
                bookingPupils + other.bookingPupils,
                encounters + other.encounters);
    }
}

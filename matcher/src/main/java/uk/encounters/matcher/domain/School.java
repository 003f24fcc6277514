package uk.encounters.matcher.domain;

/**
 * A school taking part in the round.
 *
 * @param location        null when unknown: then only online sessions are within reach
 * @param coldSpot        far from employers or in a deprived area: its pupils' value is raised
 * @param budgetLeftPence what is left of its encounter budget (the virtual wallet) for paid sessions
 * @param travelLimitKm   how far its pupils may travel to a workplace
 * @param linkedEmployerId the employer the school is linked with (often its enterprise adviser's), or null
 */
public record School(
        long id,
        String name,
        Location location,
        boolean coldSpot,
        long budgetLeftPence,
        double travelLimitKm,
        Long linkedEmployerId) {

    /** A school with no linked employer. */
    public School(
            long id, String name, Location location, boolean coldSpot, long budgetLeftPence, double travelLimitKm) {
        this(id, name, location, coldSpot, budgetLeftPence, travelLimitKm, null);
    }

    /** A usual limit for pupils going to a workplace by minibus or public transport. */
    public static final double DEFAULT_TRAVEL_LIMIT_KM = 20;

    @Override
    public String toString() {
        return name;
    }

    /** Identity is the database id: cheap to hash when the solver groups by it. */
    @Override
    public boolean equals(Object other) {
        return other instanceof School that && that.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }
}

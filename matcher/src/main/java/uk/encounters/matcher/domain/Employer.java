package uk.encounters.matcher.domain;

/**
 * An organisation that may be asked this round.
 *
 * @param sessionCap  how many sessions it may be asked for in this round: zero once its own limit
 *                    of asks this month is used up
 * @param recentAsks  rounds in the last few weeks in which it was asked: asking again tires it
 */
public record Employer(long id, String name, Location location, int sessionCap, int recentAsks) {

    public static final int NO_CAP = Integer.MAX_VALUE;

    @Override
    public String toString() {
        return name;
    }

    /** Identity is the database id: cheap to hash when the solver groups by it. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Employer that && that.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }
}

package uk.encounters.matcher.domain;

/**
 * An organisation that may be asked this round.
 *
 * @param sessionCap  how many sessions it may be asked for in this round: zero once its own limit
 *                    of asks this month is used up
 * @param recentAsks  rounds in the last few weeks in which it was asked: asking again tires it
 * @param ratingTenths schools' average answer to "how did it go?" about its sessions, in tenths
 *                    (43 for 4.3 out of 5); 0 while no school has answered
 */
public record Employer(long id, String name, Location location, int sessionCap, int recentAsks, int ratingTenths) {

    public static final int NO_CAP = Integer.MAX_VALUE;
    /** The middle of the 1 to 5 scale, in tenths: "all right". */
    static final int MIDDLE_RATING_TENTHS = 30;

    /** Not rated yet. */
    public Employer(long id, String name, Location location, int sessionCap, int recentAsks) {
        this(id, name, location, sessionCap, recentAsks, 0);
    }

    /**
     * How far schools rated it above the middle of the scale, in tenths (negative below it); 0 while
     * unrated, so an employer new to the hub is not held back behind one rated "all right".
     */
    public int ratingAboveMiddle() {
        return ratingTenths == 0 ? 0 : ratingTenths - MIDDLE_RATING_TENTHS;
    }

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

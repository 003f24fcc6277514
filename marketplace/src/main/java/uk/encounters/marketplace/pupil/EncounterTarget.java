package uk.encounters.marketplace.pupil;

/**
 * The Careers Strategy's rule: seven meaningful encounters, one in each year from 7 to 13.
 * So a pupil in year group Y should have Y - 6 by the end of this year, and Y - 7 by its start.
 */
public final class EncounterTarget {

    public static final int FIRST_YEAR_GROUP = 7;
    public static final int LAST_YEAR_GROUP = 13;
    public static final int ENCOUNTERS_BY_THE_END_OF_YEAR_13 = LAST_YEAR_GROUP - FIRST_YEAR_GROUP + 1;

    private EncounterTarget() {}

    public static int byEndOfYear(int yearGroup) {
        requireYearGroup(yearGroup);
        return yearGroup - FIRST_YEAR_GROUP + 1;
    }

    /** What a pupil should have had before this school year began. */
    public static int byStartOfYear(int yearGroup) {
        return byEndOfYear(yearGroup) - 1;
    }

    /**
     * On track: the encounters of earlier years meet the target as this year began, and the pupil
     * has one this year already or is chosen for a live booking that gives them one.
     */
    public static boolean onTrack(int yearGroup, int encountersBeforeThisYear, boolean hasOneThisYear) {
        return encountersBeforeThisYear >= byStartOfYear(yearGroup) && hasOneThisYear;
    }

    private static void requireYearGroup(int yearGroup) {
        if (yearGroup < FIRST_YEAR_GROUP || yearGroup > LAST_YEAR_GROUP) {
            throw new IllegalArgumentException("Year group must be 7 to 13, not " + yearGroup);
        }
    }
}

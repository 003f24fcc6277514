package uk.encounters.marketplace.school;

/**
 * A cold spot: a school whose neighbourhood is in the most deprived fifth of England (IMD
 * deciles 1-2). Such schools' pupils have the fewest family and local links to employers, and
 * the matching puts them first.
 */
public final class ColdSpot {

    public static final int MAX_DECILE = 2;

    private ColdSpot() {}

    public static boolean is(Integer deprivationDecile) {
        return deprivationDecile != null && deprivationDecile <= MAX_DECILE;
    }
}

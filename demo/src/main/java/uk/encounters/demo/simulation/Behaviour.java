package uk.encounters.demo.simulation;

import java.util.List;

/**
 * How the people in a simulated year behave, stated plainly because no source gives these
 * figures for this kind of brokering (DOMAIN.md and the seeds give none for declines or
 * no-shows; the Derby plan gives absence only as unauthorised absence, 2.1% at secondary, and
 * persistent absence, 15.8%, worse for disadvantaged pupils).
 *
 * @param declineShare         share of published bookings the employer declines
 * @param lateShare            of those, share declined within a week of the day, after first saying yes
 * @param noShowShare          share of sessions that go ahead on paper but the employer does not come
 * @param absence              chance a chosen pupil is absent on the day
 * @param disadvantagedAbsence the same for a disadvantaged pupil
 * @param placesPerPupil       pupil places the hub's schools ask for over the year, per pupil on roll
 * @param reofferShare         share of the hub's employers that post one more offer during the year
 * @param planShare            share of schools that, given the product, post what "What to request next"
 *                             proposes each week instead of their own requests
 */
public record Behaviour(
        double declineShare,
        double lateShare,
        double noShowShare,
        double absence,
        double disadvantagedAbsence,
        double placesPerPupil,
        double reofferShare,
        double planShare) {

    /**
     * One in ten bookings declined, a third of those late; one session in thirty-three without
     * its employer; 7% of pupils absent on a given day (England's secondary overall absence was
     * about 5-9% in recent years), 11% of disadvantaged pupils; and schools asking for 1.5 places
     * per pupil a year (Derby's planned 27,000 encounters in 2017/18 for about 21,000 pupils is
     * 1.3, and schools ask for more than is met); half the employers posting a second offer
     * during the year, on top of the ones they made for the whole year in September; and, given
     * the product, seven schools in ten posting what it proposes (careers leaders short of time
     * take a one-click request; some keep to their own plans).
     */
    public static final Behaviour DEFAULTS = new Behaviour(0.10, 0.33, 0.03, 0.07, 0.11, 1.5, 0.5, 0.7);

    public Behaviour {
        for (double share :
                new double[] {declineShare, lateShare, noShowShare, absence, disadvantagedAbsence, reofferShare}) {
            if (share < 0 || share > 1) {
                throw new IllegalArgumentException("Shares are between 0 and 1");
            }
        }
        if (placesPerPupil < 0) {
            throw new IllegalArgumentException("Schools cannot ask for fewer than no places");
        }
    }

    public Behaviour withPlanShare(double share) {
        return new Behaviour(
                declineShare,
                lateShare,
                noShowShare,
                absence,
                disadvantagedAbsence,
                placesPerPupil,
                reofferShare,
                share);
    }

    /** The parameters as printed with the figures. */
    public List<String> describe() {
        return List.of(
                String.format(
                        "schools ask for %.2f pupil places per pupil on roll over the year, posted week by week",
                        placesPerPupil),
                String.format(
                        "%.0f%% of employers post one more offer during the year, a few each week, on top of"
                                + " their offers for the whole year",
                        100 * reofferShare),
                String.format(
                        "given the product, %.0f%% of schools post each week what \"What to request next\""
                                + " proposes; the rest post their own requests as today",
                        100 * planShare),
                String.format(
                        "employers decline %.0f%% of published bookings, %.0f%% of those late (within 7 days"
                                + " of the day, after confirming)",
                        100 * declineShare, 100 * lateShare),
                String.format("employers do not turn up to %.0f%% of sessions", 100 * noShowShare),
                String.format(
                        "a chosen pupil is absent on the day with chance %.0f%% (disadvantaged pupils %.0f%%)",
                        100 * absence, 100 * disadvantagedAbsence));
    }
}

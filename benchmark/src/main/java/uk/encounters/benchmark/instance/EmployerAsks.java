package uk.encounters.benchmark.instance;

import java.util.random.RandomGenerator;
import uk.encounters.demo.DemoHub;
import uk.encounters.marketplace.round.ContactCap;
import uk.encounters.matcher.domain.Employer;

/**
 * How much a round may ask of an employer, and how often it was asked lately.
 *
 * <p>One ask per employer per weekly round, for at most as many sessions as the app's
 * {@link ContactCap#sessionsPerAsk} allows its size; cornerstones have committed capacity and no
 * cap. A horizon of several weeks stands for that many weekly rounds, in which the employer is
 * asked no more often than its own limit of asks per month allows.
 */
final class EmployerAsks {

    /** Weeks in a month, as the contact cap counts them (a 12-week term is three months). */
    private static final int WEEKS_PER_MONTH = 4;

    private EmployerAsks() {}

    static int sessionCap(DemoHub.Employer employer, int weeks) {
        if (employer.cornerstone()) {
            return Employer.NO_CAP;
        }
        int perAsk = ContactCap.sessionsPerAsk(employer.sizeBand().code());
        int months = (weeks + WEEKS_PER_MONTH - 1) / WEEKS_PER_MONTH;
        return perAsk * Math.min(weeks, employer.maxAsksPerMonth() * months);
    }

    /**
     * Rounds of the last four in which the employer was asked. Cornerstones carry the hub and
     * are asked most weeks; about a quarter of the others were asked lately, a few of them twice.
     */
    static int recentAsks(DemoHub.Employer employer, RandomGenerator random) {
        if (employer.cornerstone()) {
            return 1 + random.nextInt(3);
        }
        if (random.nextDouble() >= 0.25) {
            return 0;
        }
        return random.nextDouble() < 0.3 ? 2 : 1;
    }
}

package uk.encounters.demo.simulation;

import java.util.random.RandomGenerator;
import uk.encounters.demo.Seed;

/**
 * The simulation's chance events, each drawn from a random stream named by the event itself
 * ("absent/1234/2026-10-06"), never from a shared sequence: so both brokers' databases see the
 * same outcome for the same event (the same pupil is ill on the same day, the same volunteer
 * declines the same session), however differently their plans unfold.
 */
final class Draws {

    private final Seed seed;

    Draws(long seed) {
        this.seed = new Seed(seed);
    }

    RandomGenerator of(String event) {
        return seed.random("simulation/" + event);
    }

    boolean chance(String event, double probability) {
        return of(event).nextDouble() < probability;
    }
}

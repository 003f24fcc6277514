package uk.encounters.demo;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The seed of a generation run. Every part of the data draws from its own random stream, keyed
 * by what it is for ("school/112956/pupils"), so the same seed gives the same data whatever
 * else is generated alongside, in whatever order.
 */
public record Seed(long value) {

    public RandomGenerator random(String purpose) {
        return new SplittableRandom(mix(value ^ fnv1a(purpose)));
    }

    /** FNV-1a: a stable 64-bit hash of the key (String.hashCode is only 32 bits). */
    private static long fnv1a(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash ^= key.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** SplitMix64's finaliser, so that nearby seeds and keys give unrelated streams. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}

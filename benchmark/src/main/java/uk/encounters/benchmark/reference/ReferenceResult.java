package uk.encounters.benchmark.reference;

import java.time.Duration;
import java.util.Map;

/**
 * What the exact reference solver found on a problem, on the very objective the matcher scores.
 *
 * @param objective  the best plan's soft score (the hard rules hold in it)
 * @param bound      an upper bound on any plan's soft score; equal to {@code objective} when proven optimal
 * @param optimal    the solver proved {@code objective} optimal within its time
 * @param assignment the best plan: session id to offer slot id, for the sessions it matched
 */
public record ReferenceResult(
        long objective, long bound, boolean optimal, String status, Duration time, Map<String, Long> assignment) {}

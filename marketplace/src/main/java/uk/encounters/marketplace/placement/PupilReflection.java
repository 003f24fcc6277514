package uk.encounters.marketplace.placement;

import java.time.Instant;

/** What a pupil wrote after their placement: seen by their school only. */
public record PupilReflection(
        String whatTheyDid, String whatTheyLearnt, WouldConsider wouldConsider, Instant submittedAt) {}

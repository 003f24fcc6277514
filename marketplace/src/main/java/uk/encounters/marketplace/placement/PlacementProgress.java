package uk.encounters.marketplace.placement;

import java.time.Instant;
import java.util.List;

/**
 * What has been done for one placement beyond the host's paperwork: what {@link PlacementReadiness}
 * decides from.
 *
 * @param signOffs the school's checks, newest first
 * @param agreement the parent's or carer's answer in force (the newest); null when none yet
 * @param parentLinkMadeAt when the school last made the parent's link; null when never
 * @param pupilLinkMadeAt when the school last made the pupil's link; null when never
 * @param inductedAt when the pupil completed the first-day checklist; null when not yet
 * @param reflection what the pupil wrote afterwards; null when not yet
 */
public record PlacementProgress(
        List<SignOff> signOffs,
        ParentAgreement agreement,
        Instant parentLinkMadeAt,
        Instant pupilLinkMadeAt,
        Instant inductedAt,
        PupilReflection reflection) {

    /** Nothing done yet. */
    public static final PlacementProgress NONE = new PlacementProgress(List.of(), null, null, null, null, null);

    public PlacementProgress {
        signOffs = List.copyOf(signOffs);
    }
}

package uk.encounters.marketplace.placement;

/** Where a placement message sends its reader: the web app's addresses, which this module does not know. */
public interface PlacementPages {

    /** One of a school's placements. */
    String placement(long schoolId, long placementId);

    /** Every placement of the hub's schools. */
    String hubPlacements(long hubId);

    /** The host's placement paperwork. */
    String paperwork(long employerId);
}

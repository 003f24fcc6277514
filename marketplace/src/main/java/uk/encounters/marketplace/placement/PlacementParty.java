package uk.encounters.marketplace.placement;

/** Who acts next on a step of a placement. */
public enum PlacementParty {
    HOST("the host"),
    SCHOOL("the school"),
    PARENT("the parent or carer"),
    PUPIL("the pupil");

    private final String label;

    PlacementParty(String label) {
        this.label = label;
    }

    /** After "Waiting for ". */
    public String label() {
        return label;
    }
}

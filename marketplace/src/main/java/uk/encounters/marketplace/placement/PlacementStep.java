package uk.encounters.marketplace.placement;

/** The steps a placement goes through before it is ready, in order, each named as everyone reads it. */
public enum PlacementStep {
    HOST_PAPERWORK("The host's paperwork"),
    SCHOOL_CHECK("The school's check");

    private final String label;

    PlacementStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

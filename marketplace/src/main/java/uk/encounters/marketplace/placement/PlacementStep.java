package uk.encounters.marketplace.placement;

/** The steps of a placement, in order, each named as everyone reads it. */
public enum PlacementStep {
    HOST_PAPERWORK("The host's paperwork", true),
    SCHOOL_CHECK("The school's check", true),
    PARENT_AGREEMENT("Parent or carer's agreement", true),
    INDUCTION("The pupil's first-day checklist", true),
    /** Afterwards: a placement is ready to go ahead without it. */
    REFLECTION("The pupil's reflection", false);

    private final String label;
    private final boolean beforeStart;

    PlacementStep(String label, boolean beforeStart) {
        this.label = label;
        this.beforeStart = beforeStart;
    }

    public String label() {
        return label;
    }

    /** Needed before the first day: the placement is not ready without it. */
    public boolean beforeStart() {
        return beforeStart;
    }
}

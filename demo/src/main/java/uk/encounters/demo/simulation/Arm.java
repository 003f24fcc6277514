package uk.encounters.demo.simulation;

/**
 * One way of playing the hub's year, each on its own copy of the hub with the same offers,
 * requests and chance events, so that any difference between them is the product's.
 */
public enum Arm {

    /** Weekly solver rounds, the product's pupil suggestions, and schools posting what "What to request next" proposes. */
    PRODUCT("product", true, true, true),
    /**
     * The world without the product: schools post as today, ask employers one by one (first come,
     * first served, each booking its own ask) and send a class: random pupils of the year group.
     */
    STATUS_QUO("status-quo", false, false, false),
    /** First come, first served with the product's suggestions and requests: what the matcher itself adds. */
    ATTRIBUTION("attribution", false, true, true);

    private final String code;
    private final boolean solver;
    private final boolean suggestedPupils;
    private final boolean plannedRequests;

    Arm(String code, boolean solver, boolean suggestedPupils, boolean plannedRequests) {
        this.code = code;
        this.solver = solver;
        this.suggestedPupils = suggestedPupils;
        this.plannedRequests = plannedRequests;
    }

    public String code() {
        return code;
    }

    /** Rounds solved by the matcher, one ask per employer; otherwise first come, first served. */
    boolean solver() {
        return solver;
    }

    /** Schools send the pupils the product suggests; otherwise a class drawn at random. */
    boolean suggestedPupils() {
        return suggestedPupils;
    }

    /** The plan's share of schools post what "What to request next" proposes, instead of their own requests. */
    boolean plannedRequests() {
        return plannedRequests;
    }
}

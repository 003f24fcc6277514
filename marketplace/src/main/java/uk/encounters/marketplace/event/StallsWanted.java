package uk.encounters.marketplace.event;

/** Stalls (or volunteers) an event wants from one sector, or from any when {@code sector} is null. */
public record StallsWanted(String sector, int stalls) {

    public StallsWanted {
        if (stalls < 1) {
            throw new IllegalArgumentException("Stalls wanted must be at least one");
        }
    }

    public boolean anySector() {
        return sector == null;
    }
}

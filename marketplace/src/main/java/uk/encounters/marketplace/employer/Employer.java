package uk.encounters.marketplace.employer;

/** One organisation that gives encounters; SMEs and cornerstone employers alike. */
public record Employer(
        long id,
        long hubId,
        String name,
        String postcode,
        String sizeBand,
        String sector,
        boolean cornerstone,
        int maxAsksPerMonth,
        String emailDomain,
        Long mergedIntoId) {

    public boolean merged() {
        return mergedIntoId != null;
    }
}

package uk.encounters.marketplace.employer;

/** An organisation as the coordinator's list shows it, with what it brings to the hub now. */
public record EmployerSummary(
        long id,
        String name,
        String postcode,
        String sector,
        String sizeBand,
        boolean cornerstone,
        int activeOffers,
        int volunteers) {}

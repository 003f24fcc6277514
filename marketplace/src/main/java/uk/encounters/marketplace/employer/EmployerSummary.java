package uk.encounters.marketplace.employer;

/**
 * An organisation as the coordinator's list shows it, with what it brings to the hub now.
 *
 * @param agency    it is an agency or chamber that brokers for employers
 * @param viaAgency the agency whose list brought it in, or null
 * @param otherHubs how many other hubs it works with too
 * @param requests  its own say in being asked, when it paused or stopped requests ("Paused requests until ..."); else null
 */
public record EmployerSummary(
        long id,
        String name,
        String postcode,
        String sector,
        String sizeBand,
        boolean cornerstone,
        boolean agency,
        String viaAgency,
        int activeOffers,
        int volunteers,
        int otherHubs,
        String requests) {}

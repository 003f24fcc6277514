package uk.encounters.marketplace.round;

import org.jooq.DSLContext;

/**
 * A coordinator publishes the hub's proposed round: its bookings are made and the digests queued,
 * in one transaction ({@link Publication}).
 */
public final class PublishRound {

    private final DSLContext dsl;
    private final Publication publication;

    public PublishRound(DSLContext dsl, Publication publication) {
        this.dsl = dsl;
        this.publication = publication;
    }

    public Publication.Published publish(long hubId, long roundId) {
        return publication.publish(dsl, hubId, roundId);
    }
}

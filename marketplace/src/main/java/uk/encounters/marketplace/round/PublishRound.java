package uk.encounters.marketplace.round;

import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Actor;

/**
 * A coordinator publishes the hub's proposed round: its bookings are made and the digests queued,
 * in one transaction ({@link Publication}), with an entry in the audit log.
 */
public final class PublishRound {

    private final DSLContext dsl;
    private final Publication publication;

    public PublishRound(DSLContext dsl, Publication publication) {
        this.dsl = dsl;
        this.publication = publication;
    }

    public Publication.Published publish(Actor actor, long hubId, long roundId) {
        return publication.publish(dsl, actor, hubId, roundId);
    }
}

package uk.encounters.marketplace.offer;

import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;

/**
 * Offers an employer makes from its own page, or imports: live at once (the person is signed in),
 * editable, pausable and withdrawable. Each change and its audit entry are one transaction.
 */
public final class EmployerOfferChanges {

    /** An offer and who gives it, if anyone is named yet. */
    public record NewOffer(OfferDetails details, Long volunteerId) {}

    private final DSLContext dsl;

    public EmployerOfferChanges(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A new offer to one of the hubs the employer works with, live for that hub's next matching round. */
    public long create(Actor actor, long employerId, long hubId, NewOffer offer) {
        return dsl.transactionResult(c -> {
            long created = new OfferRepository(c.dsl())
                    .create(employerId, hubId, offer.volunteerId(), offer.details(), OfferStatus.ACTIVE);
            new AuditLog(c.dsl()).record(actor, "offer_created", "offer", created, Map.of());
            return created;
        });
    }

    public void edit(Actor actor, long offerId, NewOffer offer) {
        dsl.transaction(c -> {
            new OfferRepository(c.dsl()).update(offerId, offer.volunteerId(), offer.details());
            new AuditLog(c.dsl()).record(actor, "offer_edited", "offer", offerId, Map.of());
        });
    }

    /** Pause, resume or withdraw; false when the offer cannot go that way from where it is. */
    public boolean changeStatus(Actor actor, long offerId, OfferStatus to) {
        return dsl.transactionResult(c -> {
            boolean done = new OfferRepository(c.dsl()).changeStatus(offerId, to);
            if (done) {
                new AuditLog(c.dsl()).record(actor, "offer_" + to.getLiteral(), "offer", offerId, Map.of());
            }
            return done;
        });
    }

    /**
     * The good rows of a CSV file, all live, with one audit entry.
     *
     * @param skipped the file's rows with errors, left out on purpose
     */
    public void importAll(Actor actor, long employerId, long hubId, List<NewOffer> offers, long skipped) {
        dsl.transaction(c -> {
            OfferRepository repository = new OfferRepository(c.dsl());
            offers.forEach(o -> repository.create(employerId, hubId, o.volunteerId(), o.details(), OfferStatus.ACTIVE));
            new AuditLog(c.dsl())
                    .record(
                            actor,
                            "offers_imported",
                            "employer",
                            employerId,
                            Map.of("rows", offers.size(), "skipped", skipped, "hub", hubId));
        });
    }
}

package uk.encounters.marketplace.offer;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Account;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.marketplace.outbox.OutboxMessage;

/**
 * Offers from the public form, by someone with no account: saved pending with the email that
 * carries their confirmation link (one transaction: both or neither), and confirmed by that link,
 * once, for that offer only.
 */
public final class PublicOffers {

    /** The link was good: who followed it, the organisation, and whether the offer waits for a join decision. */
    public record Confirmed(Account account, long employerId, boolean awaitingApproval) {}

    private final DSLContext dsl;
    private final Clock clock;

    public PublicOffers(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * Saves the offer ({@link SubmitOffer}) and enqueues the email {@code confirmationEmail} makes
     * from the confirmation link's id.
     */
    public SubmitOffer.Result submit(
            Actor actor, OfferSubmission offer, LongFunction<OutboxMessage> confirmationEmail) {
        return dsl.transactionResult(c -> {
            SubmitOffer.Result submitted = new SubmitOffer(clock).submit(c.dsl(), offer, actor.ipAddress());
            new Outbox(c.dsl()).enqueue(confirmationEmail.apply(submitted.confirmationLink()));
            return submitted;
        });
    }

    /** Whether the link still confirms that offer, without using it: to show the button before its POST. */
    public boolean confirmable(long offerId, String token) {
        return new LoginTokenRepository(dsl, clock)
                .peek(token, LoginTokenRepository.Purpose.OFFER_CONFIRMATION, offerId)
                .isPresent();
    }

    /**
     * Uses the link once, for its own offer only: the offer goes live, or, when they asked to join
     * an organisation already registered, waits for its decision. Empty when the link is no good.
     *
     * @param actor whoever followed the link (not signed in): the audit entry names the link's owner
     */
    public Optional<Confirmed> confirm(Actor actor, long offerId, String token) {
        return dsl.transactionResult(c -> {
            Optional<Long> user = new LoginTokenRepository(c.dsl(), clock)
                    .redeem(token, LoginTokenRepository.Purpose.OFFER_CONFIRMATION, offerId);
            var offer = new OfferRepository(c.dsl()).findById(offerId);
            if (user.isEmpty() || offer.isEmpty()) {
                return Optional.<Confirmed>empty();
            }
            long employerId = offer.get().employerId();
            boolean awaiting = new SubmitOffer(clock).confirm(c.dsl(), user.get(), offerId, employerId);
            new AuditLog(c.dsl())
                    .record(
                            new Actor(user.get(), actor.ipAddress()),
                            awaiting ? "offer_email_confirmed" : "offer_confirmed",
                            "offer",
                            offerId,
                            Map.of());
            return new AccountRepository(c.dsl())
                    .findById(user.get())
                    .map(account -> new Confirmed(account, employerId, awaiting));
        });
    }
}

package uk.encounters.marketplace.offer;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Account;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.employer.EmployerRepository;
import uk.encounters.marketplace.employer.ExistingEmployer;
import uk.encounters.marketplace.employer.OrganisationJoinRepository;
import uk.encounters.marketplace.employer.VolunteerRepository;

/**
 * An offer from the public form, saved pending until the person follows the link emailed to them.
 * A new organisation is theirs. One already registered (the same or a similar name, or their
 * email's domain) is only suggested: they ask to join it, and one of its contacts or the hub's
 * coordinator decides ({@link OrganisationJoinRepository}); until then the organisation gains nothing from
 * them and they see nothing of it. Runs in the caller's transaction, which also writes the email,
 * so all of it is saved or none.
 */
public final class SubmitOffer {

    /**
     * @param confirmationLink the emailed link that confirms this offer, and no other
     * @param join             the request to join an organisation already registered, when it was one
     */
    public record Result(long offerId, long userId, long confirmationLink, Optional<Long> join) {}

    private final Clock clock;

    public SubmitOffer(Clock clock) {
        this.clock = clock;
    }

    public Result submit(DSLContext tx, OfferSubmission offer, String ipAddress) {
        EmployerRepository employers = new EmployerRepository(tx);
        AccountRepository accounts = new AccountRepository(tx);
        Optional<Account> account = accounts.findByEmail(offer.email());
        Optional<ExistingEmployer> existing =
                employers.findExisting(offer.organisation(), offer.email(), offer.postcode());
        boolean member = existing.isPresent()
                && account.isPresent()
                && account.get().scopes().contains(Scope.employer(existing.get().employerId()));

        long offerId;
        long userId;
        Optional<Long> join = Optional.empty();
        if (existing.isPresent() && !member) {
            userId = account.map(Account::id)
                    .orElseGet(() -> accounts.createWithoutScope(offer.email(), offer.contactName()));
            // No volunteer yet: the organisation's list gains them only when someone of it says yes.
            // the hub it was offered to works with the organisation from now on; nothing else of it is theirs
            employers.addPresence(existing.get().employerId(), offer.hubId());
            offerId = new OfferRepository(tx)
                    .create(existing.get().employerId(), offer.hubId(), null, offer.offer(), OfferStatus.PENDING);
            join = Optional.of(
                    new OrganisationJoinRepository(tx, clock).request(existing.get(), userId, offerId, offer));
        } else {
            long employerId = existing.map(ExistingEmployer::employerId)
                    .orElseGet(() -> employers.create(
                            offer.hubId(),
                            offer.organisation(),
                            offer.email(),
                            offer.postcode(),
                            offer.sizeBand(),
                            offer.sector(),
                            false,
                            1));
            long volunteerId = new VolunteerRepository(tx)
                    .findOrCreate(employerId, offer.contactName(), offer.email(), offer.safeguardingCheckedUntil());
            employers.addPresence(employerId, offer.hubId());
            offerId = new OfferRepository(tx)
                    .create(employerId, offer.hubId(), volunteerId, offer.offer(), OfferStatus.PENDING);
            // The organisation's page opens to them when they follow the link (confirmOffer), not before:
            // anyone can type anyone's address into the form.
            userId = account.map(Account::id)
                    .orElseGet(() -> accounts.createWithoutScope(offer.email(), offer.contactName()));
        }
        long link = new LoginTokenRepository(tx, clock).issueOfferConfirmation(userId, offerId);

        new AuditLog(tx)
                .record(
                        userId,
                        "offer_submitted",
                        "offer",
                        offerId,
                        Map.of(
                                "joined_existing",
                                        existing.map(e -> e.reason().name()).orElse("no"),
                                "asks_to_join", join.isPresent()),
                        ipAddress);
        return new Result(offerId, userId, link, join);
    }

    /**
     * The person followed the link for their offer: it goes live and its organisation's page opens to
     * them, or, when they asked to join an organisation already registered, the request reaches the
     * people who decide. Runs in the caller's transaction.
     *
     * @return whether the offer waits for that decision
     */
    public boolean confirm(DSLContext tx, long userId, long offerId, long employerId) {
        OrganisationJoinRepository joins = new OrganisationJoinRepository(tx, clock);
        Optional<Long> join = joins.undecidedForOffer(offerId);
        if (join.isPresent()) {
            joins.emailConfirmed(join.get());
            return true;
        }
        // no request to join, so they made the organisation or belong to it already
        new AccountRepository(tx).addScope(userId, Scope.employer(employerId));
        new OfferRepository(tx).activate(offerId);
        return false;
    }
}

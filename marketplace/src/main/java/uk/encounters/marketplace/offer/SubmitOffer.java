package uk.encounters.marketplace.offer;

import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.account.IssuedToken;
import uk.encounters.marketplace.account.LoginTokens;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.employer.EmployerRepository;
import uk.encounters.marketplace.employer.ExistingEmployer;
import uk.encounters.marketplace.employer.VolunteerRepository;

/**
 * An offer from the public form: joins the organisation when it is already known (one record per
 * organisation), records the person as a volunteer and an account with no password, and saves
 * the offer pending until they follow the emailed link. Runs in the caller's transaction, which
 * also writes the email, so all of it is saved or none.
 */
public final class SubmitOffer {

    /**
     * @param grantedAccess whether the person may now see the organisation's page: only when they
     *                      created it, or their email is on its own domain (the link proves they
     *                      read that mailbox). A match by name alone must not hand anyone another
     *                      organisation's bookings.
     */
    public record Result(long employerId, long offerId, long userId, Optional<ExistingEmployer> joined,
                         boolean grantedAccess, IssuedToken confirmation) {
    }

    private final Clock clock;

    public SubmitOffer(Clock clock) {
        this.clock = clock;
    }

    public Result submit(DSLContext tx, OfferSubmission offer, String ipAddress) {
        EmployerRepository employers = new EmployerRepository(tx);
        Optional<ExistingEmployer> existing = employers.findExisting(offer.organisation(), offer.email(), offer.postcode());
        long employerId = existing.map(ExistingEmployer::employerId).orElseGet(() -> employers.create(offer.hubId(),
                offer.organisation(), offer.email(), offer.postcode(), offer.sizeBand(), offer.sector(), false, 1));
        boolean grantAccess = existing.isEmpty() || existing.get().reason() == ExistingEmployer.Reason.SAME_EMAIL_DOMAIN;

        long volunteerId = volunteer(tx, employerId, offer);
        long offerId = new OfferRepository(tx).create(employerId, volunteerId, offer.offer(),
                OfferRepository.Status.PENDING);

        AccountRepository accounts = new AccountRepository(tx);
        Scope scope = Scope.employer(employerId);
        long userId = accounts.findByEmail(offer.email()).map(account -> {
            if (grantAccess && !account.scopes().contains(scope)) {
                accounts.addScope(account.id(), scope);
            }
            return account.id();
        }).orElseGet(() -> grantAccess
                ? accounts.create(offer.email(), offer.contactName(), null, scope)
                : accounts.createWithoutScope(offer.email(), offer.contactName()));
        IssuedToken confirmation = new LoginTokens(tx, clock).issue(userId, LoginTokens.Purpose.MAGIC_LINK);

        new AuditLog(tx).record(userId, "offer_submitted", "offer", offerId, Map.of(
                "employer", employerId,
                "joined_existing", existing.map(e -> e.reason().name()).orElse("no"),
                "access_granted", grantAccess), ipAddress);
        return new Result(employerId, offerId, userId, existing, grantAccess, confirmation);
    }

    private static long volunteer(DSLContext tx, long employerId, OfferSubmission offer) {
        return tx.select(VOLUNTEER.ID).from(VOLUNTEER)
                .where(VOLUNTEER.EMPLOYER_ID.eq(employerId)).and(VolunteerRepository.hasEmail(offer.email()))
                .fetchOptional(VOLUNTEER.ID)
                .orElseGet(() -> tx.insertInto(VOLUNTEER, VOLUNTEER.EMPLOYER_ID, VOLUNTEER.NAME, VOLUNTEER.EMAIL,
                                VOLUNTEER.SAFEGUARDING_CHECKED_UNTIL)
                        .values(employerId, offer.contactName(), offer.email(), offer.safeguardingCheckedUntil())
                        .returning(VOLUNTEER.ID).fetchOne(VOLUNTEER.ID));
    }
}

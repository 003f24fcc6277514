package uk.encounters.marketplace.employer;

import java.util.Map;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;

/**
 * What an organisation's contacts change about it: how often it may be asked, its site's arrival
 * details, and the secret address of its calendar feed. Each change and its audit entry are one transaction.
 */
public final class EmployerChanges {

    private final DSLContext dsl;

    public EmployerChanges(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** How often the organisation is willing to be asked; matching honours it. */
    public void setContactPreference(Actor actor, long employerId, int maxAsksPerMonth) {
        dsl.transaction(c -> {
            new EmployerRepository(c.dsl()).setContactPreference(employerId, maxAsksPerMonth);
            new AuditLog(c.dsl())
                    .record(
                            actor,
                            "contact_preference_changed",
                            "employer",
                            employerId,
                            Map.of("max_asks_per_month", maxAsksPerMonth));
        });
    }

    /** Where pupils go for a workplace visit, whom to ask for and how to get in; shown on the school's bookings. */
    public void setSiteDetails(Actor actor, long employerId, SiteDetails site) {
        dsl.transaction(c -> {
            EmployerRepository employers = new EmployerRepository(c.dsl());
            SiteDetails before = employers.findSiteDetails(employerId);
            employers.setSiteDetails(employerId, site);
            // which parts changed, not what they say: the contact's name and phone stay out of the log
            new AuditLog(c.dsl())
                    .record(
                            actor,
                            "site_details_changed",
                            "employer",
                            employerId,
                            Map.of("changed", AuditLog.changedParts(before, site)));
        });
    }

    /** A new secret calendar address, returned once; any earlier one stops working. */
    public String issueCalendarFeed(Actor actor, long employerId) {
        return dsl.transactionResult(c -> {
            String issued = new EmployerRepository(c.dsl()).issueCalendarToken(employerId);
            new AuditLog(c.dsl()).record(actor, "calendar_feed_issued", "employer", employerId, Map.of());
            return issued;
        });
    }
}

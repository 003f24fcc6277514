package uk.encounters.marketplace.employer;

import java.util.Map;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;

/**
 * What an organisation's contacts change about it: how often it may be asked, and the secret
 * address of its calendar feed. Each change and its audit entry are one transaction.
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

    /** A new secret calendar address, returned once; any earlier one stops working. */
    public String issueCalendarFeed(Actor actor, long employerId) {
        return dsl.transactionResult(c -> {
            String issued = new EmployerRepository(c.dsl()).issueCalendarToken(employerId);
            new AuditLog(c.dsl()).record(actor, "calendar_feed_issued", "employer", employerId, Map.of());
            return issued;
        });
    }
}

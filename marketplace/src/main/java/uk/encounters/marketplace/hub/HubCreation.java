package uk.encounters.marketplace.hub;

import java.util.Map;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;

/** An administrator creating a Careers Hub: the hub and its audit entry are one transaction. */
public final class HubCreation {

    private final DSLContext dsl;

    public HubCreation(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The new hub's id; the caller has checked the name is not taken. */
    public long create(Actor actor, String name, String area) {
        return dsl.transactionResult(c -> {
            long id = new HubRepository(c.dsl()).create(name, area);
            new AuditLog(c.dsl()).record(actor, "hub_created", "hub", id, Map.of("name", name, "area", area));
            return id;
        });
    }
}

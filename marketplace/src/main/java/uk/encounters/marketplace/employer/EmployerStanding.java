package uk.encounters.marketplace.employer;

import java.util.Map;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;

/**
 * What the hub's coordinator records about an organisation: whether it is a cornerstone employer
 * (committed capacity, so no cap on sessions per round) and whether it is an agency that brokers
 * for other employers; and which organisations registered by other hubs work with this one too.
 * All are reversible; each change and its audit entry are one transaction.
 */
public final class EmployerStanding {

    private final DSLContext dsl;

    public EmployerStanding(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Marks it, in this hub only: another hub's mark is that hub's coordinator's to set. */
    public void setCornerstone(Actor actor, long employerId, long hubId, boolean cornerstone) {
        dsl.transaction(c -> {
            new EmployerRepository(c.dsl()).setCornerstone(employerId, hubId, cornerstone);
            new AuditLog(c.dsl())
                    .record(
                            actor,
                            cornerstone ? "cornerstone_marked" : "cornerstone_unmarked",
                            "employer",
                            employerId,
                            Map.of("hub", hubId));
        });
    }

    /**
     * Brings an organisation another hub registered into this one (a cornerstone that works with
     * several hubs): one organisation, whose contacts and volunteers serve both, with this hub's
     * own presence, not a cornerstone here until marked.
     *
     * @return whether it was new to the hub
     */
    public boolean addToHub(Actor actor, long employerId, long hubId) {
        return dsl.transactionResult(c -> {
            boolean added = new EmployerRepository(c.dsl()).addPresence(employerId, hubId);
            if (added) {
                new AuditLog(c.dsl())
                        .record(actor, "employer_added_to_hub", "employer", employerId, Map.of("hub", hubId));
            }
            return added;
        });
    }

    public void setKind(Actor actor, long employerId, EmployerKind kind) {
        dsl.transaction(c -> {
            new EmployerRepository(c.dsl()).setKind(employerId, kind);
            new AuditLog(c.dsl())
                    .record(actor, "employer_kind_changed", "employer", employerId, Map.of("kind", kind.code()));
        });
    }
}

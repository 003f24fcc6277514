package uk.encounters.marketplace.employer;

import java.util.Map;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;

/**
 * What the hub's coordinator records about an organisation: whether it is a cornerstone employer
 * (committed capacity, so no cap on sessions per round) and whether it is an agency that brokers
 * for other employers. Both are reversible; each change and its audit entry are one transaction.
 */
public final class EmployerStanding {

    private final DSLContext dsl;

    public EmployerStanding(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void setCornerstone(Actor actor, long employerId, boolean cornerstone) {
        dsl.transaction(c -> {
            new EmployerRepository(c.dsl()).setCornerstone(employerId, cornerstone);
            new AuditLog(c.dsl())
                    .record(
                            actor,
                            cornerstone ? "cornerstone_marked" : "cornerstone_unmarked",
                            "employer",
                            employerId,
                            Map.of());
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

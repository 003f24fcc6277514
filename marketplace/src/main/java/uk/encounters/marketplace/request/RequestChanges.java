package uk.encounters.marketplace.request;

import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;

/**
 * What a careers leader changes in the school's requests: posting one, or the whole plan of what
 * to request next, editing or cancelling one while it is open. Each change and its audit entries
 * are one transaction.
 */
public final class RequestChanges {

    private final DSLContext dsl;

    public RequestChanges(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A new open request's id; empty when the school is in no hub, where no round would ever match it. */
    public Optional<Long> post(Actor actor, long schoolId, RequestDetails details) {
        return dsl.transactionResult(c -> {
            if (!inHub(c.dsl(), schoolId)) {
                return Optional.empty();
            }
            long id = new RequestRepository(c.dsl()).create(schoolId, details);
            new AuditLog(c.dsl()).record(actor, "request_posted", "request", id, Map.of());
            return Optional.of(id);
        });
    }

    /**
     * Every proposal of "what to request next" posted together; the ids of the new requests, or
     * empty when the school is in no hub.
     */
    public Optional<List<Long>> postPlan(Actor actor, long schoolId, List<RequestPlan.Proposal> proposals) {
        return dsl.transactionResult(c -> {
            if (!inHub(c.dsl(), schoolId)) {
                return Optional.empty();
            }
            List<Long> posted = new RequestPlan(c.dsl()).post(schoolId, proposals);
            AuditLog audit = new AuditLog(c.dsl());
            for (long id : posted) {
                audit.record(actor, "request_posted", "request", id, Map.of("from", "what to request next"));
            }
            return Optional.of(posted);
        });
    }

    /** Read under a share lock, so a school cannot leave its hub while a request for it is posted. */
    private static boolean inHub(DSLContext tx, long schoolId) {
        return tx.select(SCHOOL.HUB_ID)
                        .from(SCHOOL)
                        .where(SCHOOL.ID.eq(schoolId))
                        .forShare()
                        .fetchOne(SCHOOL.HUB_ID)
                != null;
    }

    /** False when the request was matched meanwhile, and so did not change. */
    public boolean edit(Actor actor, long schoolId, long requestId, RequestDetails details) {
        return dsl.transactionResult(c -> {
            boolean edited = new RequestRepository(c.dsl()).update(schoolId, requestId, details);
            if (edited) {
                new AuditLog(c.dsl()).record(actor, "request_edited", "request", requestId, Map.of());
            }
            return edited;
        });
    }

    /** False unless it was open: a matched request is changed through its bookings. */
    public boolean cancel(Actor actor, long schoolId, long requestId) {
        return dsl.transactionResult(c -> {
            boolean cancelled = new RequestRepository(c.dsl()).cancel(schoolId, requestId);
            if (cancelled) {
                new AuditLog(c.dsl()).record(actor, "request_cancelled", "request", requestId, Map.of());
            }
            return cancelled;
        });
    }
}

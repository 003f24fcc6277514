package uk.encounters.marketplace.placement;

import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.PLACEMENT_SIGN_OFF;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;

/**
 * The school's check of a host's paperwork: approved, or sent back with the reason the host is
 * shown. A careers leader or the hub's coordinator checks the declaration they read; if the host
 * declared again meanwhile, nothing is recorded and they read the new one first.
 */
public final class PlacementChecks {

    /** What became of a check. */
    public enum Outcome {
        RECORDED,
        /** The host declared again after the page was read: the check would be of the wrong declaration. */
        DECLARED_AGAIN,
        /** An approval of paperwork that does not hold on every day of the placement. */
        DOES_NOT_HOLD,
        /** A placement not the school's, or no longer going ahead. */
        NOT_GOING_AHEAD
    }

    private final DSLContext dsl;
    private final Clock clock;

    public PlacementChecks(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * Records the same check for each of the school's placements named, all at one host (a
     * booking's pupils are checked together): all of them or none.
     *
     * @param declarationRead the host's declaration the checker read
     * @param reason why it goes back to the host; blank for an approval
     */
    public Outcome decide(
            Actor actor,
            long schoolId,
            List<Long> placementIds,
            long declarationRead,
            SignOffDecision decision,
            String reason) {
        if (decision == SignOffDecision.SENT_BACK && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a check sent back needs its reason");
        }
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            PlacementRepository placements = new PlacementRepository(tx, clock);
            List<Placement> checked = new ArrayList<>();
            for (long id : placementIds) {
                Optional<Placement> placement = placements.find(schoolId, id);
                if (placement.isEmpty()
                        || (!checked.isEmpty()
                                && checked.getFirst().employerId()
                                        != placement.get().employerId())) {
                    return Outcome.NOT_GOING_AHEAD;
                }
                checked.add(placement.get());
            }
            if (checked.isEmpty()) {
                return Outcome.NOT_GOING_AHEAD;
            }
            long employerId = checked.getFirst().employerId();
            // the host cannot declare again between this read and the check (declaring locks the row too)
            tx.selectOne()
                    .from(EMPLOYER)
                    .where(EMPLOYER.ID.eq(employerId))
                    .forShare()
                    .execute();
            Optional<Declaration> current = PlacementPaperwork.inForce(tx, employerId);
            if (current.isEmpty() || current.get().id() != declarationRead) {
                return Outcome.DECLARED_AGAIN;
            }
            if (decision == SignOffDecision.APPROVED
                    && checked.stream().anyMatch(p -> !PlacementReadiness.paperworkHolds(p, current))) {
                return Outcome.DOES_NOT_HOLD;
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            AuditLog audit = new AuditLog(tx);
            for (Placement placement : checked) {
                tx.insertInto(PLACEMENT_SIGN_OFF)
                        .set(PLACEMENT_SIGN_OFF.PLACEMENT_ID, placement.id())
                        .set(PLACEMENT_SIGN_OFF.DECLARATION_ID, declarationRead)
                        .set(PLACEMENT_SIGN_OFF.DECISION, decision)
                        .set(PLACEMENT_SIGN_OFF.REASON, decision == SignOffDecision.SENT_BACK ? reason.strip() : null)
                        .set(PLACEMENT_SIGN_OFF.DECIDED_BY, actor.userId())
                        .set(PLACEMENT_SIGN_OFF.DECIDED_AT, now)
                        .execute();
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("decision", decision.getLiteral());
                detail.put("declaration", declarationRead);
                audit.record(actor, "placement_checked", "placement", placement.id(), detail);
            }
            return Outcome.RECORDED;
        });
    }
}

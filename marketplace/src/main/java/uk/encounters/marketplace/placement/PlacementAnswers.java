package uk.encounters.marketplace.placement;

import static uk.encounters.marketplace.jooq.Tables.PLACEMENT_AGREEMENT;
import static uk.encounters.marketplace.jooq.Tables.PLACEMENT_INDUCTION;
import static uk.encounters.marketplace.jooq.Tables.PLACEMENT_REFLECTION;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;

/**
 * What a parent or carer and the pupil give for a placement: the agreement (through their link, or
 * on a paper form the school records), the first-day checklist and the reflection afterwards. Each
 * is a row added with its audit entry, in one transaction; the checklist and the reflection are
 * given once. The audit entries say what was given, never what was written.
 */
public final class PlacementAnswers {

    private final DSLContext dsl;
    private final Clock clock;

    public PlacementAnswers(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /**
     * A parent's or carer's answer; the newest stands.
     *
     * @param actor the careers leader recording a paper form, or the anonymous visitor of the link
     * @param onPaper whether the school is recording a paper form (the actor is then who recorded it)
     */
    public void agree(
            Actor actor,
            long placementId,
            AgreementDecision decision,
            String givenBy,
            String relationship,
            boolean onPaper) {
        dsl.transaction(c -> {
            DSLContext tx = c.dsl();
            tx.insertInto(PLACEMENT_AGREEMENT)
                    .set(PLACEMENT_AGREEMENT.PLACEMENT_ID, placementId)
                    .set(PLACEMENT_AGREEMENT.DECISION, decision)
                    .set(PLACEMENT_AGREEMENT.GIVEN_BY, givenBy)
                    .set(PLACEMENT_AGREEMENT.RELATIONSHIP, relationship)
                    .set(PLACEMENT_AGREEMENT.RECORDED_BY, onPaper ? actor.userId() : null)
                    .set(PLACEMENT_AGREEMENT.DECIDED_AT, OffsetDateTime.now(clock))
                    .execute();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("decision", decision.getLiteral());
            detail.put("given", onPaper ? "paper form" : "link");
            new AuditLog(tx).record(actor, "placement_agreement_given", "placement", placementId, detail);
        });
    }

    /**
     * The pupil's first-day checklist, with every point confirmed; false when it was already
     * completed (it is completed once).
     */
    public boolean completeInduction(Actor actor, long placementId, Set<InductionPoint> confirmed) {
        if (!confirmed.containsAll(Arrays.asList(InductionPoint.values()))) {
            throw new IllegalArgumentException("every point is confirmed: " + confirmed);
        }
        String points = Arrays.stream(InductionPoint.values())
                .map(p -> "\"" + p.code() + "\"")
                .reduce((a, b) -> a + "," + b)
                .orElseThrow();
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            int added = tx.insertInto(PLACEMENT_INDUCTION)
                    .set(PLACEMENT_INDUCTION.PLACEMENT_ID, placementId)
                    .set(PLACEMENT_INDUCTION.CONFIRMED, JSONB.valueOf("[" + points + "]"))
                    .set(PLACEMENT_INDUCTION.COMPLETED_AT, OffsetDateTime.now(clock))
                    .onConflict(PLACEMENT_INDUCTION.PLACEMENT_ID)
                    .doNothing()
                    .execute();
            if (added > 0) {
                new AuditLog(tx).record(actor, "placement_induction_completed", "placement", placementId, Map.of());
            }
            return added > 0;
        });
    }

    /** The pupil's reflection; false when one was already written (it is written once). */
    public boolean reflect(Actor actor, long placementId, String did, String learnt, WouldConsider consider) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            int added = tx.insertInto(PLACEMENT_REFLECTION)
                    .set(PLACEMENT_REFLECTION.PLACEMENT_ID, placementId)
                    .set(PLACEMENT_REFLECTION.WHAT_THEY_DID, did)
                    .set(PLACEMENT_REFLECTION.WHAT_THEY_LEARNT, learnt)
                    .set(PLACEMENT_REFLECTION.WOULD_CONSIDER, consider)
                    .set(PLACEMENT_REFLECTION.SUBMITTED_AT, OffsetDateTime.now(clock))
                    .onConflict(PLACEMENT_REFLECTION.PLACEMENT_ID)
                    .doNothing()
                    .execute();
            if (added > 0) {
                new AuditLog(tx)
                        .record(
                                actor,
                                "placement_reflection_written",
                                "placement",
                                placementId,
                                Map.of("would_consider", consider.getLiteral()));
            }
            return added > 0;
        });
    }
}

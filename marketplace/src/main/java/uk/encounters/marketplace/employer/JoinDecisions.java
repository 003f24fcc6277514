package uk.encounters.marketplace.employer;

import java.time.Clock;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.marketplace.outbox.OutboxMessage;

/**
 * Deciding who joins an organisation ({@link OrganisationJoinRepository#decide}): by a contact of the
 * organisation, or by the coordinator of its hub. The decision, its audit entry and the email
 * telling the person who asked are one transaction.
 */
public final class JoinDecisions {

    private final DSLContext dsl;
    private final Clock clock;

    public JoinDecisions(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** A contact decides, for their own organisation's requests only. */
    public OrganisationJoinRepository.Decided decideAsContact(
            Actor actor,
            long employerId,
            long joinId,
            OrganisationJoinRepository.Decision decision,
            Function<OrganisationJoinRepository.Decided, OutboxMessage> told) {
        return decide(actor, OrganisationJoinRepository.byContactOf(employerId), joinId, decision, told);
    }

    /** The hub's coordinator decides, for any organisation of the hub. */
    public OrganisationJoinRepository.Decided decideAsCoordinator(
            Actor actor,
            long hubId,
            long joinId,
            OrganisationJoinRepository.Decision decision,
            Function<OrganisationJoinRepository.Decided, OutboxMessage> told) {
        return decide(actor, OrganisationJoinRepository.byCoordinatorOf(hubId), joinId, decision, told);
    }

    private OrganisationJoinRepository.Decided decide(
            Actor actor,
            Condition approver,
            long joinId,
            OrganisationJoinRepository.Decision decision,
            Function<OrganisationJoinRepository.Decided, OutboxMessage> told) {
        return dsl.transactionResult(c -> {
            OrganisationJoinRepository.Decided decided = new OrganisationJoinRepository(c.dsl(), clock)
                    .decide(joinId, approver, decision, actor.userId(), actor.ipAddress());
            if (decided.outcome() == OrganisationJoinRepository.Outcome.DONE) {
                new Outbox(c.dsl()).enqueue(told.apply(decided));
            }
            return decided;
        });
    }
}

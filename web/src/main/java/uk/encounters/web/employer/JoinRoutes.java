package uk.encounters.web.employer;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Optional;
import uk.encounters.marketplace.employer.JoinDecisions;
import uk.encounters.marketplace.employer.OrganisationJoinRepository.Decided;
import uk.encounters.marketplace.employer.OrganisationJoinRepository.Decision;
import uk.encounters.marketplace.outbox.OutboxMessage;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * Deciding who joins an organisation: its contacts decide on their own organisation's page, the
 * coordinator on the hub's organisations page. The person who asked is told by email.
 */
public final class JoinRoutes {

    /** One way to decide: as a contact of the organisation, or as the hub's coordinator. */
    private interface Decider {
        Decided decide(Decision decision, long joinId);
    }

    private final JoinDecisions decisions;
    private final Blocking blocking;
    private final String baseUrl;

    public JoinRoutes(JoinDecisions decisions, Blocking blocking, String baseUrl) {
        this.decisions = decisions;
        this.blocking = blocking;
        this.baseUrl = baseUrl;
    }

    /** Its routes (under /employers/:employerId, under /hubs/:hubId). */
    public void mount(Routes routes) {
        Routes employer = routes.employer();
        Routes hub = routes.hub();
        employer.post("/joins/:joinId", this::processEmployerDecision);
        hub.post("/joins/:joinId", this::processHubDecision);
    }

    /** A contact of the organisation decides. */
    public void processEmployerDecision(RoutingContext ctx) {
        long employerId = PathId.required(ctx, "employerId");
        decide(
                ctx,
                (decision, joinId) -> decisions.decideAsContact(
                        CurrentUser.actor(ctx), employerId, joinId, decision, d -> told(joinId, d)),
                "/employers/" + employerId + "#joins");
    }

    /** The hub's coordinator decides, for any organisation of the hub. */
    public void processHubDecision(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        decide(
                ctx,
                (decision, joinId) -> decisions.decideAsCoordinator(
                        CurrentUser.actor(ctx), hubId, joinId, decision, d -> told(joinId, d)),
                "/hubs/" + hubId + "/employers#joins");
    }

    private void decide(RoutingContext ctx, Decider decider, String back) {
        long joinId = PathId.required(ctx, "joinId");
        Form form = Form.of(ctx);
        String code = form.choice("decision", "Your decision", List.of("approved", "separate", "refused"));
        Optional<Decision> decision = Decision.ofCode(code);
        if (decision.isEmpty()) {
            Flash.set(ctx, "Choose whether they belong to the organisation, are a different one, or are not genuine.");
            ctx.redirect(back);
            return;
        }
        Decided decided = blocking.call(() -> decider.decide(decision.get(), joinId));
        switch (decided.outcome()) {
            case NOT_FOUND -> {
                ctx.fail(404);
                return;
            }
            case ALREADY_DECIDED -> Flash.set(ctx, "Someone has already decided that request.");
            case NAME_TAKEN ->
                Flash.set(
                        ctx,
                        "An organisation of that name is already registered at that postcode,"
                                + " so they cannot be a separate one: approve or refuse them.");
            case DONE ->
                Flash.set(
                        ctx,
                        switch (decided.decision()) {
                            case APPROVED -> "Approved: they are now a contact, and their offer is live.";
                            case SEPARATE ->
                                "Done: " + decided.organisation()
                                        + " is now an organisation of its own, with their offer.";
                            case REFUSED ->
                                "Refused: their offer is withdrawn, and they see nothing of the organisation.";
                        });
        }
        ctx.redirect(back);
    }

    private OutboxMessage told(long joinId, Decided decided) {
        String body = switch (decided.decision()) {
            case APPROVED, SEPARATE -> """
                    Hello,

                    Your offer to local pupils is now live, and you are a contact for %s on Employer Encounters:
                    you can see its bookings and offers once you sign in (a link by email, no password needed):

                    %s/sign-in/link
                    """.formatted(decided.organisation(), baseUrl);
            case REFUSED -> """
                    Hello,

                    Your recent offer to local pupils could not be linked to the organisation you named, so it has
                    not gone ahead. If you think this is a mistake, please contact your local enterprise coordinator.
                    """;
        };
        return new OutboxMessage(
                "organisation-join:" + joinId,
                "organisation_join",
                decided.email(),
                "Your offer to local schools",
                body,
                null);
    }
}

package uk.encounters.web.employer;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import uk.encounters.marketplace.account.Account;
import uk.encounters.marketplace.employer.OrganisationInvitations;
import uk.encounters.marketplace.employer.OrganisationInvitations.Answer;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * The link that asks someone who already has an account to manage an organisation a hub's
 * imported list names them as the contact of. Opening it changes nothing (mail scanners follow
 * links); the answer is a button. Accepting adds the organisation to the account the link was sent
 * to and never signs anyone in: whoever is not signed in as that person signs in as usual, second
 * factor and all.
 */
public final class OrganisationInvitationRoutes {

    /**
     * @param refusal why pressing Accept changed nothing, or null
     * @param someoneElse the name of the person signed in in this browser when the link is not
     *     theirs, or null
     */
    public record InvitationPage(
            OrganisationInvitations.Invitation invitation,
            String someoneElse,
            String acceptAction,
            String declineAction,
            String refusal) {}

    /** The thanks after declining: nothing was added, and the link no longer works. */
    public record DeclinedPage(String organisation) {}

    public record InvitationExpiredPage() {}

    private final OrganisationInvitations invitations;
    private final Blocking blocking;
    private final Templates templates;

    public OrganisationInvitationRoutes(OrganisationInvitations invitations, Blocking blocking, Templates templates) {
        this.invitations = invitations;
        this.blocking = blocking;
        this.templates = templates;
    }

    /** Its routes (public: the link's secret stands for the person it was sent to). */
    public void mount(Routes routes) {
        Routes anyone = routes.anyone();
        anyone.get("/organisations/:employerId/invitation/:token", this::initInvitation);
        anyone.post("/organisations/:employerId/invitation/:token/accept", this::processAccept);
        anyone.post("/organisations/:employerId/invitation/:token/decline", this::processDecline);
    }

    public void initInvitation(RoutingContext ctx) {
        long employerId = PathId.required(ctx, "employerId");
        String token = ctx.pathParam("token");
        Optional<OrganisationInvitations.Invitation> invitation =
                blocking.call(() -> invitations.find(employerId, token));
        if (invitation.isEmpty()) {
            linkExpired(ctx);
            return;
        }
        show(ctx, 200, invitation.get(), null);
    }

    public void processAccept(RoutingContext ctx) {
        long employerId = PathId.required(ctx, "employerId");
        String token = ctx.pathParam("token");
        Account signedIn = CurrentUser.of(ctx);
        Answer answer = blocking.call(() ->
                invitations.accept(CurrentUser.actor(ctx), employerId, token, signedIn == null ? null : signedIn.id()));
        switch (answer.outcome()) {
            case ACCEPTED -> {
                String employerPage = "/employers/" + answer.employerId();
                if (signedIn != null) {
                    Flash.set(ctx, answer.organisation() + " is now on your account: this is its page.");
                    ctx.redirect(employerPage);
                } else {
                    Flash.set(
                            ctx,
                            answer.organisation() + " has been added to your account. Sign in as usual to manage it.");
                    ctx.redirect("/sign-in?next=" + employerPage);
                }
            }
            case SOMEONE_ELSE -> {
                Optional<OrganisationInvitations.Invitation> invitation =
                        blocking.call(() -> invitations.find(employerId, token));
                if (invitation.isEmpty()) {
                    linkExpired(ctx);
                    return;
                }
                show(
                        ctx,
                        403,
                        invitation.get(),
                        "Nothing has changed: this invitation is for another account than the one signed in here."
                                + " Sign out, then open the link again.");
            }
            default -> linkExpired(ctx);
        }
    }

    public void processDecline(RoutingContext ctx) {
        long employerId = PathId.required(ctx, "employerId");
        String token = ctx.pathParam("token");
        Answer answer = blocking.call(() -> invitations.decline(CurrentUser.actor(ctx), employerId, token));
        if (answer.outcome() != OrganisationInvitations.Outcome.DECLINED) {
            linkExpired(ctx);
            return;
        }
        templates.render(
                ctx, "employer/invitation-declined", "Invitation declined", new DeclinedPage(answer.organisation()));
    }

    private void show(RoutingContext ctx, int status, OrganisationInvitations.Invitation invitation, String refusal) {
        Account signedIn = CurrentUser.of(ctx);
        String someoneElse = signedIn != null && signedIn.id() != invitation.userId() ? signedIn.displayName() : null;
        // the token was found, so it is one of ours and safe in a path as it is
        String base = "/organisations/" + invitation.employerId() + "/invitation/" + ctx.pathParam("token");
        templates.render(
                ctx,
                status,
                "employer/invitation",
                "Manage " + invitation.organisation() + "?",
                new InvitationPage(invitation, someoneElse, base + "/accept", base + "/decline", refusal));
    }

    /** As for every emailed link: a wrong or stale secret says so, and names nothing. */
    private void linkExpired(RoutingContext ctx) {
        templates.render(
                ctx,
                410,
                "employer/invitation-expired",
                "This invitation has expired or been answered",
                new InvitationExpiredPage());
    }
}

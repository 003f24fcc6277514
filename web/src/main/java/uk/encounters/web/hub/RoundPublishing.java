package uk.encounters.web.hub;

import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.hub.HubRepository.Hub;
import uk.encounters.marketplace.round.Publication;
import uk.encounters.marketplace.round.PublishCheck;
import uk.encounters.marketplace.round.PublishRound;
import uk.encounters.marketplace.round.Round;
import uk.encounters.marketplace.round.RoundStatus;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathEntity;

/**
 * Publishing a round's proposal, which cannot be undone: first a page saying what publishing
 * sends and which schools and employers would hear nothing (with where to invite someone for
 * each), whose button publishes; then a message saying what was sent and to whom nothing went.
 * A publish posted without that page's confirmation publishes nothing and shows the page, so an
 * old tab's button cannot publish unchecked. Mounted by {@link RoundRoutes}.
 */
public final class RoundPublishing {

    /** What the final form posts beside the token: only this publishes. */
    static final String CONFIRMED = "yes";

    /** The check before publishing. */
    public record PublishPage(Hub hub, Round round, PublishCheck.Recipients recipients) {

        /** "12 school digests and 9 employer digests (and 2 copies to enterprise advisers)". */
        public String sends() {
            return digests(recipients.schoolDigests(), recipients.employerDigests(), recipients.adviserCopies());
        }

        /** "3 schools and 1 employer have nobody to tell"; empty when everyone has someone. */
        public String untold() {
            int schools = recipients.schools().size();
            int employers = recipients.employers().size();
            return RoundPublishing.untold(schools, employers) + (schools + employers == 1 ? " has" : " have")
                    + " nobody to tell";
        }

        public String bookings() {
            return RoundRoutes.count(recipients.bookings(), "booking");
        }

        public String emails() {
            return RoundRoutes.count(recipients.emails(), "email");
        }
    }

    private final PublishRound publishing;
    private final PublishCheck check;
    private final Blocking blocking;
    private final Templates templates;
    private final PathEntity<Hub> hub;
    private final PathEntity<Round> round;

    public RoundPublishing(
            PublishRound publishing,
            PublishCheck check,
            Blocking blocking,
            Templates templates,
            PathEntity<Hub> hub,
            PathEntity<Round> round) {
        this.publishing = publishing;
        this.check = check;
        this.blocking = blocking;
        this.templates = templates;
        this.hub = hub;
        this.round = round;
    }

    /** The check: what publishing would send, and who would hear nothing. */
    public void showPublish(RoutingContext ctx) {
        Round shown = round.of(ctx);
        if (shown.status() != RoundStatus.PROPOSED) {
            Flash.set(ctx, RoundRoutes.notEditable(shown));
            ctx.redirect(RoundRoutes.roundPath(shown.hubId(), shown.id()));
            return;
        }
        PublishCheck.Recipients recipients = blocking.call(() -> check.of(shown.id()));
        templates.render(
                ctx,
                200,
                "hub/round-publish",
                "Publish round " + shown.id() + "?",
                new PublishPage(hub.of(ctx), shown, recipients));
    }

    /** Publishes once confirmed on the check's page; without the confirmation, shows that page. */
    public void processPublish(RoutingContext ctx) {
        Round publishing = round.of(ctx);
        if (!CONFIRMED.equals(ctx.request().getFormAttribute("confirm"))) {
            showPublish(ctx);
            return;
        }
        Actor actor = CurrentUser.actor(ctx);
        Publication.Published published =
                blocking.call(() -> this.publishing.publish(actor, publishing.hubId(), publishing.id()));
        Flash.set(
                ctx,
                switch (published.result()) {
                    case PUBLISHED -> sent(published);
                    case ALREADY_PUBLISHED -> "This round was published already; nothing was sent twice.";
                    case NOT_READY -> RoundRoutes.notEditable(publishing);
                });
        ctx.redirect(RoundRoutes.roundPath(publishing.hubId(), publishing.id()));
    }

    /**
     * "Published 12 bookings: sending 4 school digests and 5 employer digests. Nobody was emailed at
     * 1 school (South School), ...", naming each school and employer that heard nothing.
     */
    static String sent(Publication.Published published) {
        String sent = "Published " + RoundRoutes.count(published.bookings(), "booking") + ": sending "
                + digests(published.schoolDigests(), published.employerDigests(), published.adviserCopies()) + ".";
        if (published.undeliverable() == 0) {
            return sent;
        }
        List<String> untold = new ArrayList<>();
        if (!published.schoolsUntold().isEmpty()) {
            untold.add(RoundRoutes.count(published.schoolsUntold().size(), "school") + " ("
                    + names(published.schoolsUntold()) + ")");
        }
        if (!published.employersUntold().isEmpty()) {
            untold.add(RoundRoutes.count(published.employersUntold().size(), "employer") + " ("
                    + names(published.employersUntold()) + ")");
        }
        return sent + " Nobody was emailed at " + String.join(" and ", untold)
                + ", as nobody there is signed up: they will not hear of their bookings until you invite"
                + " someone or tell them yourself.";
    }

    /** "12 school digests and 9 employer digests", with the advisers' copies when there are any. */
    static String digests(int schools, int employers, int adviserCopies) {
        String digests =
                RoundRoutes.count(schools, "school digest") + " and " + RoundRoutes.count(employers, "employer digest");
        return adviserCopies == 0
                ? digests
                : digests + " (and " + (adviserCopies == 1 ? "a copy" : adviserCopies + " copies")
                        + " to enterprise advisers)";
    }

    /** "3 schools and 1 employer", "2 employers"; empty for none. */
    static String untold(int schools, int employers) {
        List<String> parts = new ArrayList<>();
        if (schools > 0) {
            parts.add(RoundRoutes.count(schools, "school"));
        }
        if (employers > 0) {
            parts.add(RoundRoutes.count(employers, "employer"));
        }
        return String.join(" and ", parts);
    }

    private static String names(List<PublishCheck.Untold> untold) {
        return String.join(", ", untold.stream().map(PublishCheck.Untold::name).toList());
    }
}

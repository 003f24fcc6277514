package uk.encounters.web.employer;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import uk.encounters.marketplace.booking.CalendarFeed;
import uk.encounters.marketplace.employer.Employer;
import uk.encounters.marketplace.employer.EmployerChanges;
import uk.encounters.web.Blocking;
import uk.encounters.web.account.Links;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.Routes;

/** The employer's confirmed bookings as a calendar feed, at a secret address the employer issues. */
public final class CalendarFeedRoutes {

    public record CalendarPage(long employerId, String url) {}

    private final EmployerChanges changes;
    private final CalendarFeed calendarFeed;
    private final PathEntity<Employer> employer;
    private final Blocking blocking;
    private final Templates templates;
    private final Links links;

    /** @param employer the organisation {@code :employerId} names */
    public CalendarFeedRoutes(
            EmployerChanges changes,
            CalendarFeed calendarFeed,
            PathEntity<Employer> employer,
            Blocking blocking,
            Templates templates,
            Links links) {
        this.changes = changes;
        this.calendarFeed = calendarFeed;
        this.employer = employer;
        this.blocking = blocking;
        this.templates = templates;
        this.links = links;
    }

    /** Its routes: issuing the address under /employers/:employerId; the feed itself, for anyone with it. */
    public void mount(Routes routes) {
        routes.employer().loading(employer).post("/calendar", this::processCalendarFeed);
        routes.anyone().get("/calendar/:token", this::showCalendarFeed);
    }

    /** A new secret calendar address; any earlier one stops working. */
    public void processCalendarFeed(RoutingContext ctx) {
        long employerId = employer.of(ctx).id();
        String token = blocking.call(() -> changes.issueCalendarFeed(CurrentUser.actor(ctx), employerId));
        templates.render(
                ctx,
                "employer/calendar",
                "Your calendar address",
                new CalendarPage(employerId, links.calendarFeedUrl(token)));
    }

    /**
     * The confirmed bookings as iCalendar. Calendar apps carry no session, so the secret in the
     * address is what admits them.
     */
    public void showCalendarFeed(RoutingContext ctx) {
        String token = ctx.pathParam("token").replaceFirst("\\.ics$", "");
        Optional<String> ics = blocking.call(() -> calendarFeed.render(token, links));
        if (ics.isEmpty()) {
            templates.linkExpired(ctx, "This calendar address is no longer in use");
            return;
        }
        ctx.response()
                .putHeader("Content-Type", "text/calendar; charset=utf-8")
                .putHeader("Cache-Control", "private, max-age=300")
                .end(ics.get());
    }
}

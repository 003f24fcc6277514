package uk.encounters.web.employer;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import uk.encounters.marketplace.booking.CalendarFeed;
import uk.encounters.marketplace.booking.DeliveredSummary;
import uk.encounters.marketplace.booking.EmployerBooking;
import uk.encounters.marketplace.booking.EmployerBookingRepository;
import uk.encounters.marketplace.employer.Employer;
import uk.encounters.marketplace.employer.EmployerChanges;
import uk.encounters.marketplace.employer.EmployerRepository;
import uk.encounters.marketplace.employer.OrganisationJoinRepository;
import uk.encounters.marketplace.employer.VolunteerRepository;
import uk.encounters.marketplace.offer.OfferRepository;
import uk.encounters.web.Blocking;
import uk.encounters.web.account.Links;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.Routes;

/** The employer's own page, how often it may be asked, and its calendar feed. */
public final class EmployerRoutes {

    public record EmployerPage(
            Employer employer,
            List<OfferRepository.OfferSummary> offers,
            List<VolunteerRoutes.VolunteerRow> volunteers,
            List<EmployerBooking> upcoming,
            List<EmployerBooking> delivered,
            DeliveredSummary summary,
            boolean calendarFeed,
            List<OrganisationJoinRepository.PendingJoin> joins,
            String joinAction,
            String askLimit,
            List<AskOption> askOptions) {}

    /** One choice of how often the organisation may be asked. */
    public record AskOption(int value, String label, boolean selected) {}

    public record CalendarPage(long employerId, String url) {}

    static final List<Integer> ASK_LIMITS = List.of(1, 2, 4, 8);

    private final EmployerRepository employers;
    private final OfferRepository offers;
    private final VolunteerRepository volunteers;
    private final EmployerBookingRepository bookings;
    private final OrganisationJoinRepository joins;
    private final EmployerChanges changes;
    private final CalendarFeed calendarFeed;
    private final PathEntity<Employer> employer;
    private final Blocking blocking;
    private final Templates templates;
    private final Links links;
    private final Clock clock;

    /** @param employer the organisation {@code :employerId} names, merged or not */
    public EmployerRoutes(
            EmployerRepository employers,
            OfferRepository offers,
            VolunteerRepository volunteers,
            EmployerBookingRepository bookings,
            OrganisationJoinRepository joins,
            EmployerChanges changes,
            CalendarFeed calendarFeed,
            PathEntity<Employer> employer,
            Blocking blocking,
            Templates templates,
            Links links,
            Clock clock) {
        this.employers = employers;
        this.offers = offers;
        this.volunteers = volunteers;
        this.bookings = bookings;
        this.joins = joins;
        this.changes = changes;
        this.calendarFeed = calendarFeed;
        this.employer = employer;
        this.blocking = blocking;
        this.templates = templates;
        this.links = links;
        this.clock = clock;
    }

    /** Its routes (public, under /employers/:employerId). */
    public void mount(Routes routes) {
        Routes anyone = routes.anyone();
        Routes employer = routes.employer().loading(this.employer);
        employer.get("", this::showEmployer);
        employer.post("/contact-preference", this::processContactPreference);
        employer.post("/calendar", this::processCalendarFeed);
        anyone.get("/calendar/:token", this::showCalendarFeed);
    }

    public void showEmployer(RoutingContext ctx) {
        showEmployer(ctx, 200, Form.blank());
    }

    /** How often the organisation is willing to be asked; matching honours it. */
    public void processContactPreference(RoutingContext ctx) {
        long employerId = employer.of(ctx).id();
        Form form = Form.of(ctx);
        String limit = form.choice(
                "maxAsks",
                "How often we may ask",
                ASK_LIMITS.stream().map(String::valueOf).toList());
        if (form.hasErrors()) {
            showEmployer(ctx, 422, form);
            return;
        }
        int maxAsks = Integer.parseInt(limit);
        blocking.call(() -> {
            changes.setContactPreference(CurrentUser.actor(ctx), employerId, maxAsks);
            return null;
        });
        Flash.set(ctx, "Saved: we will ask at most " + describe(maxAsks) + ".");
        ctx.redirect("/employers/" + employerId);
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
        Optional<String> ics = blocking.call(() -> calendarFeed.render(token, links.host()));
        if (ics.isEmpty()) {
            templates.render(
                    ctx,
                    410,
                    "account/link-expired",
                    "This calendar address is no longer in use",
                    new OfferFormRoutes.LinkExpiredPage());
            return;
        }
        ctx.response()
                .putHeader("Content-Type", "text/calendar; charset=utf-8")
                .putHeader("Cache-Control", "private, max-age=300")
                .end(ics.get());
    }

    private void showEmployer(RoutingContext ctx, int status, Form form) {
        Employer shown = employer.of(ctx);
        if (shown.merged()) {
            // an old link, or a bookmark from before a coordinator merged the record: show the one kept
            Optional<Employer> current = blocking.call(() -> employers.findCurrent(shown.id()));
            if (current.isPresent() && !current.get().merged()) {
                ctx.redirect("/employers/" + current.get().id());
                return;
            }
        }
        long employerId = shown.id();
        LocalDate today = LocalDate.now(clock);
        int current = shown.maxAsksPerMonth();
        EmployerPage page = blocking.call(() -> new EmployerPage(
                shown,
                offers.findByEmployer(employerId),
                volunteers.findByEmployer(employerId).stream()
                        .map(v -> VolunteerRoutes.row(v, today))
                        .toList(),
                bookings.upcoming(employerId, today),
                bookings.delivered(employerId, today, 10),
                bookings.summary(employerId, today),
                employers.hasCalendarFeed(employerId),
                joins.pendingFor(employerId),
                "/employers/" + employerId + "/joins",
                describe(current),
                ASK_LIMITS.stream()
                        .map(n -> new AskOption(n, describe(n), n == current))
                        .toList()));
        templates.render(ctx, status, "employer/employer", shown.name(), page, form);
    }

    static String describe(int asksPerMonth) {
        return switch (asksPerMonth) {
            case 0 -> "never for now";
            case 1 -> "once a month";
            case 2 -> "twice a month";
            default -> asksPerMonth + " times a month";
        };
    }
}

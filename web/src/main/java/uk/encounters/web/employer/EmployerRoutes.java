package uk.encounters.web.employer;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import uk.encounters.marketplace.employer.Employer;
import uk.encounters.marketplace.employer.EmployerChanges;
import uk.encounters.marketplace.employer.SiteDetails;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.Routes;

/**
 * The employer's own page, how often it may be asked, and its site's details for workplace visits. Its calendar feed is {@link
 * CalendarFeedRoutes}.
 */
public final class EmployerRoutes {

    static final List<Integer> ASK_LIMITS = List.of(1, 2, 4, 8);

    private final EmployerPageReader pages;
    private final EmployerChanges changes;
    private final PathEntity<Employer> employer;
    private final Blocking blocking;

    /** @param employer the organisation {@code :employerId} names, merged or not */
    public EmployerRoutes(
            EmployerPageReader pages, EmployerChanges changes, PathEntity<Employer> employer, Blocking blocking) {
        this.pages = pages;
        this.changes = changes;
        this.employer = employer;
        this.blocking = blocking;
    }

    /** Its routes (under /employers/:employerId). */
    public void mount(Routes routes) {
        Routes employer = routes.employer().loading(this.employer);
        employer.get("", this::showEmployer);
        employer.post("/contact-preference", this::processContactPreference);
        employer.post("/site", this::processSiteDetails);
    }

    public void showEmployer(RoutingContext ctx) {
        pages.show(ctx, 200, employer.of(ctx), Form.blank());
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
            pages.show(ctx, 422, employer.of(ctx), form);
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

    /** Where pupils go for a workplace visit, whom the school asks for and how to arrive; schools see it with the booking. */
    public void processSiteDetails(RoutingContext ctx) {
        long employerId = employer.of(ctx).id();
        Form form = Form.of(ctx);
        SiteDetails site = new SiteDetails(
                form.lines("siteAddress", "Address for visiting groups", 500),
                form.text("siteContactName", "Whom the school asks for", 200),
                form.phone("siteContactPhone", "Their phone number"),
                form.lines("arrivalInstructions", "How to arrive", 1000));
        if (form.hasErrors()) {
            pages.show(ctx, 422, employer.of(ctx), form);
            return;
        }
        blocking.call(() -> {
            changes.setSiteDetails(CurrentUser.actor(ctx), employerId, site);
            return null;
        });
        Flash.set(ctx, "Saved: schools visiting you see these site details with their booking.");
        ctx.redirect("/employers/" + employerId + "#site");
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

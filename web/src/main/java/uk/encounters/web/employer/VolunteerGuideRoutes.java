package uk.encounters.web.employer;

import io.vertx.ext.web.RoutingContext;
import uk.encounters.web.account.Links;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.Routes;

/**
 * The first-time volunteer's guide: what a good session looks like and the safeguarding basics. Public,
 * because most volunteers never sign in: every booking, digest and calendar entry links to it.
 */
public final class VolunteerGuideRoutes {

    public record GuidePage() {}

    private final Templates templates;

    public VolunteerGuideRoutes(Templates templates) {
        this.templates = templates;
    }

    /** Its routes (public). */
    public void mount(Routes routes) {
        routes.anyone().get(Links.VOLUNTEER_GUIDE, this::showGuide);
    }

    public void showGuide(RoutingContext ctx) {
        templates.render(ctx, "employer/first-time", "Your first session with a school", new GuidePage());
    }
}

package uk.encounters.web.employer;

import org.jooq.DSLContext;
import uk.encounters.marketplace.offer.PublicOffers;
import uk.encounters.web.Foundation;
import uk.encounters.web.security.Routes;

/**
 * Employers: the public offer form and its confirmation link, the employer's own page, offers,
 * volunteers and imports, replies to bookings (signed in or by an emailed link), and requests to
 * join an organisation.
 */
public final class EmployerFeature {

    private EmployerFeature() {}

    public static void mount(Foundation app, Routes routes) {
        DSLContext dsl = app.database().dsl();
        new OfferFormRoutes(
                        new PublicOffers(dsl, app.clock()),
                        app.blocking(),
                        app.templates(),
                        app.rateLimit(),
                        app.links(),
                        app.hubChoices(),
                        app.clock())
                .mount(routes);
        new EmployerRoutes(app.database(), app.blocking(), app.templates(), app.links(), app.clock()).mount(routes);
        new ReplyLinkRoutes(app.database(), app.blocking(), app.templates(), app.clock()).mount(routes);
        new JoinRoutes(app.database(), app.blocking(), app.config().baseUrl(), app.clock()).mount(routes);
        new EmployerOfferRoutes(app.database(), app.blocking(), app.templates(), app.clock()).mount(routes);
        new VolunteerRoutes(app.database(), app.blocking(), app.templates()).mount(routes);
        new ImportRoutes(app.database(), app.blocking(), app.templates(), app.clock()).mount(routes);
        new BookingReplyRoutes(app.database(), app.blocking(), app.templates(), app.clock()).mount(routes);
    }
}

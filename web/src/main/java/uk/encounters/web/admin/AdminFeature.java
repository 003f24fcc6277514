package uk.encounters.web.admin;

import uk.encounters.web.Foundation;
import uk.encounters.web.account.Invitations;
import uk.encounters.web.security.Routes;

/** The administrators' pages: hubs and their coordinators, the audit log, the outbox, privacy requests. */
public final class AdminFeature {

    private AdminFeature() {}

    public static void mount(Foundation app, Routes routes) {
        new AdminRoutes(
                        app.database(),
                        app.blocking(),
                        app.templates(),
                        new Invitations(app.links(), app.clock()),
                        app.hubChoices())
                .mount(routes);
        PrivacyRoutes.over(app.database().dsl(), app.clock(), app.blocking(), app.templates())
                .mount(routes);
    }
}

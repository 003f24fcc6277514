package uk.encounters.web.hub;

import uk.encounters.marketplace.hub.PupilValueSettings;
import uk.encounters.marketplace.privacy.LeaverRetention;
import uk.encounters.marketplace.round.Publication;
import uk.encounters.marketplace.round.RoundSolver;
import uk.encounters.web.Foundation;
import uk.encounters.web.account.Invitations;
import uk.encounters.web.security.Routes;

/**
 * A hub's pages, for its enterprise coordinators: the dashboard, the weekly matching round, the
 * hub's people and employers, and its settings (pupil value, retention).
 */
public final class HubFeature {

    private HubFeature() {}

    public static void mount(Foundation app, RoundSolver roundSolver, String productName, Routes routes) {
        new HubPeopleRoutes(app.database(), app.blocking(), app.templates(), new Invitations(app.links(), app.clock()))
                .mount(routes);
        new PupilValueRoutes(new PupilValueSettings(app.database().dsl()), app.blocking(), app.templates())
                .mount(routes);
        new RetentionRoutes(new LeaverRetention(app.database().dsl()), app.blocking(), app.templates()).mount(routes);
        new HubEmployerRoutes(app.database(), app.blocking(), app.templates(), app.clock()).mount(routes);
        new RoundRoutes(
                        app.database(),
                        app.blocking(),
                        app.templates(),
                        app.clock(),
                        roundSolver,
                        new Publication(app.config().baseUrl(), productName, app.clock()))
                .mount(routes);
        new HubDashboardRoutes(app.database(), app.blocking(), app.templates(), app.clock()).mount(routes);
    }
}

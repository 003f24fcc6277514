package uk.encounters.web.directory;

import uk.encounters.marketplace.hub.HubRepository;
import uk.encounters.marketplace.offer.OfferDirectory;
import uk.encounters.marketplace.school.SchoolRepository;
import uk.encounters.web.Foundation;
import uk.encounters.web.security.Routes;

/** The directory of live offers, as a school's careers leaders and a hub's coordinators search it. */
public final class DirectoryFeature {

    private DirectoryFeature() {}

    public static void mount(Foundation app, Routes routes) {
        new DirectoryRoutes(
                        new HubRepository(app.database().dsl()),
                        new SchoolRepository(app.database().dsl()),
                        new OfferDirectory(app.database().dsl()),
                        app.blocking(),
                        app.templates(),
                        app.clock())
                .mount(routes);
    }
}

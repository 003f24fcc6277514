package uk.encounters.web.school;

import uk.encounters.marketplace.booking.SchoolBookingChanges;
import uk.encounters.marketplace.booking.SchoolBookings;
import uk.encounters.marketplace.pupil.SchoolActivities;
import uk.encounters.web.Foundation;
import uk.encounters.web.security.Routes;

/**
 * A school's pages, for its careers leaders: pupils, progress, requests, bookings and attendance,
 * the school's own activities, evidence and budget.
 */
public final class SchoolFeature {

    private SchoolFeature() {}

    public static void mount(Foundation app, Routes routes) {
        new PupilRoutes(app.database(), app.blocking(), app.templates(), app.clock()).mount(routes);
        new DashboardRoutes(app.database(), app.blocking(), app.templates(), app.clock()).mount(routes);
        new SchoolBookingRoutes(
                        new SchoolBookings(app.database().dsl()),
                        new SchoolBookingChanges(app.database().dsl(), app.clock()),
                        app.blocking(),
                        app.templates(),
                        app.clock())
                .mount(routes);
        new EvidenceRoutes(app.database(), app.blocking(), app.templates()).mount(routes);
        new ActivityRoutes(new SchoolActivities(app.database().dsl()), app.blocking(), app.templates(), app.clock())
                .mount(routes);
        new BudgetRoutes(app.database(), app.blocking(), app.templates(), app.clock()).mount(routes);
        // before the requests: /requests/plan is not a request's id
        new RequestPlanRoutes(app.database(), app.blocking(), app.templates(), app.clock()).mount(routes);
        new RequestRoutes(app.database(), app.blocking(), app.templates(), app.clock()).mount(routes);
    }
}

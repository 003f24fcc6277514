package uk.encounters.web.school;

import org.jooq.DSLContext;
import uk.encounters.marketplace.booking.SchoolBookingChanges;
import uk.encounters.marketplace.booking.SchoolBookingRepository;
import uk.encounters.marketplace.calendar.HubCalendarSettings;
import uk.encounters.marketplace.employer.EmployerRepository;
import uk.encounters.marketplace.event.EventCancellation;
import uk.encounters.marketplace.event.EventChange;
import uk.encounters.marketplace.event.EventRegister;
import uk.encounters.marketplace.event.EventRepository;
import uk.encounters.marketplace.feedback.FeedbackAnswers;
import uk.encounters.marketplace.feedback.FeedbackReadings;
import uk.encounters.marketplace.feedback.FeedbackRepository;
import uk.encounters.marketplace.feedback.PupilComments;
import uk.encounters.marketplace.feedback.PupilFeedbackLink;
import uk.encounters.marketplace.placement.PlacementAnswers;
import uk.encounters.marketplace.placement.PlacementChecks;
import uk.encounters.marketplace.placement.PlacementDocumentRepository;
import uk.encounters.marketplace.placement.PlacementLinks;
import uk.encounters.marketplace.placement.PlacementPaperwork;
import uk.encounters.marketplace.placement.PlacementRepository;
import uk.encounters.marketplace.placement.SelfFoundPlacements;
import uk.encounters.marketplace.pupil.EncounterLog;
import uk.encounters.marketplace.pupil.ProgressRepository;
import uk.encounters.marketplace.pupil.ProgressSummaries;
import uk.encounters.marketplace.pupil.PupilChanges;
import uk.encounters.marketplace.pupil.PupilRepository;
import uk.encounters.marketplace.pupil.SchoolActivityRepository;
import uk.encounters.marketplace.pupil.WondeLinkRepository;
import uk.encounters.marketplace.request.RequestChanges;
import uk.encounters.marketplace.request.RequestPlan;
import uk.encounters.marketplace.request.RequestRepository;
import uk.encounters.marketplace.school.BudgetChanges;
import uk.encounters.marketplace.school.BudgetRepository;
import uk.encounters.marketplace.school.SchoolLinks;
import uk.encounters.marketplace.school.SchoolRepository;
import uk.encounters.marketplace.school.VisitorArrangementChanges;
import uk.encounters.marketplace.school.VisitorArrangementsRepository;
import uk.encounters.web.Foundation;
import uk.encounters.web.WebServer;
import uk.encounters.web.security.Routes;

/**
 * A school's pages, for its careers leaders: pupils, progress, requests, bookings and attendance,
 * the school's own activities, evidence, budget and arrangements for visitors.
 */
public final class SchoolFeature {

    private SchoolFeature() {}

    public static void mount(Foundation app, Routes routes) {
        DSLContext dsl = app.database().dsl();
        PupilRepository pupils = new PupilRepository(dsl);
        PupilChanges pupilChanges = new PupilChanges(dsl);
        RequestPlan plan = new RequestPlan(dsl);
        RequestChanges requestChanges = new RequestChanges(dsl);
        WondeLinkRepository wondeLinks = new WondeLinkRepository(dsl);
        PupilRoutes pupilRoutes = new PupilRoutes(
                pupils,
                pupilChanges,
                app.blocking(),
                app.templates(),
                app.clock(),
                app.pupilReferences(),
                wondeLinks,
                app.wondePulls().configured());
        pupilRoutes.mount(routes);
        new WondeRoutes(pupilRoutes, pupilChanges, app.wondePulls(), app.blocking()).mount(routes);
        SchoolBookingRepository bookings = new SchoolBookingRepository(dsl);
        HubCalendarSettings calendars = new HubCalendarSettings(dsl);
        PlacementRepository placements = new PlacementRepository(dsl, app.clock());
        new DashboardRoutes(
                        new SchoolRepository(dsl),
                        new ProgressSummaries(dsl),
                        plan,
                        calendars,
                        bookings,
                        app.blocking(),
                        app.templates(),
                        app.clock())
                .mount(routes);
        SchoolFeedbackRoutes feedback = new SchoolFeedbackRoutes(
                new FeedbackRepository(dsl),
                new FeedbackAnswers(dsl, app.clock()),
                new FeedbackReadings(dsl),
                new PupilFeedbackLink(dsl, app.clock()),
                new PupilComments(dsl, app.clock()),
                app.links(),
                app.blocking(),
                app.templates(),
                app.clock());
        new SchoolBookingRoutes(
                        bookings,
                        new SchoolBookingChanges(dsl, app.clock(), app.bookingCancellations()),
                        placements,
                        feedback,
                        app.blocking(),
                        app.templates(),
                        app.clock())
                .mount(routes);
        feedback.mount(routes);
        PlacementPaperwork paperwork = new PlacementPaperwork(dsl, app.clock());
        PlacementLinks placementLinks = new PlacementLinks(dsl, app.clock());
        PlacementAnswers placementAnswers = new PlacementAnswers(dsl, app.clock());
        // before a placement's own routes: /placements/new is not a placement's id
        new SelfFoundPlacementRoutes(
                        new SelfFoundPlacements(dsl, app.links(), WebServer.PRODUCT_NAME, app.clock()),
                        pupils,
                        app.blocking(),
                        app.templates(),
                        app.clock())
                .mount(routes);
        new PlacementRoutes(
                        placements,
                        new PlacementChecks(dsl, app.clock()),
                        placementLinks,
                        placementAnswers,
                        app.links(),
                        paperwork,
                        new PlacementDocumentRepository(dsl),
                        app.blocking(),
                        app.templates(),
                        app.clock())
                .mount(routes);
        new PlacementLinkRoutes(
                        placements,
                        placementLinks,
                        placementAnswers,
                        paperwork,
                        new EmployerRepository(dsl),
                        new VisitorArrangementsRepository(dsl),
                        app.blocking(),
                        app.templates(),
                        app.clock())
                .mount(routes);
        new WhoGoesListRoutes(bookings, app.blocking(), app.templates()).mount(routes);
        new WorkplaceHoursRoutes(
                        new ProgressRepository(dsl), pupils, calendars, app.blocking(), app.templates(), app.clock())
                .mount(routes);
        new EvidenceRoutes(new EncounterLog(dsl), pupils, pupilChanges, calendars, app.blocking(), app.templates())
                .mount(routes);
        new CompassPlusRoutes(new EncounterLog(dsl), app.pupilReferences(), app.blocking(), app.templates())
                .mount(routes);
        SchoolActivityRepository activities = new SchoolActivityRepository(dsl);
        ActivityForm activityForm = new ActivityForm(activities, app.blocking(), app.templates(), app.clock());
        new ActivityRoutes(activities, activityForm, app.blocking(), app.templates(), app.clock()).mount(routes);
        new ActivityImportRoutes(activities, activityForm, app.blocking(), app.clock()).mount(routes);
        new SchoolLinksRoutes(new SchoolLinks(dsl), app.blocking(), app.templates()).mount(routes);
        new VisitorArrangementRoutes(
                        new VisitorArrangementsRepository(dsl),
                        new VisitorArrangementChanges(dsl),
                        app.blocking(),
                        app.templates())
                .mount(routes);
        new BudgetRoutes(
                        new BudgetRepository(dsl), new BudgetChanges(dsl), app.blocking(), app.templates(), app.clock())
                .mount(routes);
        // before the requests: /requests/plan is not a request's id
        new RequestPlanRoutes(plan, requestChanges, app.blocking(), app.templates(), app.clock()).mount(routes);
        new RequestRoutes(new RequestRepository(dsl), requestChanges, app.blocking(), app.templates(), app.clock())
                .mount(routes);
        new SchoolEventRoutes(
                        new EventRepository(dsl),
                        new EventRegister(dsl),
                        new EventChange(dsl, app.clock()),
                        new EventCancellation(dsl, app.clock(), WebServer.PRODUCT_NAME, app.bookingCancellations()),
                        app.blocking(),
                        app.templates(),
                        app.clock())
                .mount(routes);
    }
}

package uk.encounters.web.hub;

import org.jooq.DSLContext;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.SingleSignOn;
import uk.encounters.marketplace.calendar.HubCalendarSettings;
import uk.encounters.marketplace.employer.EmployerBankImport;
import uk.encounters.marketplace.employer.EmployerMerge;
import uk.encounters.marketplace.employer.EmployerRepository;
import uk.encounters.marketplace.employer.EmployerStanding;
import uk.encounters.marketplace.employer.OrganisationJoinRepository;
import uk.encounters.marketplace.event.EventCancellation;
import uk.encounters.marketplace.event.EventChange;
import uk.encounters.marketplace.event.EventRepository;
import uk.encounters.marketplace.feedback.FeedbackReadings;
import uk.encounters.marketplace.feedback.PupilComments;
import uk.encounters.marketplace.hub.HubFigures;
import uk.encounters.marketplace.hub.HubRepository;
import uk.encounters.marketplace.hub.HubRepository.Hub;
import uk.encounters.marketplace.hub.PupilValueSettings;
import uk.encounters.marketplace.hub.SchoolInvitation;
import uk.encounters.marketplace.placement.PlacementRepository;
import uk.encounters.marketplace.privacy.LeaverRetention;
import uk.encounters.marketplace.register.EstablishmentRegister;
import uk.encounters.marketplace.round.HandAssignment;
import uk.encounters.marketplace.round.Publication;
import uk.encounters.marketplace.round.PublishCheck;
import uk.encounters.marketplace.round.PublishRound;
import uk.encounters.marketplace.round.Round;
import uk.encounters.marketplace.round.RoundEdits;
import uk.encounters.marketplace.round.RoundMarket;
import uk.encounters.marketplace.round.RoundRepository;
import uk.encounters.marketplace.round.RoundReview;
import uk.encounters.marketplace.round.RoundSolver;
import uk.encounters.marketplace.school.HubSchools;
import uk.encounters.marketplace.statement.VolunteersOfTheYear;
import uk.encounters.web.Blocking;
import uk.encounters.web.Foundation;
import uk.encounters.web.WebServer;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * A hub's pages, for its enterprise coordinators: the dashboard, the weekly matching round, the
 * hub's people and employers, and its settings (pupil value, retention).
 */
public final class HubFeature {

    private HubFeature() {}

    public static void mount(Foundation app, RoundSolver roundSolver, String productName, Routes routes) {
        DSLContext dsl = app.database().dsl();
        Blocking blocking = app.blocking();
        HubRepository hubs = new HubRepository(dsl);
        PathEntity<Hub> hub = new PathEntity<>("hub", blocking, ctx -> hubs.findById(PathId.required(ctx, "hubId")));
        SchoolInvitation careersLeaders = new SchoolInvitation(dsl, app.clock(), app.links());
        OrganisationJoinRepository joins = new OrganisationJoinRepository(dsl, app.clock());

        new HubPeopleRoutes(
                        hubs,
                        new AccountRepository(dsl),
                        careersLeaders,
                        new SingleSignOn(dsl),
                        app.config().sso().any(),
                        blocking,
                        app.templates(),
                        hub)
                .mount(routes);
        new HubSchoolRoutes(
                        new HubSchools(dsl),
                        new EstablishmentRegister(dsl),
                        blocking,
                        app.templates(),
                        app.clock(),
                        hub)
                .mount(routes);
        new PupilValueRoutes(new PupilValueSettings(dsl), blocking, app.templates()).mount(routes);
        new HubEventRoutes(
                        new EventRepository(dsl),
                        new EventChange(dsl, app.clock()),
                        new EventCancellation(dsl, app.clock(), WebServer.PRODUCT_NAME, app.bookingCancellations()),
                        blocking,
                        app.templates(),
                        app.clock())
                .mount(routes);
        new HubPlacementRoutes(new PlacementRepository(dsl, app.clock()), blocking, app.templates()).mount(routes);
        new RetentionRoutes(new LeaverRetention(dsl), blocking, app.templates()).mount(routes);
        new HubFeedbackRoutes(
                        new FeedbackReadings(dsl),
                        new PupilComments(dsl, app.clock()),
                        blocking,
                        app.templates(),
                        app.clock())
                .mount(routes);
        new CalendarRoutes(new HubCalendarSettings(dsl), blocking, app.templates(), app.clock()).mount(routes);
        new HubEmployerRoutes(
                        new EmployerRepository(dsl),
                        joins,
                        new EmployerMerge(dsl),
                        new EmployerStanding(dsl),
                        blocking,
                        app.templates(),
                        app.clock(),
                        hub)
                .mount(routes);
        new VolunteerOfTheYearRoutes(new VolunteersOfTheYear(dsl), blocking, app.templates(), app.clock(), hub)
                .mount(routes);
        new EmployerBankRoutes(
                        new EmployerBankImport(dsl, app.clock(), app.links()),
                        blocking,
                        app.templates(),
                        app.clock(),
                        hub)
                .mount(routes);
        roundRoutes(app, roundSolver, productName, hub).mount(routes);
        new HubDashboardRoutes(
                        new HubFigures(dsl),
                        joins,
                        new HubCalendarSettings(dsl),
                        blocking,
                        app.templates(),
                        app.clock(),
                        hub)
                .mount(routes);
    }

    private static RoundRoutes roundRoutes(
            Foundation app, RoundSolver roundSolver, String productName, PathEntity<Hub> hub) {
        DSLContext dsl = app.database().dsl();
        Blocking blocking = app.blocking();
        RoundRepository rounds = new RoundRepository(dsl);
        RoundReview review = new RoundReview(dsl);
        // a round or request of another hub is not found
        PathEntity<Round> round = new PathEntity<>(
                "round", blocking, ctx -> rounds.find(PathId.required(ctx, "hubId"), PathId.required(ctx, "roundId")));
        PathEntity<RoundReview.Request> request = new PathEntity<>(
                "request",
                blocking,
                ctx -> review.request(PathId.required(ctx, "hubId"), PathId.required(ctx, "requestId")));
        PublishCheck check = new PublishCheck(dsl);
        RoundPageReader pages = new RoundPageReader(
                rounds,
                new RoundMarket(dsl),
                review,
                check,
                new HubCalendarSettings(dsl),
                blocking,
                app.templates(),
                app.clock());
        RoundRunning running = new RoundRunning(rounds, roundSolver, pages, blocking, app.clock(), hub, round);
        RoundPublishing publishing = new RoundPublishing(
                new PublishRound(dsl, new Publication(app.links(), productName, app.clock())),
                check,
                blocking,
                app.templates(),
                hub,
                round);
        RoundHandEdits edits = new RoundHandEdits(
                new RoundEdits(dsl), new HandAssignment(dsl), blocking, app.templates(), app.clock(), round, request);
        return new RoundRoutes(rounds, running, publishing, edits, pages, blocking, hub, round, request);
    }
}

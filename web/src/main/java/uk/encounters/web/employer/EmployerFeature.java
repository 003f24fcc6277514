package uk.encounters.web.employer;

import org.jooq.DSLContext;
import uk.encounters.marketplace.booking.CalendarFeed;
import uk.encounters.marketplace.booking.EmployerBookingReplies;
import uk.encounters.marketplace.booking.EmployerBookingRepository;
import uk.encounters.marketplace.employer.ContactPreferences;
import uk.encounters.marketplace.employer.Employer;
import uk.encounters.marketplace.employer.EmployerChanges;
import uk.encounters.marketplace.employer.EmployerRepository;
import uk.encounters.marketplace.employer.JoinDecisions;
import uk.encounters.marketplace.employer.OrganisationInvitations;
import uk.encounters.marketplace.employer.OrganisationJoinRepository;
import uk.encounters.marketplace.employer.VolunteerChanges;
import uk.encounters.marketplace.employer.VolunteerRepository;
import uk.encounters.marketplace.feedback.FeedbackReadings;
import uk.encounters.marketplace.feedback.PupilComments;
import uk.encounters.marketplace.hub.HubFigures;
import uk.encounters.marketplace.offer.EmployerOfferChanges;
import uk.encounters.marketplace.offer.OfferRepository;
import uk.encounters.marketplace.offer.PublicOffers;
import uk.encounters.marketplace.placement.PlacementDocumentRepository;
import uk.encounters.marketplace.placement.PlacementLinks;
import uk.encounters.marketplace.placement.PlacementPaperwork;
import uk.encounters.marketplace.placement.PlacementRepository;
import uk.encounters.marketplace.statement.EmployerYearRepository;
import uk.encounters.web.Foundation;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * Employers: the public offer form and its confirmation link, the employer's own page, offers,
 * volunteers and imports, replies to bookings (signed in or by an emailed link), the first-time
 * volunteer's guide, requests to join an organisation, invitations to manage one, and the placement
 * paperwork a host declares once a year.
 */
public final class EmployerFeature {

    private EmployerFeature() {}

    public static void mount(Foundation app, Routes routes) {
        DSLContext dsl = app.database().dsl();
        EmployerRepository employers = new EmployerRepository(dsl);
        OfferRepository offers = new OfferRepository(dsl);
        VolunteerRepository volunteers = new VolunteerRepository(dsl);
        EmployerBookingRepository bookings = new EmployerBookingRepository(dsl);
        EmployerOfferChanges offerChanges = new EmployerOfferChanges(dsl);
        VolunteerChanges volunteerChanges = new VolunteerChanges(dsl);
        EmployerBookingReplies replies = new EmployerBookingReplies(dsl, app.clock(), app.bookingCancellations());
        // the organisation an /employers/:employerId path names, merged away or not
        PathEntity<Employer> employer = new PathEntity<>(
                "employer", app.blocking(), ctx -> employers.findById(PathId.required(ctx, "employerId")));

        // one reading per hub for the public form and employers' pages alike
        HubGaps hubGaps = new HubGaps(new HubFigures(dsl), app.blocking(), app.clock());
        new OfferFormRoutes(
                        new PublicOffers(dsl, app.clock()),
                        app.blocking(),
                        app.templates(),
                        app.rateLimit(),
                        app.links(),
                        app.hubChoices(),
                        hubGaps,
                        app.clock())
                .mount(routes);
        EmployerChanges employerChanges = new EmployerChanges(dsl);
        PlacementPaperwork paperwork = new PlacementPaperwork(dsl, app.clock());
        EmployerPageReader pages = new EmployerPageReader(
                employers,
                offers,
                volunteers,
                bookings,
                new OrganisationJoinRepository(dsl, app.clock()),
                hubGaps,
                paperwork,
                new PlacementRepository(dsl, app.clock()),
                new FeedbackReadings(dsl),
                new PupilComments(dsl, app.clock()),
                app.blocking(),
                app.templates(),
                app.clock());
        new EmployerRoutes(pages, employerChanges, employer, app.blocking()).mount(routes);
        new CalendarFeedRoutes(
                        employerChanges,
                        new CalendarFeed(dsl, app.clock()),
                        employer,
                        app.blocking(),
                        app.templates(),
                        app.links())
                .mount(routes);
        PlacementDocumentRepository documents = new PlacementDocumentRepository(dsl);
        new HostLinkRoutes(
                        new PlacementRepository(dsl, app.clock()),
                        new PlacementLinks(dsl, app.clock()),
                        paperwork,
                        employers,
                        app.links(),
                        app.blocking(),
                        app.templates(),
                        app.clock())
                .mount(routes);
        new PlacementPaperworkRoutes(
                        paperwork,
                        employer,
                        new PathEntity<>(
                                "placementDocument",
                                app.blocking(),
                                ctx -> documents.findContent(
                                        PathId.required(ctx, "employerId"), PathId.required(ctx, "documentId"))),
                        app.blocking(),
                        app.templates(),
                        app.clock())
                .mount(routes);
        new ReplyLinkRoutes(replies, app.blocking(), app.templates()).mount(routes);
        new ContactPreferencesRoutes(new ContactPreferences(dsl, app.clock()), app.blocking(), app.templates())
                .mount(routes);
        new OrganisationInvitationRoutes(
                        new OrganisationInvitations(dsl, app.clock(), app.links()), app.blocking(), app.templates())
                .mount(routes);
        new VolunteerGuideRoutes(app.templates()).mount(routes);
        new JoinRoutes(
                        new JoinDecisions(dsl, app.clock()),
                        app.blocking(),
                        app.config().baseUrl())
                .mount(routes);
        new EmployerOfferRoutes(
                        offers, volunteers, offerChanges, employer, app.blocking(), app.templates(), app.clock())
                .mount(routes);
        new VolunteerRoutes(volunteers, volunteerChanges, app.blocking(), app.templates(), app.clock()).mount(routes);
        new ImportRoutes(
                        volunteers,
                        volunteerChanges,
                        offerChanges,
                        employer,
                        app.blocking(),
                        app.templates(),
                        app.clock())
                .mount(routes);
        new BookingReplyRoutes(bookings, replies, app.blocking(), app.templates()).mount(routes);
        new StatementRoutes(new EmployerYearRepository(dsl), employer, app.blocking(), app.templates(), app.clock())
                .mount(routes);
    }
}

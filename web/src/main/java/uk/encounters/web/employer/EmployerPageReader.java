package uk.encounters.web.employer;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.encounters.marketplace.booking.DeliveredSummary;
import uk.encounters.marketplace.booking.EmployerBooking;
import uk.encounters.marketplace.booking.EmployerBookingRepository;
import uk.encounters.marketplace.employer.Employer;
import uk.encounters.marketplace.employer.EmployerRepository;
import uk.encounters.marketplace.employer.HubPresence;
import uk.encounters.marketplace.employer.OrganisationJoinRepository;
import uk.encounters.marketplace.employer.PostcodeDistrict;
import uk.encounters.marketplace.employer.SiteDetails;
import uk.encounters.marketplace.employer.VolunteerRepository;
import uk.encounters.marketplace.feedback.BookingFeedback;
import uk.encounters.marketplace.feedback.FeedbackReadings;
import uk.encounters.marketplace.feedback.PupilComment;
import uk.encounters.marketplace.feedback.PupilComments;
import uk.encounters.marketplace.hub.GapsNearby;
import uk.encounters.marketplace.offer.OfferRepository;
import uk.encounters.marketplace.placement.HostedPlacement;
import uk.encounters.marketplace.placement.PaperworkStanding;
import uk.encounters.marketplace.placement.PlacementPaperwork;
import uk.encounters.marketplace.placement.PlacementRepository;
import uk.encounters.matcher.domain.Location;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;

/**
 * The employer's own page: its offers, volunteers, bookings to come and delivered, requests to
 * join it, whether it has a calendar address, how often it may be asked, its site's details,
 * what the hub's schools near it need, and whether its placement paperwork holds.
 */
public final class EmployerPageReader {

    public record EmployerPage(
            Employer employer,
            List<OfferRepository.OfferSummary> offers,
            List<VolunteerRoutes.VolunteerRow> volunteers,
            List<EmployerBooking> upcoming,
            List<GivenLine> delivered,
            DeliveredSummary summary,
            boolean calendarFeed,
            List<OrganisationJoinRepository.PendingJoin> joins,
            String joinAction,
            String askLimit,
            List<AskOption> askOptions,
            SiteDetails site,
            OfferForGap.Needs needs,
            PaperworkLine paperwork,
            List<HostedPlacement> placements) {

        public long activeVolunteers() {
            return volunteers.stream()
                    .filter(VolunteerRoutes.VolunteerRow::active)
                    .count();
        }

        /** Active volunteers whose safeguarding check needs renewing: the list opens for them. */
        public long volunteersToRenew() {
            return volunteers.stream().filter(v -> v.active() && v.warning()).count();
        }
    }

    /**
     * The one line about placement paperwork, for an organisation that hosts placements or means to
     * (null otherwise): "Placement paperwork: current until Tue 5 Jan 2027".
     */
    public record PaperworkLine(String summary, boolean holds) {}

    /**
     * A session given, with what the school and its pupils said of it: the school's rating and
     * comment, the pupils' answers counted, and pupils' words once their school approved them.
     *
     * @param feedback null for a session at a hub event, which has no one school to ask
     */
    public record GivenLine(EmployerBooking booking, BookingFeedback feedback, List<PupilComment> comments) {}

    /** One choice of how often the organisation may be asked. */
    public record AskOption(int value, String label, boolean selected) {}

    private final EmployerRepository employers;
    private final OfferRepository offers;
    private final VolunteerRepository volunteers;
    private final EmployerBookingRepository bookings;
    private final OrganisationJoinRepository joins;
    private final HubGaps hubGaps;
    private final PlacementPaperwork paperwork;
    private final PlacementRepository placements;
    private final FeedbackReadings readings;
    private final PupilComments comments;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    public EmployerPageReader(
            EmployerRepository employers,
            OfferRepository offers,
            VolunteerRepository volunteers,
            EmployerBookingRepository bookings,
            OrganisationJoinRepository joins,
            HubGaps hubGaps,
            PlacementPaperwork paperwork,
            PlacementRepository placements,
            FeedbackReadings readings,
            PupilComments comments,
            Blocking blocking,
            Templates templates,
            Clock clock) {
        this.employers = employers;
        this.offers = offers;
        this.volunteers = volunteers;
        this.bookings = bookings;
        this.joins = joins;
        this.hubGaps = hubGaps;
        this.paperwork = paperwork;
        this.placements = placements;
        this.readings = readings;
        this.comments = comments;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /**
     * Shows {@code shown}'s page, with its forms as {@code form} has them: the site details form
     * starts from what is saved unless it was just posted.
     */
    void show(RoutingContext ctx, int status, Employer shown, Form form) {
        if (shown.merged()) {
            // an old link, or a bookmark from before a coordinator merged the record: show the one kept
            Optional<Employer> current = blocking.call(() -> employers.findCurrent(shown.id()));
            if (current.isPresent() && !current.get().merged()) {
                ctx.redirect("/employers/" + current.get().id());
                return;
            }
        }
        long employerId = shown.id();
        LocalDate today = LocalDate.now(clock);
        // the employer's own wish holds for every hub; where hubs differ, the strictest is what holds
        int current = shown.presences().stream()
                .mapToInt(HubPresence::maxAsksPerMonth)
                .min()
                .orElse(1);
        OfferForGap.Needs needs = needs(shown);
        EmployerPage page = blocking.call(() -> new EmployerPage(
                shown,
                offers.findByEmployer(employerId),
                volunteers.findByEmployer(employerId).stream()
                        .map(v -> VolunteerRoutes.row(v, today))
                        .toList(),
                bookings.upcoming(employerId, today),
                given(employerId, bookings.delivered(employerId, today, 10)),
                bookings.summary(employerId, today),
                employers.hasCalendarFeed(employerId),
                joins.pendingFor(employerId),
                "/employers/" + employerId + "/joins",
                EmployerRoutes.describe(current),
                EmployerRoutes.ASK_LIMITS.stream()
                        .map(n -> new AskOption(n, EmployerRoutes.describe(n), n == current))
                        .toList(),
                employers.findSiteDetails(employerId),
                needs,
                paperworkLine(employerId, today),
                HostedPlacement.of(placements.forEmployer(employerId))));
        if (form.value("siteAddress") == null) {
            form.keep("siteAddress", page.site().address());
            form.keep("siteContactName", page.site().contactName());
            form.keep("siteContactPhone", page.site().contactPhone());
            form.keep("arrivalInstructions", page.site().arrivalInstructions());
        }
        templates.render(ctx, status, "employer/employer", shown.name(), page, form);
    }

    /** Read on the worker pool, inside the page's read: each session's feedback in two queries. */
    private List<GivenLine> given(long employerId, List<EmployerBooking> delivered) {
        List<Long> ids = delivered.stream().map(EmployerBooking::id).toList();
        Map<Long, BookingFeedback> feedback = readings.forEmployer(employerId, ids);
        Map<Long, List<PupilComment>> words = comments.approvedFor(ids);
        return delivered.stream()
                .map(b -> new GivenLine(b, feedback.get(b.id()), words.getOrDefault(b.id(), List.of())))
                .toList();
    }

    /** Read on the worker pool, inside the page's read. */
    private PaperworkLine paperworkLine(long employerId, LocalDate today) {
        if (!paperwork.hostsPlacements(employerId)) {
            return null;
        }
        PaperworkStanding standing = paperwork.standing(employerId, today);
        return new PaperworkLine(standing.summary(), standing.holds());
    }

    /**
     * The hub's gaps near the organisation: from where matching places it, else from its
     * postcode's district as a new employer there would be placed.
     */
    private OfferForGap.Needs needs(Employer shown) {
        Optional<Location> at = blocking.call(() -> employers.findLocation(shown.id()));
        String district = shown.postcode() == null ? null : PostcodeDistrict.of(shown.postcode());
        // every hub it works with: an offer answers one hub's gap, and the form asks which
        List<GapsNearby.NearbyGap> near = new ArrayList<>();
        for (HubPresence presence : shown.presences()) {
            GapsNearby gaps = hubGaps.of(presence.hubId());
            near.addAll(
                    at.isPresent()
                            ? gaps.near(at.get())
                            : district == null ? gaps.near((Location) null) : gaps.near(district));
        }
        return OfferForGap.needs(
                district == null ? "you" : district, near, gap -> "/employers/" + shown.id() + "/offers/new?" + gap);
    }
}

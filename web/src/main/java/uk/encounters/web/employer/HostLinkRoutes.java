package uk.encounters.web.employer;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.LoginTokenRepository.Purpose;
import uk.encounters.marketplace.employer.Employer;
import uk.encounters.marketplace.employer.EmployerRepository;
import uk.encounters.marketplace.placement.Declaration;
import uk.encounters.marketplace.placement.Placement;
import uk.encounters.marketplace.placement.PlacementLinks;
import uk.encounters.marketplace.placement.PlacementPages;
import uk.encounters.marketplace.placement.PlacementPaperwork;
import uk.encounters.marketplace.placement.PlacementReadiness;
import uk.encounters.marketplace.placement.PlacementRepository;
import uk.encounters.marketplace.placement.PlacementSource;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.RateLimit;
import uk.encounters.web.security.Routes;

/**
 * The host of a placement a pupil found, without an account: the link the school's record sent its
 * contact opens that placement's host's paperwork form, and nothing else. Once declared, the host is
 * thanked and asked whether it would host again, or give a talk, for the hub's schools.
 */
public final class HostLinkRoutes {

    /** @param offerForm where the host may offer more to the hub's schools */
    public record HostPage(
            Placement placement, PlacementPaperworkRoutes.PaperworkPage paperwork, boolean holds, String offerForm) {}

    private final PlacementRepository placements;
    private final PlacementLinks links;
    private final PlacementPaperwork paperwork;
    private final EmployerRepository employers;
    private final PlacementPages pages;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    public HostLinkRoutes(
            PlacementRepository placements,
            PlacementLinks links,
            PlacementPaperwork paperwork,
            EmployerRepository employers,
            PlacementPages pages,
            Blocking blocking,
            Templates templates,
            Clock clock) {
        this.placements = placements;
        this.links = links;
        this.paperwork = paperwork;
        this.employers = employers;
        this.pages = pages;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /** Its routes (public: the link's secret stands for the host of one placement). */
    public void mount(Routes routes) {
        routes.anyone().get("/placements/:placementId/host/:token", ctx -> show(ctx, 200, Form.blank()));
        routes.anyone().uploads().post("/placements/:placementId/host/:token", this::processDeclaration);
    }

    /** Declares for the placement's host; nothing is kept unless all of it can be. */
    public void processDeclaration(RoutingContext ctx) {
        Optional<Placement> opened = opened(ctx);
        if (opened.isEmpty()) {
            linkExpired(ctx);
            return;
        }
        long employerId = opened.get().employerId();
        Form form = Form.of(ctx);
        Optional<Declaration> current = blocking.call(() -> paperwork.current(employerId));
        PaperworkForm.Read read = PaperworkForm.read(ctx, form, current, LocalDate.now(clock));
        if (form.hasErrors()) {
            show(ctx, 422, form);
            return;
        }
        Actor host = Actor.anonymous(RateLimit.clientAddress(ctx));
        blocking.call(() -> paperwork.declare(host, employerId, read.declaration(), read.files()));
        Flash.set(ctx, "Declared. Thank you: the school checks it before the placement.");
        ctx.redirect(address(ctx));
    }

    private void show(RoutingContext ctx, int status, Form form) {
        Optional<Placement> opened = opened(ctx);
        if (opened.isEmpty()) {
            linkExpired(ctx);
            return;
        }
        Placement shown = opened.get();
        Employer host =
                blocking.call(() -> employers.findById(shown.employerId()).orElseThrow());
        List<Declaration> history = blocking.call(() -> paperwork.history(shown.employerId()));
        PlacementPaperworkRoutes.PaperworkPage page =
                PlacementPaperworkRoutes.page(host, history, form, LocalDate.now(clock), address(ctx), null);
        templates.render(
                ctx,
                status,
                "employer/placement-host",
                "Work experience at " + host.name(),
                new HostPage(
                        shown,
                        page,
                        PlacementReadiness.paperworkHolds(
                                shown, history.stream().findFirst()),
                        pages.offerForm(host.postcode(), shown.hubId())),
                form);
    }

    /** The self-found placement the link opens, going ahead; empty for any link that does not open it. */
    private Optional<Placement> opened(RoutingContext ctx) {
        long placementId = PathId.required(ctx, "placementId");
        String token = ctx.pathParam("token");
        return blocking.call(() -> links.opens(token, Purpose.PLACEMENT_HOST, placementId)
                ? placements.findGoingAhead(placementId).filter(p -> p.source() == PlacementSource.SELF_FOUND)
                : Optional.empty());
    }

    private static String address(RoutingContext ctx) {
        return "/placements/" + PathId.required(ctx, "placementId") + "/host/" + ctx.pathParam("token");
    }

    private void linkExpired(RoutingContext ctx) {
        templates.render(ctx, 410, "school/placement-link-expired", "This link does not work", new HostLinkExpired());
    }

    /** The page for a link that does not open a placement's host: it shows nothing of one. */
    public record HostLinkExpired() {}
}

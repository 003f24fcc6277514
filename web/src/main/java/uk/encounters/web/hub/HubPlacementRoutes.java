package uk.encounters.web.hub;

import io.vertx.ext.web.RoutingContext;
import java.util.List;
import uk.encounters.marketplace.placement.PlacementRepository;
import uk.encounters.marketplace.placement.PlacementRepository.PlacementLine;
import uk.encounters.web.Blocking;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * Every work-experience placement of the hub's schools, with where each stands: what the
 * coordinator chases, those not ready first. Each opens on its school's placement page, where the
 * coordinator may check it as the careers leader would.
 */
public final class HubPlacementRoutes {

    /** @param notReady the placements not ready, soonest first; {@code ready} the rest */
    public record HubPlacementsPage(long hubId, List<PlacementLine> notReady, List<PlacementLine> ready) {}

    private final PlacementRepository placements;
    private final Blocking blocking;
    private final Templates templates;

    public HubPlacementRoutes(PlacementRepository placements, Blocking blocking, Templates templates) {
        this.placements = placements;
        this.blocking = blocking;
        this.templates = templates;
    }

    /** Its routes (under /hubs/:hubId). */
    public void mount(Routes routes) {
        routes.hub().get("/placements", this::showPlacements);
    }

    public void showPlacements(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        List<PlacementLine> all = blocking.call(() -> placements.forHub(hubId));
        templates.render(
                ctx,
                "hub/placements",
                "Placements",
                new HubPlacementsPage(
                        hubId,
                        all.stream().filter(l -> !l.readiness().ready()).toList(),
                        all.stream().filter(l -> l.readiness().ready()).toList()));
    }
}

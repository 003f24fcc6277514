package uk.encounters.web.home;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import uk.encounters.marketplace.account.Account;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.hub.HubRepository;
import uk.encounters.marketplace.hub.HubSummary;
import uk.encounters.web.Blocking;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.Routes;

/** The public home page: the hubs and how far their pupils are towards seven encounters. */
public final class HomeRoutes {

    private final HomeFigures figures;
    private final Templates templates;
    private final Clock clock;

    public HomeRoutes(HubRepository hubs, Blocking blocking, Templates templates, Clock clock) {
        this.figures = new HomeFigures(hubs, blocking);
        this.templates = templates;
        this.clock = clock;
    }

    /** Its routes (public). */
    public void mount(Routes routes) {
        Routes anyone = routes.anyone();
        anyone.get("/", this::showHome);
    }

    public void showHome(RoutingContext ctx) {
        LocalDate today = LocalDate.now(clock);
        List<HubSummary> summaries = figures.on(today);
        Map<String, Object> model = new java.util.HashMap<>(Map.of(
                "hubs",
                summaries,
                "total",
                HubSummary.total("All hubs", summaries),
                "severalHubs",
                summaries.size() > 1,
                "academicYear",
                AcademicYear.containing(today).label()));
        // a coordinator's way in to their hub's round
        Account account = CurrentUser.of(ctx);
        if (account != null) {
            account.hubIds().stream().sorted().findFirst().ifPresent(hub -> model.put("coordinatorHub", hub));
        }
        templates.render(ctx, "home/index", "Seven employer encounters for every pupil", model);
    }
}

package uk.encounters.web.home;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
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

    /** @param coordinatorHub the hub of a signed-in coordinator (the lowest id of several), else null */
    public record HomePage(
            List<HubSummary> hubs, HubSummary total, boolean severalHubs, String academicYear, Long coordinatorHub) {}

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
        // a coordinator's way in to their hub's round
        Account account = CurrentUser.of(ctx);
        Long coordinatorHub = account == null
                ? null
                : account.hubIds().stream().sorted().findFirst().orElse(null);
        HomePage page = new HomePage(
                summaries,
                HubSummary.total("All hubs", summaries),
                summaries.size() > 1,
                AcademicYear.containing(today).label(),
                coordinatorHub);
        templates.render(ctx, "home/index", "Seven employer encounters for every pupil", page);
    }
}

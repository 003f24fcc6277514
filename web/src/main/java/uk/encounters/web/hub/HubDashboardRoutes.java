package uk.encounters.web.hub;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.employer.OrganisationJoins;
import uk.encounters.marketplace.hub.EmployerFatigue;
import uk.encounters.marketplace.hub.HubProgress;
import uk.encounters.marketplace.hub.HubRepository;
import uk.encounters.marketplace.hub.SupplyGaps;
import uk.encounters.marketplace.hub.WeeklyDelivery;
import uk.encounters.marketplace.pupil.EncounterTarget;
import uk.encounters.web.Blocking;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * The coordinator's picture of the hub: which schools are furthest behind, Benchmarks 5 and 6 by
 * school and year group, disadvantaged pupils against the rest, how hard employers are being
 * asked, planned against delivered by week, and what to recruit (also as a spreadsheet).
 */
public final class HubDashboardRoutes {

    /** The employers most asked lately; the rest are asked less, which is not what needs watching. */
    static final int MAX_EMPLOYERS = 50;
    /** Width in pixels of the longest bar in the weekly chart. */
    static final int BAR_WIDTH = 160;

    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final Database database;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    public HubDashboardRoutes(Database database, Blocking blocking, Templates templates, Clock clock) {
        this.database = database;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /** Its routes (under /hubs/:hubId). */
    public void mount(Routes routes) {
        Routes hub = routes.hub();
        hub.get("/dashboard", this::showDashboard);
        hub.get("/supply-gaps.csv", this::downloadSupplyGaps);
    }

    public void showDashboard(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        var hub = blocking.call(() -> new HubRepository(database.dsl()).findById(hubId));
        if (hub.isEmpty()) {
            ctx.fail(404);
            return;
        }
        LocalDate today = LocalDate.now(clock);
        // The sections are independent: each is read at once, on its own connection, so the page
        // takes as long as the slowest rather than the sum.
        Future<HubProgress> progress = blocking.start(() -> HubProgress.of(database.dsl(), hubId, today));
        // one more than is shown says whether the list was cut short
        Future<List<EmployerFatigue>> asked =
                blocking.start(() -> EmployerFatigue.forHub(database.dsl(), hubId, today, MAX_EMPLOYERS + 1));
        Future<List<WeeklyDelivery>> weeks = blocking.start(() -> WeeklyDelivery.forHub(database.dsl(), hubId, today));
        Future<SupplyGaps> gaps = blocking.start(() -> SupplyGaps.forHub(database.dsl(), hubId, today));
        // SMEs rarely sign in, so requests to join their organisation are mostly the coordinator's to decide
        Future<Integer> joins =
                blocking.start(() -> new OrganisationJoins(database.dsl(), clock).countPendingInHub(hubId));
        List<EmployerFatigue> employers = asked.await();
        Map<String, Object> model = new HashMap<>();
        model.put("hub", hub.get());
        model.put("year", AcademicYear.containing(today).label());
        model.put("progress", progress.await());
        model.put(
                "yearGroups",
                IntStream.rangeClosed(EncounterTarget.FIRST_YEAR_GROUP, EncounterTarget.LAST_YEAR_GROUP)
                        .boxed()
                        .toList());
        model.put("employers", employers.subList(0, Math.min(employers.size(), MAX_EMPLOYERS)));
        model.put("employersCutShort", employers.size() > MAX_EMPLOYERS);
        model.put("maxEmployers", MAX_EMPLOYERS);
        model.put("weeks", weekRows(weeks.await()));
        model.put("gaps", gaps.await());
        int waiting = joins.await();
        model.put("joinsWaiting", waiting == 0 ? null : waiting == 1 ? "1 person is" : waiting + " people are");
        templates.render(ctx, "hub/dashboard", "Dashboard for " + hub.get().name(), model);
    }

    /** The supply-gap report as a spreadsheet, the same rows as the page. */
    public void downloadSupplyGaps(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        LocalDate today = LocalDate.now(clock);
        SupplyGaps gaps = blocking.call(() -> SupplyGaps.forHub(database.dsl(), hubId, today));
        ctx.response()
                .putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"supply-gaps-" + today + ".csv\"")
                .putHeader("Cache-Control", "no-store")
                .end(gaps.csv());
    }

    /** Each week with its bars scaled to the busiest week, so weeks compare at a glance. */
    static List<Map<String, Object>> weekRows(List<WeeklyDelivery> weeks) {
        int most = weeks.stream().mapToInt(WeeklyDelivery::plannedPlaces).max().orElse(0);
        return weeks.stream()
                .map(w -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("week", w);
                    row.put("label", WEEK.format(w.monday()));
                    row.put("plannedWidth", most == 0 ? 0 : BAR_WIDTH * w.plannedPlaces() / most);
                    row.put("attendedWidth", most == 0 ? 0 : BAR_WIDTH * w.attended() / most);
                    return row;
                })
                .toList();
    }
}

package uk.encounters.web.hub;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.calendar.HubCalendarSettings;
import uk.encounters.marketplace.employer.OrganisationJoinRepository;
import uk.encounters.marketplace.hub.EmployerFatigue;
import uk.encounters.marketplace.hub.HubFigures;
import uk.encounters.marketplace.hub.HubProgress;
import uk.encounters.marketplace.hub.HubRepository.Hub;
import uk.encounters.marketplace.hub.SupplyGaps;
import uk.encounters.marketplace.hub.WeeklyDelivery;
import uk.encounters.marketplace.pupil.EncounterTarget;
import uk.encounters.matcher.explain.DateStyle;
import uk.encounters.web.Blocking;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * The coordinator's picture of the hub: a few headline figures, which schools are furthest behind,
 * Benchmarks 5 and 6 by school and year group as heat maps, disadvantaged pupils against the rest,
 * how hard employers are being asked, planned against delivered by week, and what to recruit (also
 * as a spreadsheet). The detail is folded, so the page opens on what a coordinator reports.
 */
public final class HubDashboardRoutes {

    /** The employers most asked lately; the rest are asked less, which is not what needs watching. */
    static final int MAX_EMPLOYERS = 50;
    /** Width in pixels of the longest bar in the weekly chart. */
    static final int BAR_WIDTH = 160;

    public record DashboardPage(
            Hub hub,
            String year,
            EncounterTarget target,
            HubProgress progress,
            List<Integer> yearGroups,
            List<HeatMapRow> heatMap,
            List<ShareBand> shareBands,
            Counted counted,
            List<EmployerFatigue> employers,
            boolean employersCutShort,
            int maxEmployers,
            List<WeekRow> weeks,
            SupplyGaps gaps,
            String joinsWaiting) {}

    /** What the folded sections' summaries count, in words: "24 schools", "1 organisation". */
    public record Counted(String schools, String organisations, String weeks, String targets) {

        static Counted of(HubProgress progress, List<EmployerFatigue> employers, List<WeekRow> weeks, SupplyGaps gaps) {
            return new Counted(
                    words(progress.schools().size(), "school", "schools"),
                    words(employers.size(), "organisation", "organisations"),
                    words(weeks.size(), "week", "weeks"),
                    words(gaps.targets().size(), "recruitment target", "recruitment targets"));
        }

        private static String words(int n, String one, String many) {
            return n + " " + (n == 1 ? one : many);
        }
    }

    /** A week with its bars scaled to the busiest week, so weeks compare at a glance. */
    public record WeekRow(WeeklyDelivery week, String label, int plannedWidth, int attendedWidth) {}

    private final HubFigures figures;
    private final OrganisationJoinRepository joins;
    private final HubCalendarSettings calendars;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;
    private final PathEntity<Hub> hub;

    public HubDashboardRoutes(
            HubFigures figures,
            OrganisationJoinRepository joins,
            HubCalendarSettings calendars,
            Blocking blocking,
            Templates templates,
            Clock clock,
            PathEntity<Hub> hub) {
        this.figures = figures;
        this.joins = joins;
        this.calendars = calendars;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
        this.hub = hub;
    }

    /** Its routes (under /hubs/:hubId). */
    public void mount(Routes routes) {
        Routes hub = routes.hub();
        hub.loading(this.hub).get("/dashboard", this::showDashboard);
        hub.get("/supply-gaps.csv", this::downloadSupplyGaps);
    }

    public void showDashboard(RoutingContext ctx) {
        Hub shown = hub.of(ctx);
        long hubId = shown.id();
        LocalDate today = LocalDate.now(clock);
        // The sections are independent: each is read at once, on its own connection, so the page
        // takes as long as the slowest rather than the sum.
        Future<HubProgress> progress = blocking.start(() -> figures.progress(hubId, today));
        // one more than is shown says whether the list was cut short
        Future<List<EmployerFatigue>> asked =
                blocking.start(() -> figures.employersMostAsked(hubId, today, MAX_EMPLOYERS + 1));
        Future<List<WeeklyDelivery>> weeks = blocking.start(() -> figures.weeklyDelivery(hubId, today));
        Future<SupplyGaps> gaps = blocking.start(() -> figures.supplyGaps(hubId, today));
        // SMEs rarely sign in, so requests to join their organisation are mostly the coordinator's to decide
        Future<Integer> joining = blocking.start(() -> joins.countPendingInHub(hubId));
        Future<EncounterTarget> target = blocking.start(() -> calendars.targetOf(hubId));
        List<EmployerFatigue> employers = asked.await();
        int waiting = joining.await();
        HubProgress schools = progress.await();
        List<EmployerFatigue> shownEmployers = employers.subList(0, Math.min(employers.size(), MAX_EMPLOYERS));
        List<WeekRow> weekRows = weekRows(weeks.await());
        SupplyGaps supplyGaps = gaps.await();
        DashboardPage page = new DashboardPage(
                shown,
                AcademicYear.containing(today).label(),
                target.await(),
                schools,
                IntStream.rangeClosed(EncounterTarget.FIRST_YEAR_GROUP, EncounterTarget.LAST_YEAR_GROUP)
                        .boxed()
                        .toList(),
                schools.schools().stream().map(HeatMapRow::of).toList(),
                List.of(ShareBand.values()),
                Counted.of(schools, shownEmployers, weekRows, supplyGaps),
                shownEmployers,
                employers.size() > MAX_EMPLOYERS,
                MAX_EMPLOYERS,
                weekRows,
                supplyGaps,
                waiting == 0 ? null : waiting == 1 ? "1 person is" : waiting + " people are");
        templates.render(ctx, "hub/dashboard", "Dashboard for " + shown.name(), page);
    }

    /** The supply-gap report as a spreadsheet, the same rows as the page. */
    public void downloadSupplyGaps(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        LocalDate today = LocalDate.now(clock);
        SupplyGaps gaps = blocking.call(() -> figures.supplyGaps(hubId, today));
        ctx.response()
                .putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"supply-gaps-" + today + ".csv\"")
                .putHeader("Cache-Control", "no-store")
                .end(gaps.csv());
    }

    /** Each week with its bars scaled to the busiest week, so weeks compare at a glance. */
    static List<WeekRow> weekRows(List<WeeklyDelivery> weeks) {
        int most = weeks.stream().mapToInt(WeeklyDelivery::plannedPlaces).max().orElse(0);
        return weeks.stream()
                .map(w -> new WeekRow(
                        w,
                        DateStyle.of(w.monday()),
                        most == 0 ? 0 : BAR_WIDTH * w.plannedPlaces() / most,
                        most == 0 ? 0 : BAR_WIDTH * w.attended() / most))
                .toList();
    }
}

package uk.encounters.web.school;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.calendar.HubCalendarSettings;
import uk.encounters.marketplace.pupil.EncounterTarget;
import uk.encounters.marketplace.pupil.ProgressSummaries;
import uk.encounters.marketplace.pupil.YearGroupProgress;
import uk.encounters.marketplace.request.RequestPlan;
import uk.encounters.web.Blocking;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * The school's progress towards its hub's target (seven encounters or four) and Benchmarks 5 and 6, by year group, as figures
 * and as a chart readable without JavaScript, and what to request next to close the gaps
 * ({@link RequestPlan}).
 */
public final class DashboardRoutes {

    public record DashboardPage(
            long schoolId,
            String year,
            EncounterTarget target,
            List<YearGroupProgress> years,
            List<Bar> bars,
            List<RequestPlan.Proposal> proposals,
            boolean readOnly) {}

    /**
     * One year group's row of the chart: the share on track and the share with an encounter this
     * year, as bar widths (3 px a percent) and where the bars and their labels sit.
     */
    public record Bar(
            String label,
            int y,
            int textY,
            int onTrack,
            int b5,
            int onTrackPercent,
            int b5Percent,
            int b5Y,
            int b5TextY) {}

    private final ProgressSummaries summaries;
    private final RequestPlan plan;
    private final HubCalendarSettings calendars;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    public DashboardRoutes(
            ProgressSummaries summaries,
            RequestPlan plan,
            HubCalendarSettings calendars,
            Blocking blocking,
            Templates templates,
            Clock clock) {
        this.summaries = summaries;
        this.plan = plan;
        this.calendars = calendars;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /** Its routes (under /schools/:schoolId). */
    public void mount(Routes routes) {
        routes.schoolReadable().get("/progress", this::showDashboard);
    }

    public void showDashboard(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        LocalDate today = LocalDate.now(clock);
        List<YearGroupProgress> years =
                YearGroupProgress.fromTallies(blocking.call(() -> summaries.forSchool(schoolId, today)));
        DashboardPage page = new DashboardPage(
                schoolId,
                AcademicYear.containing(today).label(),
                blocking.call(() -> calendars.targetOfSchool(schoolId)),
                years,
                bars(years),
                blocking.call(() -> plan.forSchool(schoolId, today)),
                SchoolViewer.readsOnly(ctx, schoolId));
        templates.render(ctx, "school/dashboard", "Progress", page);
    }

    /** One row of the chart per year group, 44 px apart. */
    static List<Bar> bars(List<YearGroupProgress> years) {
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (YearGroupProgress year : years) {
            bars.add(new Bar(
                    "Year " + year.yearGroup(),
                    y,
                    y + 14,
                    year.percentOnTrack() * 3,
                    year.percentBenchmark5() * 3,
                    year.percentOnTrack(),
                    year.percentBenchmark5(),
                    y + 20,
                    y + 30));
            y += 44;
        }
        return bars;
    }
}

package uk.encounters.web.school;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.pupil.ProgressSummaries;
import uk.encounters.marketplace.pupil.YearGroupProgress;
import uk.encounters.marketplace.request.RequestPlan;
import uk.encounters.web.Blocking;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * The school's progress towards seven encounters and Benchmarks 5 and 6, by year group, as figures
 * and as a chart readable without JavaScript, and what to request next to close the gaps
 * ({@link RequestPlan}).
 */
public final class DashboardRoutes {

    private final Database database;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    public DashboardRoutes(Database database, Blocking blocking, Templates templates, Clock clock) {
        this.database = database;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /** Its routes (under /schools/:schoolId). */
    public void mount(Routes routes) {
        Routes school = routes.school();
        school.get("/progress", this::showDashboard);
    }

    public void showDashboard(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        LocalDate today = LocalDate.now(clock);
        List<YearGroupProgress> years = YearGroupProgress.fromTallies(
                blocking.call(() -> new ProgressSummaries(database.dsl()).forSchool(schoolId, today)));
        Map<String, Object> model = new HashMap<>();
        model.put("schoolId", schoolId);
        model.put("year", AcademicYear.containing(today).label());
        model.put("years", years);
        model.put("bars", bars(years));
        model.put("proposals", blocking.call(() -> new RequestPlan(database.dsl()).forSchool(schoolId, today)));
        templates.render(ctx, "school/dashboard", "Progress", model);
    }

    /** One row of the chart per year group: the share on track and the share with an encounter this year. */
    static List<Map<String, Object>> bars(List<YearGroupProgress> years) {
        List<Map<String, Object>> bars = new ArrayList<>();
        int y = 0;
        for (YearGroupProgress year : years) {
            bars.add(Map.of(
                    "label",
                    "Year " + year.yearGroup(),
                    "y",
                    y,
                    "textY",
                    y + 14,
                    "onTrack",
                    year.percentOnTrack() * 3,
                    "b5",
                    year.percentBenchmark5() * 3,
                    "onTrackPercent",
                    year.percentOnTrack(),
                    "b5Percent",
                    year.percentBenchmark5(),
                    "b5Y",
                    y + 20,
                    "b5TextY",
                    y + 30));
            y += 44;
        }
        return bars;
    }
}

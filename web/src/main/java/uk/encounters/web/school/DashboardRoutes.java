package uk.encounters.web.school;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.encounters.marketplace.booking.BookingsToDo;
import uk.encounters.marketplace.booking.SchoolBookingRepository;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.calendar.HubCalendarSettings;
import uk.encounters.marketplace.hub.Coverage;
import uk.encounters.marketplace.pupil.EncounterTarget;
import uk.encounters.marketplace.pupil.ProgressSummaries;
import uk.encounters.marketplace.pupil.WorkplaceHoursTarget;
import uk.encounters.marketplace.pupil.WorkplaceSpread;
import uk.encounters.marketplace.pupil.YearGroupProgress;
import uk.encounters.marketplace.pupil.YearGroupTally;
import uk.encounters.marketplace.request.RequestPlan;
import uk.encounters.marketplace.school.SchoolRepository;
import uk.encounters.matcher.explain.DateStyle;
import uk.encounters.web.Blocking;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * The school's progress towards its hub's target (seven encounters or four) and Benchmarks 5 and 6, by year group, as figures
 * and as a chart readable without JavaScript, its pupils' hours of workplace experience against the hub's target of
 * hours, and what to request next to close the gaps ({@link RequestPlan}).
 */
public final class DashboardRoutes {

    /**
     * @param asAt     the day the figures are for, as governors and inspectors need it said
     * @param headline the whole school's figures, Benchmark 6 over the year groups it is due in
     * @param toDo     what the school's bookings need from the careers leader, this page being their first stop
     * @param workplace each year group's workplace experiences and hours against the hub's target
     */
    public record DashboardPage(
            long schoolId,
            String schoolName,
            String year,
            String asAt,
            EncounterTarget target,
            Coverage headline,
            Coverage disadvantaged,
            Coverage others,
            List<YearGroupProgress> years,
            WorkplaceHoursTarget hoursTarget,
            List<WorkplaceSpread> workplace,
            WorkplaceSpread yearEleven,
            List<Bar> bars,
            int chartHeight,
            List<RequestPlan.Proposal> proposals,
            BookingsToDo toDo,
            boolean readOnly) {}

    /**
     * One year group's row of the chart: its label and figures on a line of their own (so they stay
     * readable when the chart shrinks to a phone's width), then the share on track and the share
     * with an encounter this year as bars, 3 px a percent, against the target: every pupil (300 px).
     */
    public record Bar(String label, int textY, int onTrackY, int onTrack, int b5Y, int b5) {}

    /** The chart's scale: 3 px a percent, so every pupil, the target, is 300 px. */
    static final int TARGET_WIDTH = 300;

    private static final int ROW_HEIGHT = 54;
    private static final int TOP = 22;

    private final SchoolRepository schools;
    private final ProgressSummaries summaries;
    private final RequestPlan plan;
    private final HubCalendarSettings calendars;
    private final SchoolBookingRepository bookings;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    public DashboardRoutes(
            SchoolRepository schools,
            ProgressSummaries summaries,
            RequestPlan plan,
            HubCalendarSettings calendars,
            SchoolBookingRepository bookings,
            Blocking blocking,
            Templates templates,
            Clock clock) {
        this.schools = schools;
        this.summaries = summaries;
        this.plan = plan;
        this.calendars = calendars;
        this.bookings = bookings;
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
        List<YearGroupTally> tallies = blocking.call(() -> summaries.forSchool(schoolId, today));
        List<YearGroupProgress> years = YearGroupProgress.fromTallies(tallies);
        String name = blocking.call(() -> schools.findById(schoolId))
                .map(SchoolRepository.School::name)
                .orElse("Your school");
        String year = AcademicYear.containing(today).label();
        List<Bar> bars = bars(years);
        WorkplaceHoursTarget hoursTarget = blocking.call(() -> calendars.hoursTargetOfSchool(schoolId));
        List<WorkplaceSpread> workplace = WorkplaceSpread.fromTallies(tallies, hoursTarget);
        DashboardPage page = new DashboardPage(
                schoolId,
                name,
                year,
                DateStyle.of(today),
                blocking.call(() -> calendars.targetOfSchool(schoolId)),
                Coverage.of(tallies),
                Coverage.of(
                        tallies.stream().filter(YearGroupTally::disadvantaged).toList()),
                Coverage.of(tallies.stream().filter(t -> !t.disadvantaged()).toList()),
                years,
                hoursTarget,
                workplace,
                // the year the target falls due
                workplace.get(11 - EncounterTarget.FIRST_YEAR_GROUP),
                bars,
                TOP + bars.size() * ROW_HEIGHT,
                blocking.call(() -> plan.forSchool(schoolId, today)),
                BookingsToDo.of(blocking.call(() -> bookings.forSchool(schoolId)), today),
                SchoolViewer.readsOnly(ctx, schoolId));
        templates.render(ctx, "school/dashboard", "Progress at " + name + ", " + year, page);
    }

    /** One row of the chart per year group, below the target's label. */
    static List<Bar> bars(List<YearGroupProgress> years) {
        List<Bar> bars = new ArrayList<>();
        int y = TOP;
        for (YearGroupProgress year : years) {
            bars.add(new Bar(
                    "Year " + year.yearGroup() + ": " + year.percentOnTrack() + "% on track, "
                            + year.percentBenchmark5() + "% this year",
                    y + 13,
                    y + 19,
                    year.percentOnTrack() * TARGET_WIDTH / 100,
                    y + 35,
                    year.percentBenchmark5() * TARGET_WIDTH / 100));
            y += ROW_HEIGHT;
        }
        return bars;
    }
}

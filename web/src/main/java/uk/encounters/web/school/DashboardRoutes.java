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
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.web.Blocking;
import uk.encounters.web.Templates;

/**
 * The school's progress towards seven encounters and Benchmarks 5 and 6, by year group, as figures
 * and as a chart readable without JavaScript, and what to request next to close the gaps.
 */
public final class DashboardRoutes {

    /** A class-sized group for a talk; a workplace takes fewer at once. */
    static final int TALK_GROUP = 30;
    static final int VISIT_GROUP = 15;

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

    public void showDashboard(RoutingContext ctx) {
        long schoolId = Long.parseLong(ctx.pathParam("schoolId"));
        LocalDate today = LocalDate.now(clock);
        List<YearGroupProgress> years = YearGroupProgress.fromTallies(blocking.call(() ->
                new ProgressSummaries(database.dsl()).forSchool(schoolId, today)));
        Map<String, Object> model = new HashMap<>();
        model.put("schoolId", schoolId);
        model.put("year", AcademicYear.containing(today).label());
        model.put("years", years);
        model.put("bars", bars(years));
        model.put("suggestions", suggestions(years, today));
        templates.render(ctx, "school/dashboard", "Progress", model);
    }

    /** One row of the chart per year group: the share on track and the share with an encounter this year. */
    static List<Map<String, Object>> bars(List<YearGroupProgress> years) {
        List<Map<String, Object>> bars = new ArrayList<>();
        int y = 0;
        for (YearGroupProgress year : years) {
            bars.add(Map.of("label", "Year " + year.yearGroup(), "y", y, "textY", y + 14, "onTrack", year.percentOnTrack() * 3,
                    "b5", year.percentBenchmark5() * 3, "onTrackPercent", year.percentOnTrack(),
                    "b5Percent", year.percentBenchmark5(), "b5Y", y + 20, "b5TextY", y + 30));
            y += 44;
        }
        return bars;
    }

    /**
     * The Tracker's next steps: a talk for each year group's pupils behind with nothing booked, and
     * a workplace visit for Years 10 to 13 still owed Benchmark 6's workplace experience.
     */
    static List<Map<String, Object>> suggestions(List<YearGroupProgress> years, LocalDate today) {
        List<Map<String, Object>> suggestions = new ArrayList<>();
        for (YearGroupProgress year : years) {
            if (year.behindWithoutBooking() > 0) {
                suggestions.add(suggestion(EncounterType.CAREERS_TALK, year.yearGroup(), year.behindWithoutBooking(),
                        TALK_GROUP, true, today, year.behindWithoutBooking() + " pupils behind with nothing booked"));
            }
            if (year.yearGroup() >= 10 && year.needingWorkplaceExperience() > 0) {
                suggestions.add(suggestion(EncounterType.WORKPLACE_VISIT, year.yearGroup(),
                        year.needingWorkplaceExperience(), VISIT_GROUP, false, today,
                        year.needingWorkplaceExperience() + " pupils still need a workplace experience (Benchmark 6)"));
            }
        }
        return suggestions;
    }

    private static Map<String, Object> suggestion(EncounterType type, int yearGroup, int pupils, int group,
                                                  boolean inSchool, LocalDate today, String why) {
        int sessions = Math.min(20, (pupils + group - 1) / group);
        int perSession = (pupils + sessions - 1) / sessions;
        Map<String, Object> s = new HashMap<>();
        s.put("why", why);
        s.put("what", (sessions == 1 ? "A " + type.label().toLowerCase() : sessions + " sessions of " + type.label().toLowerCase())
                + " for " + perSession + " pupils of Year " + yearGroup + (sessions == 1 ? "" : " each"));
        s.put("type", type.code());
        s.put("yearGroup", yearGroup);
        s.put("pupils", perSession);
        s.put("sessions", sessions);
        s.put("from", today.plusWeeks(2).toString());
        s.put("until", today.plusWeeks(8).toString());
        s.put("inSchool", inSchool);
        return s;
    }
}

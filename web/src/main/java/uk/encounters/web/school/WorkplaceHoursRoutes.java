package uk.encounters.web.school;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import uk.encounters.marketplace.calendar.HubCalendarSettings;
import uk.encounters.marketplace.pupil.Hours;
import uk.encounters.marketplace.pupil.ProgressRepository;
import uk.encounters.marketplace.pupil.PupilProgress;
import uk.encounters.marketplace.pupil.PupilRepository;
import uk.encounters.marketplace.pupil.WorkplaceHoursTarget;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Form;
import uk.encounters.web.form.SelectOptions;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * Each pupil of a year group with their workplace experiences and hours so far against the hub's
 * target of hours, fewest hours first: whom to send on the next visit or placement. Linked from
 * the progress page's table of hours.
 */
public final class WorkplaceHoursRoutes {

    /** The year group shown, the choice of another, and its pupils. */
    public record HoursPage(
            long schoolId,
            int yearGroup,
            List<SelectOptions.Option> years,
            WorkplaceHoursTarget target,
            List<PupilHours> pupils,
            int met) {}

    /** One pupil's line. */
    public record PupilHours(
            String reference, boolean disadvantaged, int workplaceExperiences, Hours hours, String band) {}

    /** The year the target falls due: shown first. */
    private static final int TARGET_YEAR = 11;

    private final ProgressRepository progress;
    private final PupilRepository pupils;
    private final HubCalendarSettings calendars;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    public WorkplaceHoursRoutes(
            ProgressRepository progress,
            PupilRepository pupils,
            HubCalendarSettings calendars,
            Blocking blocking,
            Templates templates,
            Clock clock) {
        this.progress = progress;
        this.pupils = pupils;
        this.calendars = calendars;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /** Its routes (under /schools/:schoolId): pupils by reference, so for the school's own people. */
    public void mount(Routes routes) {
        routes.school().get("/progress/hours", this::showHours);
    }

    /** A year group's pupils and their hours; the year chosen by a GET form (Year 11 when none is). */
    public void showHours(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        Form query = Form.ofQuery(ctx);
        String typed = query.text("year", "Year group", 2);
        int year = typed.isEmpty() ? TARGET_YEAR : query.integer("year", "Year group", 7, 13);
        if (query.hasErrors()) {
            year = TARGET_YEAR;
        }
        int yearGroup = year;
        LocalDate today = LocalDate.now(clock);
        WorkplaceHoursTarget target = blocking.call(() -> calendars.hoursTargetOfSchool(schoolId));
        List<PupilProgress> inYear = blocking.call(() -> progress.forYearGroup(schoolId, yearGroup, today));
        Map<Long, String> references = blocking.call(() -> pupils.references(schoolId, yearGroup));
        List<PupilHours> lines = inYear.stream()
                .sorted(Comparator.comparing(PupilProgress::workplaceHours)
                        .thenComparing(p -> references.getOrDefault(p.pupilId(), "")))
                .map(p -> new PupilHours(
                        references.getOrDefault(p.pupilId(), "?"),
                        p.disadvantaged(),
                        p.workplaceExperiences(),
                        p.workplaceHours(),
                        target.label(p.hoursBand())))
                .toList();
        int met = (int) inYear.stream()
                .filter(p -> p.hoursBand() == WorkplaceHoursTarget.Band.MET)
                .count();
        query.keep("year", String.valueOf(yearGroup));
        templates.render(
                ctx,
                query.hasErrors() ? 422 : 200,
                "school/workplace-hours",
                "Hours of workplace experience, Year " + yearGroup,
                new HoursPage(
                        schoolId, yearGroup, SelectOptions.yearGroups(String.valueOf(yearGroup)), target, lines, met),
                query);
    }
}

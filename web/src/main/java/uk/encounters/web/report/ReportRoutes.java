package uk.encounters.web.report;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.hub.Coverage;
import uk.encounters.marketplace.report.Breakdown;
import uk.encounters.marketplace.report.HubReport;
import uk.encounters.marketplace.report.Reports;
import uk.encounters.marketplace.report.SchoolReport;
import uk.encounters.marketplace.report.YearFigures;
import uk.encounters.marketplace.report.YearGroupRow;
import uk.encounters.web.Blocking;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * The hub's report to its funders (its coordinators) and a school's to its governors (its careers
 * leaders, its hub's coordinators and its enterprise advisers): one academic year, this one unless
 * {@code ?year=2025} asks for an earlier one, as a page with charts, a spreadsheet and a PDF.
 */
public final class ReportRoutes {

    /** Years offered: this one and the four before it. */
    static final int YEARS_OFFERED = 5;

    /** A year the reader may choose. */
    public record YearChoice(int startYear, String label, boolean selected) {}

    /** The charts both reports draw. */
    public record Charts(List<Bar> benchmark5ByYear, List<Bar> groups, List<Bar> benchmark5ByYearGroup) {}

    /**
     * @param action  the report's path, which the year's form and the downloads go to
     * @param year    the start of the year shown, for the downloads and links, so they hold what the page does
     * @param current whether the year shown is this one (its pupils' figures are today's)
     */
    public record HubReportPage(
            HubReport report, List<YearChoice> years, Charts charts, String action, int year, boolean current) {}

    /** As {@link HubReportPage}, for one school. */
    public record SchoolReportPage(
            SchoolReport report, List<YearChoice> years, Charts charts, String action, int year, boolean current) {}

    private final Reports reports;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;
    /** The app's name, as the PDFs' author. */
    private final String author;

    public ReportRoutes(Reports reports, Blocking blocking, Templates templates, Clock clock, String author) {
        this.author = author;
        this.reports = reports;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /** Its routes: under /hubs/:hubId and /schools/:schoolId. */
    public void mount(Routes routes) {
        Routes hub = routes.hub();
        hub.get("/report", ctx -> forYearAsked(ctx, this::showHubReport));
        hub.get("/report.csv", ctx -> forYearAsked(ctx, this::downloadHubReport));
        hub.get("/report.pdf", ctx -> forYearAsked(ctx, this::printHubReport));
        Routes school = routes.schoolReadable();
        school.get("/report", ctx -> forYearAsked(ctx, this::showSchoolReport));
        school.get("/report.csv", ctx -> forYearAsked(ctx, this::downloadSchoolReport));
        school.get("/report.pdf", ctx -> forYearAsked(ctx, this::printSchoolReport));
    }

    /** This year, or an earlier one named by ?year=2025 (its start); anything else is not found. */
    private void forYearAsked(RoutingContext ctx, BiConsumer<RoutingContext, AcademicYear> handler) {
        AcademicYear current = AcademicYear.containing(LocalDate.now(clock));
        String asked = ctx.request().getParam("year");
        if (asked == null || asked.isBlank()) {
            handler.accept(ctx, current);
            return;
        }
        try {
            int start = Integer.parseInt(asked.strip());
            if (start <= current.startYear() && start >= current.startYear() - YEARS_OFFERED + 1) {
                handler.accept(ctx, new AcademicYear(start));
                return;
            }
        } catch (NumberFormatException e) {
            // not a year: not found, as below
        }
        ctx.fail(404);
    }

    public void showHubReport(RoutingContext ctx, AcademicYear year) {
        HubReport report = hubReport(ctx, year);
        templates.render(
                ctx,
                "report/hub",
                "Report for " + report.hubName() + ", " + report.year().label(),
                new HubReportPage(
                        report,
                        choices(year),
                        charts(report.years(), report.year(), report.yearGroups()),
                        "/hubs/" + report.hubId() + "/report",
                        year.startYear(),
                        isCurrent(year)));
    }

    public void downloadHubReport(RoutingContext ctx, AcademicYear year) {
        HubReport report = hubReport(ctx, year);
        csv(ctx, ReportCsv.of(report), fileName(report.hubName(), report.year(), "csv"));
    }

    public void printHubReport(RoutingContext ctx, AcademicYear year) {
        HubReport report = hubReport(ctx, year);
        Charts charts = charts(report.years(), report.year(), report.yearGroups());
        pdf(
                ctx,
                ReportPdf.of(report, charts, clock.instant(), author),
                fileName(report.hubName(), report.year(), "pdf"));
    }

    public void showSchoolReport(RoutingContext ctx, AcademicYear year) {
        SchoolReport report = schoolReport(ctx, year);
        templates.render(
                ctx,
                "report/school",
                "Report for " + report.schoolName() + ", " + report.year().label(),
                new SchoolReportPage(
                        report,
                        choices(year),
                        charts(report.years(), report.year(), report.yearGroups()),
                        "/schools/" + report.schoolId() + "/report",
                        year.startYear(),
                        isCurrent(year)));
    }

    public void downloadSchoolReport(RoutingContext ctx, AcademicYear year) {
        SchoolReport report = schoolReport(ctx, year);
        csv(ctx, ReportCsv.of(report), fileName(report.schoolName(), report.year(), "csv"));
    }

    public void printSchoolReport(RoutingContext ctx, AcademicYear year) {
        SchoolReport report = schoolReport(ctx, year);
        Charts charts = charts(report.years(), report.year(), report.yearGroups());
        pdf(
                ctx,
                ReportPdf.of(report, charts, clock.instant(), author),
                fileName(report.schoolName(), report.year(), "pdf"));
    }

    private HubReport hubReport(RoutingContext ctx, AcademicYear year) {
        long hubId = PathId.required(ctx, "hubId");
        LocalDate today = LocalDate.now(clock);
        return blocking.call(() -> reports.forHub(hubId, year, today));
    }

    private SchoolReport schoolReport(RoutingContext ctx, AcademicYear year) {
        long schoolId = PathId.required(ctx, "schoolId");
        LocalDate today = LocalDate.now(clock);
        return blocking.call(() -> reports.forSchool(schoolId, year, today));
    }

    private List<YearChoice> choices(AcademicYear shown) {
        AcademicYear current = AcademicYear.containing(LocalDate.now(clock));
        List<YearChoice> choices = new ArrayList<>();
        for (int i = 0; i < YEARS_OFFERED; i++) {
            AcademicYear year = current.minus(i);
            choices.add(new YearChoice(year.startYear(), year.label(), year.equals(shown)));
        }
        return choices;
    }

    private boolean isCurrent(AcademicYear year) {
        return year.equals(AcademicYear.containing(LocalDate.now(clock)));
    }

    static Charts charts(List<YearFigures> years, YearFigures shown, List<YearGroupRow> yearGroups) {
        List<Bar> byYear = years.stream()
                .filter(YearFigures::pupilsKept)
                .map(y -> benchmark5(y.label(), y.pupils().all()))
                .toList();
        Breakdown b = shown.pupils();
        List<Bar> groups = List.of(
                benchmark5("All pupils", b.all()),
                benchmark5("Disadvantaged", b.disadvantaged()),
                benchmark5("With SEND", b.send()),
                benchmark5("Neither", b.rest()));
        List<Bar> byYearGroup = yearGroups.stream()
                .map(row -> benchmark5("Year " + row.yearGroup(), row.figures().all()))
                .toList();
        return new Charts(byYear, groups, byYearGroup);
    }

    private static Bar benchmark5(String label, Coverage c) {
        return new Bar(
                label,
                c.percentBenchmark5(),
                c.percentBenchmark5() + "% (" + String.format(Locale.UK, "%,d", c.benchmark5()) + " of "
                        + String.format(Locale.UK, "%,d", c.pupils()) + " pupils)");
    }

    private static void csv(RoutingContext ctx, String body, String fileName) {
        ctx.response()
                .putHeader("Content-Type", "text/csv; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .putHeader("Cache-Control", "no-store")
                .end(body);
    }

    private static void pdf(RoutingContext ctx, byte[] body, String fileName) {
        ctx.response()
                .putHeader("Content-Type", "application/pdf")
                .putHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .putHeader("Cache-Control", "no-store")
                .end(io.vertx.core.buffer.Buffer.buffer(body));
    }

    /** "derby-careers-hub-2026-27-report.csv": letters and digits only, whatever the name holds. */
    static String fileName(String name, YearFigures year, String extension) {
        String slug = name.toLowerCase(Locale.UK).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return (slug.isEmpty() ? "report" : slug) + "-" + year.label().replace('/', '-') + "-report." + extension;
    }
}

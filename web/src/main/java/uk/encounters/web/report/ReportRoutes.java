package uk.encounters.web.report;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.hub.Coverage;
import uk.encounters.marketplace.report.Breakdown;
import uk.encounters.marketplace.report.HubReport;
import uk.encounters.marketplace.report.Reports;
import uk.encounters.marketplace.report.SchoolReport;
import uk.encounters.marketplace.report.YearFigures;
import uk.encounters.marketplace.report.YearReport;
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
     * A report's page: a hub's or a school's (the templates read the report's own accessors).
     *
     * @param action  the report's path, which the year's form and the downloads go to
     * @param year    the start of the year shown, for the downloads and links, so they hold what the page does
     * @param current whether the year shown is this one (its pupils' figures are today's)
     */
    public record ReportPage(
            YearReport report, List<YearChoice> years, Charts charts, String action, int year, boolean current) {}

    /** The forms a report comes in, by the ending of its path. */
    enum Form {
        PAGE(""),
        SPREADSHEET(".csv"),
        PDF(".pdf");

        final String ending;

        Form(String ending) {
            this.ending = ending;
        }
    }

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
        Routes school = routes.schoolReadable();
        for (Form form : Form.values()) {
            hub.get("/report" + form.ending, ctx -> answer(ctx, form, "report/hub", year -> hubReport(ctx, year)));
            school.get(
                    "/report" + form.ending,
                    ctx -> answer(ctx, form, "report/school", year -> schoolReport(ctx, year)));
        }
    }

    /**
     * The report for this year, or an earlier one named by ?year=2025 (its start), in the form asked
     * for; anything else is not found.
     */
    private void answer(RoutingContext ctx, Form form, String view, Function<AcademicYear, YearReport> read) {
        Optional<AcademicYear> asked = yearAsked(ctx);
        if (asked.isEmpty()) {
            ctx.fail(404);
            return;
        }
        AcademicYear year = asked.get();
        YearReport report = read.apply(year);
        Charts charts = charts(report);
        String fileName = fileName(report.name(), report.year(), form.ending);
        switch (form) {
            case PAGE ->
                templates.render(
                        ctx,
                        view,
                        "Report for " + report.name() + ", " + report.year().label(),
                        new ReportPage(
                                report,
                                choices(year),
                                charts,
                                switch (report) {
                                    case HubReport hub -> "/hubs/" + hub.hubId() + "/report";
                                    case SchoolReport school -> "/schools/" + school.schoolId() + "/report";
                                },
                                year.startYear(),
                                isCurrent(year)));
            case SPREADSHEET ->
                download(
                        ctx,
                        "text/csv; charset=utf-8",
                        Buffer.buffer(
                                switch (report) {
                                    case HubReport hub -> ReportCsv.of(hub);
                                    case SchoolReport school -> ReportCsv.of(school);
                                }),
                        fileName);
            case PDF ->
                download(
                        ctx,
                        "application/pdf",
                        Buffer.buffer(
                                switch (report) {
                                    case HubReport hub -> ReportPdf.of(hub, charts, clock.instant(), author);
                                    case SchoolReport school -> ReportPdf.of(school, charts, clock.instant(), author);
                                }),
                        fileName);
        }
    }

    private Optional<AcademicYear> yearAsked(RoutingContext ctx) {
        AcademicYear current = AcademicYear.containing(LocalDate.now(clock));
        String asked = ctx.request().getParam("year");
        if (asked == null || asked.isBlank()) {
            return Optional.of(current);
        }
        try {
            int start = Integer.parseInt(asked.strip());
            return start <= current.startYear() && start > current.startYear() - YEARS_OFFERED
                    ? Optional.of(new AcademicYear(start))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
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

    static Charts charts(YearReport report) {
        YearFigures shown = report.year();
        List<Bar> byYear = report.years().stream()
                .filter(YearFigures::pupilsKept)
                .map(y -> benchmark5(y.label(), y.pupils().all()))
                .toList();
        Breakdown b = shown.pupils();
        List<Bar> groups = List.of(
                benchmark5("All pupils", b.all()),
                benchmark5("Disadvantaged", b.disadvantaged()),
                benchmark5("With SEND", b.send()),
                benchmark5("Neither", b.rest()));
        List<Bar> byYearGroup = report.yearGroups().stream()
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

    private static void download(RoutingContext ctx, String contentType, Buffer body, String fileName) {
        ctx.response()
                .putHeader("Content-Type", contentType)
                .putHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .putHeader("Cache-Control", "no-store")
                .end(body);
    }

    /** "derby-careers-hub-2026-27-report.csv": letters and digits only, whatever the name holds. */
    static String fileName(String name, YearFigures year, String ending) {
        String slug = name.toLowerCase(Locale.UK).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return (slug.isEmpty() ? "report" : slug) + "-" + year.label().replace('/', '-') + "-report" + ending;
    }
}

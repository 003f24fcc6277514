package uk.encounters.web.employer;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.employer.Employer;
import uk.encounters.marketplace.statement.EmployerYear;
import uk.encounters.marketplace.statement.EmployerYearRepository;
import uk.encounters.matcher.explain.DateStyle;
import uk.encounters.web.Blocking;
import uk.encounters.web.WebServer;
import uk.encounters.web.page.Templates;
import uk.encounters.web.print.PrintedDocument;
import uk.encounters.web.print.PrintedTable;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.Routes;

/**
 * The employer's statement for a year ("Your year with schools"), as a page and a PDF, for a social-value report.
 * Under the employer's scope: its own people and the coordinators of the hubs it works with read it.
 */
public final class StatementRoutes {

    public record StatementPage(
            long employerId,
            String employerName,
            String yearLabel,
            Statement statement,
            String madeOn,
            String pdfHref,
            List<YearLink> otherYears) {}

    public record YearLink(String label, String href) {}

    private final EmployerYearRepository years;
    private final PathEntity<Employer> employer;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    public StatementRoutes(
            EmployerYearRepository years,
            PathEntity<Employer> employer,
            Blocking blocking,
            Templates templates,
            Clock clock) {
        this.years = years;
        this.employer = employer;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /** Its routes (under /employers/:employerId). */
    public void mount(Routes routes) {
        Routes employer = routes.employer().loading(this.employer);
        employer.get("/statement", this::showCurrentStatement);
        employer.get("/statement/:year", this::showStatement);
        employer.get("/statement/:year/pdf", this::downloadStatement);
    }

    public void showCurrentStatement(RoutingContext ctx) {
        show(ctx, AcademicYear.containing(LocalDate.now(clock)));
    }

    public void showStatement(RoutingContext ctx) {
        show(ctx, year(ctx));
    }

    private void show(RoutingContext ctx, AcademicYear year) {
        long employerId = employer.of(ctx).id();
        LocalDate today = LocalDate.now(clock);
        EmployerYear figures = read(employerId, year);
        List<YearLink> others = blocking.call(() -> years.yearsWithSessions(employerId, today)).stream()
                .filter(y -> !y.equals(year))
                .map(y -> new YearLink(y.label(), "/employers/" + employerId + "/statement/" + y.startYear()))
                .toList();
        templates.render(
                ctx,
                "employer/statement",
                "Your year with schools, " + year.label(),
                new StatementPage(
                        employerId,
                        figures.employerName(),
                        year.label(),
                        Statement.of(figures),
                        DateStyle.of(today),
                        "/employers/" + employerId + "/statement/" + year.startYear() + "/pdf",
                        others));
    }

    public void downloadStatement(RoutingContext ctx) {
        AcademicYear year = year(ctx);
        EmployerYear figures = read(employer.of(ctx).id(), year);
        byte[] pdf = pdf(figures);
        ctx.response()
                .putHeader("Content-Type", "application/pdf")
                .putHeader("Content-Disposition", PaperworkDownload.attachment(fileName(figures)))
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Cache-Control", "no-store")
                .end(Buffer.buffer(pdf));
    }

    private byte[] pdf(EmployerYear figures) {
        Statement statement = Statement.of(figures);
        PrintedDocument.Builder document = PrintedDocument.builder(
                        figures.hubName(),
                        figures.employerName() + ": a year with schools, "
                                + figures.year().label(),
                        clock.instant(),
                        WebServer.PRODUCT_NAME)
                .paragraph(statement.summary());
        if (!statement.volunteering().isEmpty()) {
            document.paragraph(statement.volunteering());
        }
        document.paragraph(statement.pupilsSaid())
                .paragraph(statement.schoolsSaid())
                .table(new PrintedTable(
                        List.of("What", "How many"),
                        statement.figures().stream()
                                .map(f -> List.of(f.what(), f.value()))
                                .toList(),
                        List.of(3, 1)));
        if (!statement.volunteersOfTheYear().isEmpty()) {
            document.heading("Volunteers of the year");
            statement.volunteersOfTheYear().forEach(document::paragraph);
        }
        return blocking.call(() -> document.heading("How we counted")
                .paragraph(statement.hoursRule())
                .paragraph("Pupils are counted from the attendance their schools recorded; no pupil is named.")
                .paragraph(statement.thanks())
                .build()
                .toPdf());
    }

    private EmployerYear read(long employerId, AcademicYear year) {
        return blocking.call(() -> years.find(employerId, year, LocalDate.now(clock)))
                .orElseThrow(() -> new HttpException(404));
    }

    /** The year a path names by the calendar year it starts in (2026 for 2026/27); none in the future. */
    private AcademicYear year(RoutingContext ctx) {
        return AcademicYear.named(ctx.pathParam("year"), AcademicYear.containing(LocalDate.now(clock)))
                .orElseThrow(() -> new HttpException(404));
    }

    /** "acme-ltd-2026-27-statement.pdf" */
    static String fileName(EmployerYear figures) {
        // "Café Ltd" as "cafe-ltd": accents dropped, so the name survives every file system and mail client
        String name = java.text.Normalizer.normalize(figures.employerName(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.UK)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return (name.isEmpty() ? "employer" : name) + "-"
                + figures.year().label().replace('/', '-') + "-statement.pdf";
    }
}

package uk.encounters.web.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.encounters.marketplace.hub.Coverage;
import uk.encounters.marketplace.report.Breakdown;
import uk.encounters.marketplace.report.FeedbackSummary;
import uk.encounters.marketplace.report.HubReport;
import uk.encounters.marketplace.report.SchoolReport;
import uk.encounters.marketplace.report.YearFigures;
import uk.encounters.marketplace.report.YearGroupRow;
import uk.encounters.web.print.PrintedBarChart;
import uk.encounters.web.print.PrintedDocument;
import uk.encounters.web.print.PrintedTable;

/** A report as a PDF to print or send: the page's figures and charts, with the hub's or school's name and the date. */
final class ReportPdf {

    private static final String DEFINITIONS = "Benchmark 5: at least one meaningful encounter with an employer in the"
            + " school year. Benchmark 6: an experience of a workplace by the end of Year 11 and another by the end of"
            + " Year 13, counted for pupils in Years 11 to 13. A pupil can be both disadvantaged and have SEND, so is"
            + " counted in both; \"neither\" is everyone else.";

    /** Column widths of a table of pupils' groups: "Disadvantaged" wants room to stay one word. */
    private static final List<Integer> BY_GROUP = List.of(3, 2, 3, 4, 3, 3, 3);

    private ReportPdf() {}

    static byte[] of(HubReport report, ReportRoutes.Charts charts, Instant madeAt, String author) {
        YearFigures year = report.year();
        PrintedDocument.Builder pdf =
                PrintedDocument.builder(report.hubName(), "Report for " + year.label(), madeAt, author);
        glance(pdf, year, report.target().inWords());
        pdf.paragraph(DEFINITIONS);
        years(pdf, report.years(), charts);
        groups(pdf, year, charts);
        pdf.heading("Benchmarks 5 and 6 by school");
        pdf.table(new PrintedTable(
                List.of("School", "Pupils", "Benchmark 5", "Disadvantaged", "With SEND", "Neither", "Benchmark 6"),
                report.schools().stream()
                        .map(s -> List.of(
                                s.name() + (s.coldSpot() ? " (cold spot)" : ""),
                                count(s.figures().all().pupils()),
                                benchmark5(s.figures().all()),
                                benchmark5(s.figures().disadvantaged()),
                                benchmark5(s.figures().send()),
                                benchmark5(s.figures().rest()),
                                benchmark6(s.figures().all())))
                        .toList(),
                List.of(5, 2, 3, 4, 3, 3, 3)));
        yearGroups(pdf, report.yearGroups(), charts);
        pdf.heading("Employers engaged and asked");
        pdf.paragraph(count(year.employers().employersEngaged()) + " employers gave "
                + count(year.employers().sessionsGiven()) + " sessions. The hub's published rounds asked "
                + count(year.employers().employersAsked()) + " employers "
                + count(year.employers().asks())
                + " times: " + year.employers().asksPerEmployer() + " asks for each employer asked.");
        if (!report.mostAsked().isEmpty()) {
            pdf.table(new PrintedTable(
                    List.of("Most asked", "Asks", "Sessions given"),
                    report.mostAsked().stream()
                            .map(e -> List.of(e.name(), count(e.asks()), count(e.sessionsGiven())))
                            .toList(),
                    List.of(4, 1, 1)));
        }
        pdf.heading("Supply gaps");
        pdf.paragraph(supply(year));
        if (!report.gaps().isEmpty()) {
            pdf.table(new PrintedTable(
                    List.of("What to recruit now", "Sessions needed"),
                    report.gaps().stream()
                            .map(g -> List.of(g.wording(), count(g.needed())))
                            .toList(),
                    List.of(5, 1)));
        }
        feedback(pdf, year.feedback());
        return pdf.build().toPdf();
    }

    static byte[] of(SchoolReport report, ReportRoutes.Charts charts, Instant madeAt, String author) {
        YearFigures year = report.year();
        PrintedDocument.Builder pdf = PrintedDocument.builder(
                report.schoolName(), "Careers report for governors, " + year.label(), madeAt, author);
        glance(pdf, year, report.target().inWords());
        pdf.paragraph(DEFINITIONS);
        groups(pdf, year, charts);
        yearGroups(pdf, report.yearGroups(), charts);
        years(pdf, report.years(), charts);
        feedback(pdf, year.feedback());
        pdf.paragraph("Requests: " + supply(year) + " Figures from " + report.hubName() + ".");
        return pdf.build().toPdf();
    }

    private static void glance(PrintedDocument.Builder pdf, YearFigures year, String target) {
        pdf.heading("The year at a glance");
        if (!year.pupilsKept()) {
            pdf.paragraph("The pupils' figures for " + year.label()
                    + " were not kept: the year ended before the rollover began keeping them.");
            return;
        }
        Coverage all = year.pupils().all();
        pdf.paragraph("Benchmark 5: " + benchmark5(all) + " of " + count(all.pupils()) + " pupils had an encounter"
                + " with an employer. Benchmark 6: " + benchmark6(all)
                + (all.anyBenchmark6Due() ? " of pupils in Years 11 to 13." : ".") + " On track for the target of "
                + target + " encounters by the end of Year 13: " + all.percentOnTrack() + "%. Encounters attended: "
                + count(year.pupils().encounters()) + ". Employers who gave sessions: "
                + count(year.employers().employersEngaged()) + ".");
    }

    private static void years(PrintedDocument.Builder pdf, List<YearFigures> years, ReportRoutes.Charts charts) {
        pdf.heading("Year on year");
        chart(pdf, "Benchmark 5 by year", charts.benchmark5ByYear());
        List<List<String>> pupils = new ArrayList<>();
        List<List<String>> sessions = new ArrayList<>();
        for (YearFigures y : years) {
            Breakdown b = y.pupils();
            pupils.add(
                    y.pupilsKept()
                            ? List.of(
                                    y.label(),
                                    count(b.all().pupils()),
                                    benchmark5(b.all()),
                                    benchmark5(b.disadvantaged()),
                                    benchmark5(b.send()),
                                    benchmark5(b.rest()),
                                    benchmark6(b.all()))
                            : List.of(y.label(), "Not kept", "", "", "", "", ""));
            FeedbackSummary f = y.feedback();
            sessions.add(List.of(
                    y.label(),
                    y.pupilsKept() ? count(b.encounters()) : "Not kept",
                    count(y.employers().employersEngaged()),
                    y.supply().requested() == 0
                            ? "None asked for"
                            : count(y.supply().held()) + " of "
                                    + count(y.supply().requested()),
                    f.schoolRating() == null ? "None yet" : f.schoolRating(),
                    f.anyPupilAnswers()
                            ? f.percentLearntWhatWorkIsLike() + "% of " + count(f.pupilsAnswered())
                            : "No answers"));
        }
        pdf.table(new PrintedTable(
                List.of("Year", "Pupils", "Benchmark 5", "Disadvantaged", "With SEND", "Neither", "Benchmark 6"),
                pupils,
                BY_GROUP));
        pdf.table(new PrintedTable(
                List.of(
                        "Year",
                        "Encounters",
                        "Employers who gave sessions",
                        "Sessions held",
                        "Schools' rating",
                        "Pupils who learnt what the work is like"),
                sessions,
                List.of(2, 2, 3, 3, 3, 4)));
    }

    private static void groups(PrintedDocument.Builder pdf, YearFigures year, ReportRoutes.Charts charts) {
        pdf.heading("Disadvantaged pupils and pupils with SEND against the rest");
        if (!year.pupilsKept()) {
            pdf.paragraph("Not kept for this year.");
            return;
        }
        chart(pdf, "Benchmark 5 by group of pupils", charts.groups());
        Breakdown b = year.pupils();
        pdf.table(new PrintedTable(
                List.of("Pupils", "On roll", "Benchmark 5", "Benchmark 6", "On track"),
                List.of(
                        group("All pupils", b.all()),
                        group("Disadvantaged", b.disadvantaged()),
                        group("With SEND", b.send()),
                        group("Neither", b.rest())),
                List.of(3, 1, 2, 2, 1)));
    }

    private static void yearGroups(PrintedDocument.Builder pdf, List<YearGroupRow> rows, ReportRoutes.Charts charts) {
        pdf.heading("By year group");
        if (rows.isEmpty()) {
            pdf.paragraph("No pupils' figures for this year.");
            return;
        }
        chart(pdf, "Benchmark 5 by year group", charts.benchmark5ByYearGroup());
        pdf.table(new PrintedTable(
                List.of("Year group", "Pupils", "Benchmark 5", "Disadvantaged", "With SEND", "Neither", "Benchmark 6"),
                rows.stream()
                        .map(r -> List.of(
                                "Year " + r.yearGroup(),
                                count(r.figures().all().pupils()),
                                benchmark5(r.figures().all()),
                                benchmark5(r.figures().disadvantaged()),
                                benchmark5(r.figures().send()),
                                benchmark5(r.figures().rest()),
                                benchmark6(r.figures().all())))
                        .toList(),
                BY_GROUP));
    }

    private static void feedback(PrintedDocument.Builder pdf, FeedbackSummary f) {
        pdf.heading("Feedback");
        String schools = f.schoolRating() == null
                ? "No school has rated a session yet."
                : "Schools rated " + sessions(f.schoolRatings()) + " " + f.schoolRating() + " on average.";
        String employers = f.employerRating() == null
                ? " No employer has rated a session yet."
                : " Employers rated " + sessions(f.employerRatings()) + " " + f.employerRating() + " on average.";
        String pupils = !f.anyPupilAnswers()
                ? " No pupils have answered yet."
                : " " + count(f.pupilsAnswered()) + " pupils answered: " + f.percentLearntWhatWorkIsLike()
                        + "% learnt what the work is like, " + f.percentLearntWhatItTakes()
                        + "% what it takes to do well in it, and " + f.percentWouldConsider()
                        + "% would consider that kind of work.";
        pdf.paragraph(schools + employers + pupils);
    }

    private static String supply(YearFigures year) {
        return "Schools asked for " + count(year.supply().requested()) + " sessions starting this year; bookings hold "
                + count(year.supply().held()) + " and " + count(year.supply().unfilled()) + " have none.";
    }

    private static void chart(PrintedDocument.Builder pdf, String caption, List<Bar> bars) {
        if (!bars.isEmpty()) {
            pdf.barChart(new PrintedBarChart(
                    caption,
                    bars.stream()
                            .map(b -> new PrintedBarChart.Bar(b.label(), b.percent(), 100, b.figure()))
                            .toList()));
        }
    }

    private static List<String> group(String name, Coverage c) {
        return List.of(name, count(c.pupils()), benchmark5(c), benchmark6(c), c.percentOnTrack() + "%");
    }

    private static String benchmark5(Coverage c) {
        return c.pupils() == 0 ? "None" : c.percentBenchmark5() + "%";
    }

    private static String benchmark6(Coverage c) {
        return c.anyBenchmark6Due() ? c.percentBenchmark6() + "%" : "Not due";
    }

    private static String sessions(int n) {
        return count(n) + (n == 1 ? " session" : " sessions");
    }

    private static String count(int n) {
        return String.format(Locale.UK, "%,d", n);
    }
}

package uk.encounters.web.report;

import java.util.List;
import uk.encounters.marketplace.csv.CsvWriter;
import uk.encounters.marketplace.hub.Coverage;
import uk.encounters.marketplace.report.Breakdown;
import uk.encounters.marketplace.report.HubReport;
import uk.encounters.marketplace.report.SchoolReport;
import uk.encounters.marketplace.report.YearFigures;
import uk.encounters.marketplace.report.YearGroupRow;

/**
 * A report as one spreadsheet table, the figures the page shows: a row per pupils group (all,
 * disadvantaged, SEND, the rest) for each year compared, then for each school and year group of the
 * year shown. The year's employers, supply and feedback sit on its "all pupils" row. Formula-safe
 * ({@link CsvWriter}).
 */
final class ReportCsv {

    private static final List<String> HEADER = List.of(
            "academic_year",
            "school",
            "year_group",
            "pupils_group",
            "pupils",
            "benchmark5_pupils",
            "benchmark5_percent",
            "benchmark6_due_pupils",
            "benchmark6_pupils",
            "benchmark6_percent",
            "on_track_pupils",
            "encounters",
            "employers_engaged",
            "sessions_given",
            "employers_asked",
            "asks",
            "sessions_requested",
            "sessions_held",
            "sessions_unfilled",
            "school_rating",
            "employer_rating",
            "pupils_answered",
            "learnt_what_work_is_like_percent",
            "learnt_what_it_takes_percent",
            "would_consider_percent");

    private final CsvWriter csv = new CsvWriter().row(HEADER);

    static String of(HubReport report) {
        ReportCsv table = new ReportCsv();
        report.years().forEach(year -> table.year(year, "All schools"));
        String label = report.year().label();
        report.schools().forEach(s -> table.groups(label, s.name(), "All", s.figures(), null));
        table.yearGroups(label, "All schools", report.yearGroups());
        return table.csv.toString();
    }

    static String of(SchoolReport report) {
        ReportCsv table = new ReportCsv();
        report.years().forEach(year -> table.year(year, report.schoolName()));
        table.yearGroups(report.year().label(), report.schoolName(), report.yearGroups());
        return table.csv.toString();
    }

    private void year(YearFigures year, String school) {
        if (year.pupilsKept()) {
            groups(year.label(), school, "All", year.pupils(), year);
        } else {
            // a year whose pupils' figures were not kept still has its employers, supply and feedback
            csv.row(concat(List.of(year.label(), school, "All", "all pupils"), blanks(8), yearly(year)));
        }
    }

    private void yearGroups(String year, String school, List<YearGroupRow> rows) {
        rows.forEach(row -> groups(year, school, String.valueOf(row.yearGroup()), row.figures(), null));
    }

    /** The four pupils groups' rows; the year's own figures on the first when given. */
    private void groups(String year, String school, String yearGroup, Breakdown figures, YearFigures yearly) {
        row(year, school, yearGroup, "all pupils", figures.all(), figures.encounters(), yearly);
        row(year, school, yearGroup, "disadvantaged", figures.disadvantaged(), null, null);
        row(year, school, yearGroup, "SEND", figures.send(), null, null);
        row(year, school, yearGroup, "neither disadvantaged nor SEND", figures.rest(), null, null);
    }

    private void row(
            String year,
            String school,
            String yearGroup,
            String group,
            Coverage c,
            Integer encounters,
            YearFigures yearly) {
        List<Object> pupils = List.of(
                c.pupils(),
                c.benchmark5(),
                c.percentBenchmark5(),
                c.benchmark6Due(),
                c.benchmark6(),
                c.anyBenchmark6Due() ? c.percentBenchmark6() : "",
                c.onTrack(),
                encounters == null ? "" : encounters);
        csv.row(concat(List.of(year, school, yearGroup, group), pupils, yearly == null ? blanks(13) : yearly(yearly)));
    }

    private static List<Object> yearly(YearFigures y) {
        var f = y.feedback();
        return List.of(
                y.employers().employersEngaged(),
                y.employers().sessionsGiven(),
                y.employers().employersAsked(),
                y.employers().asks(),
                y.supply().requested(),
                y.supply().held(),
                y.supply().unfilled(),
                f.schoolRatings() == 0 ? "" : f.schoolAverage() / 10.0,
                f.employerRatings() == 0 ? "" : f.employerAverage() / 10.0,
                f.pupilsAnswered(),
                f.anyPupilAnswers() ? f.percentLearntWhatWorkIsLike() : "",
                f.anyPupilAnswers() ? f.percentLearntWhatItTakes() : "",
                f.anyPupilAnswers() ? f.percentWouldConsider() : "");
    }

    private static List<Object> blanks(int n) {
        return java.util.Collections.nCopies(n, "");
    }

    @SafeVarargs
    private static List<Object> concat(List<? extends Object>... parts) {
        List<Object> all = new java.util.ArrayList<>();
        for (List<? extends Object> part : parts) {
            all.addAll(part);
        }
        return all;
    }
}

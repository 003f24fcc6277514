package uk.encounters.marketplace.report;

import java.time.LocalDate;
import java.util.List;
import uk.encounters.marketplace.pupil.EncounterTarget;

/**
 * What a school reports to its governors for one academic year: Benchmarks 5 and 6 by year group,
 * disadvantaged pupils and pupils with SEND against the rest, the employers who came, the feedback,
 * and the same figures for the years before.
 *
 * @param years this year and those before it with figures, oldest first
 */
public record SchoolReport(
        long schoolId,
        String schoolName,
        String hubName,
        LocalDate madeOn,
        EncounterTarget target,
        YearFigures year,
        List<YearGroupRow> yearGroups,
        List<YearFigures> years)
        implements YearReport {

    public SchoolReport {
        yearGroups = List.copyOf(yearGroups);
        years = List.copyOf(years);
    }

    @Override
    public String name() {
        return schoolName;
    }
}

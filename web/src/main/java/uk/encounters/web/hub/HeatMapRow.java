package uk.encounters.web.hub;

import java.util.List;
import uk.encounters.marketplace.hub.SchoolProgress;
import uk.encounters.marketplace.pupil.YearGroupProgress;

/**
 * A school's row in the dashboard's three year-group heat maps (Benchmark 5, pupils with no
 * encounter this year, Benchmark 6): each year group's figures with the band that shades each cell.
 */
public record HeatMapRow(long schoolId, String name, List<Cell> years) {

    public HeatMapRow {
        years = List.copyOf(years);
    }

    /**
     * One year group's three cells. A band is null where its cell is unshaded: a year group with no
     * pupils (a dash), and Benchmark 6 before Year 11 ("Not due").
     *
     * @param withoutOne shaded by the share of the year group with no encounter this year, not by the count shown
     */
    public record Cell(YearGroupProgress year, ShareBand benchmark5, ShareBand withoutOne, ShareBand benchmark6) {

        static Cell of(YearGroupProgress year) {
            if (year.pupils() == 0) {
                return new Cell(year, null, null, null);
            }
            return new Cell(
                    year,
                    ShareBand.of(year.percentBenchmark5()),
                    ShareBand.of(YearGroupProgress.percent(year.withoutOneThisYear(), year.pupils())),
                    year.benchmark6Due() ? ShareBand.of(year.percentBenchmark6()) : null);
        }
    }

    static HeatMapRow of(SchoolProgress school) {
        return new HeatMapRow(
                school.schoolId(),
                school.name(),
                school.years().stream().map(Cell::of).toList());
    }
}

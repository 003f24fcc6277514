package uk.encounters.marketplace.report;

import uk.encounters.marketplace.calendar.AcademicYear;

/**
 * One academic year of a hub's or a school's figures: the pupils' (today's for this year, as kept
 * when a past year ended), the employers', the supply and the feedback.
 *
 * @param pupilsKept false for a past year whose pupils' figures were never kept (it ended before
 *                   the rollover kept them): its Benchmark figures are unknown, not zero
 */
public record YearFigures(
        AcademicYear year,
        boolean pupilsKept,
        Breakdown pupils,
        Engagement employers,
        Supply supply,
        FeedbackSummary feedback) {

    public String label() {
        return year.label();
    }
}

package uk.encounters.marketplace.report;

import java.time.LocalDate;
import java.util.List;
import uk.encounters.marketplace.hub.RecruitmentTarget;
import uk.encounters.marketplace.pupil.EncounterTarget;

/**
 * What a hub reports to its funders for one academic year: each school's Benchmarks 5 and 6 with
 * disadvantaged pupils and pupils with SEND against the rest, the same by year group, the pupils on
 * track for the hub's target, employers engaged and asked, the supply gap, the feedback, and the
 * same figures for the years before.
 *
 * @param gaps  this year's recruitment targets (empty for a past year: the gaps were those of then)
 * @param years this year and those before it with figures, oldest first
 */
public record HubReport(
        long hubId,
        String hubName,
        LocalDate madeOn,
        EncounterTarget target,
        YearFigures year,
        List<SchoolRow> schools,
        List<YearGroupRow> yearGroups,
        List<EmployerAsks> mostAsked,
        List<RecruitmentTarget> gaps,
        List<YearFigures> years)
        implements YearReport {

    /** One school's year. */
    public record SchoolRow(long schoolId, String name, boolean coldSpot, Breakdown figures) {}

    /** One employer's asks in the year, and the sessions it gave. */
    public record EmployerAsks(long employerId, String name, int asks, int sessionsGiven) {}

    public HubReport {
        schools = List.copyOf(schools);
        yearGroups = List.copyOf(yearGroups);
        mostAsked = List.copyOf(mostAsked);
        gaps = List.copyOf(gaps);
        years = List.copyOf(years);
    }

    @Override
    public String name() {
        return hubName;
    }
}

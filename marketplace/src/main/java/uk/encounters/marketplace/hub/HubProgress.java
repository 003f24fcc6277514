package uk.encounters.marketplace.hub;

import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import uk.encounters.marketplace.employer.PostcodeDistrict;
import uk.encounters.marketplace.pupil.ProgressSummaries;
import uk.encounters.marketplace.pupil.YearGroupTally;
import uk.encounters.marketplace.school.ColdSpot;

/**
 * Where a hub's schools stand, worst first: cold spots ahead of the rest (their pupils have the
 * fewest links to employers, and the matching puts them first too), then the largest gap to
 * target. Its schools, and their progress
 * summaries ({@link ProgressSummaries}): a few rows a school, however many pupils it has.
 */
public record HubProgress(List<SchoolProgress> schools) {

    /** Cold spots first, then the most encounters still needed, then by name. */
    public static final Comparator<SchoolProgress> RANKING = Comparator.comparing((SchoolProgress s) -> !s.coldSpot())
            .thenComparing(
                    Comparator.comparingInt(SchoolProgress::encountersBehind).reversed())
            .thenComparing(SchoolProgress::name)
            .thenComparingLong(SchoolProgress::schoolId);

    public HubProgress {
        schools = schools.stream().sorted(RANKING).toList();
    }

    /** The hub's figures today: its schools' summaries, brought up to date first where they are not. */
    public static HubProgress of(DSLContext dsl, long hubId, LocalDate today) {
        ProgressSummaries summaries = new ProgressSummaries(dsl);
        summaries.refreshHub(hubId, today);
        Map<Long, List<YearGroupTally>> tallies = summaries.forHub(hubId);
        Field<String> district = SCHOOL.POSTCODE.convertFrom(p -> p == null ? null : PostcodeDistrict.of(p));
        Field<Boolean> coldSpot =
                SCHOOL.DEPRIVATION_DECILE.convertFrom(decile -> ColdSpot.is(decile == null ? null : decile.intValue()));
        return new HubProgress(dsl.select(SCHOOL.ID, SCHOOL.NAME, district, coldSpot)
                .from(SCHOOL)
                .where(SCHOOL.HUB_ID.eq(hubId))
                .fetch(r -> SchoolProgress.of(
                        r.get(SCHOOL.ID),
                        r.get(SCHOOL.NAME),
                        r.get(district),
                        r.get(coldSpot),
                        tallies.getOrDefault(r.get(SCHOOL.ID), List.of()))));
    }

    public Coverage disadvantaged() {
        return schools.stream().map(SchoolProgress::disadvantaged).reduce(Coverage.NONE, Coverage::plus);
    }

    public Coverage others() {
        return schools.stream().map(SchoolProgress::others).reduce(Coverage.NONE, Coverage::plus);
    }

    public Coverage all() {
        return disadvantaged().plus(others());
    }

    /** The pupils of its cold-spot schools: whether putting them first is closing the gap. */
    public Coverage coldSpots() {
        return schools.stream()
                .filter(SchoolProgress::coldSpot)
                .map(SchoolProgress::all)
                .reduce(Coverage.NONE, Coverage::plus);
    }

    /** The pupils of its other schools, to set the cold spots against. */
    public Coverage outsideColdSpots() {
        return schools.stream()
                .filter(s -> !s.coldSpot())
                .map(SchoolProgress::all)
                .reduce(Coverage.NONE, Coverage::plus);
    }

    public int encountersBehind() {
        return schools.stream().mapToInt(SchoolProgress::encountersBehind).sum();
    }
}

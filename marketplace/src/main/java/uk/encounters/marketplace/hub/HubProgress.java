package uk.encounters.marketplace.hub;

import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import uk.encounters.marketplace.employer.PostcodeDistrict;
import uk.encounters.marketplace.pupil.ProgressRepository;
import uk.encounters.marketplace.pupil.PupilProgress;
import uk.encounters.marketplace.school.ColdSpot;

/**
 * Where a hub's schools stand, worst first: cold spots ahead of the rest (their pupils have the
 * fewest links to employers, and the matching puts them first too), then the largest gap to
 * target. Two queries for the whole hub: its schools, and every pupil's progress.
 */
public record HubProgress(List<SchoolProgress> schools) {

    /** Cold spots first, then the most encounters still needed, then by name. */
    public static final Comparator<SchoolProgress> RANKING = Comparator
            .comparing((SchoolProgress s) -> !s.coldSpot())
            .thenComparing(Comparator.comparingInt(SchoolProgress::encountersBehind).reversed())
            .thenComparing(SchoolProgress::name)
            .thenComparingLong(SchoolProgress::schoolId);

    public HubProgress {
        schools = schools.stream().sorted(RANKING).toList();
    }

    public static HubProgress of(DSLContext dsl, long hubId, LocalDate today) {
        Map<Long, List<PupilProgress>> pupils = new ProgressRepository(dsl).forHub(hubId, today);
        return new HubProgress(dsl.select(SCHOOL.ID, SCHOOL.NAME, SCHOOL.POSTCODE, SCHOOL.DEPRIVATION_DECILE)
                .from(SCHOOL)
                .where(SCHOOL.HUB_ID.eq(hubId))
                .fetch(r -> SchoolProgress.of(r.value1(), r.value2(),
                        r.value3() == null ? null : PostcodeDistrict.of(r.value3()),
                        ColdSpot.is(r.value4() == null ? null : r.value4().intValue()),
                        pupils.getOrDefault(r.value1(), List.of()))));
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

    public int encountersBehind() {
        return schools.stream().mapToInt(SchoolProgress::encountersBehind).sum();
    }
}

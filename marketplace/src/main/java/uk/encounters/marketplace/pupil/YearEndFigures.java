package uk.encounters.marketplace.pupil;

import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL_YEAR_FIGURES;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import uk.encounters.marketplace.calendar.AcademicYear;

/**
 * A school's figures as each academic year ended, kept by the rollover just before its pupils move
 * up ({@code school_year_figures}): what the year's reports said, still there when the pupils have
 * moved on, left, or been deleted. Judged on the year's last day by the same rules as the progress
 * page, so a year's kept figures are what the page showed on 31 August.
 */
public final class YearEndFigures {

    private final DSLContext dsl;

    public YearEndFigures(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Keeps the school's figures for {@code year} from its pupils as they stand, replacing any kept
     * before. Call it in the rollover's transaction, before the pupils move up.
     */
    public void keep(long schoolId, AcademicYear year) {
        List<GroupFigures> groups = GroupFigures.of(new ProgressRepository(dsl).forSchool(schoolId, year.lastDay()));
        short target = dsl.select(HUB.TARGET_ENCOUNTERS)
                .from(SCHOOL)
                .join(HUB)
                .on(HUB.ID.eq(SCHOOL.HUB_ID))
                .where(SCHOOL.ID.eq(schoolId))
                .fetchSingle(HUB.TARGET_ENCOUNTERS);
        dsl.deleteFrom(SCHOOL_YEAR_FIGURES)
                .where(SCHOOL_YEAR_FIGURES.SCHOOL_ID.eq(schoolId))
                .and(SCHOOL_YEAR_FIGURES.ACADEMIC_YEAR.eq((short) year.startYear()))
                .execute();
        var insert = dsl.insertInto(
                SCHOOL_YEAR_FIGURES,
                SCHOOL_YEAR_FIGURES.SCHOOL_ID,
                SCHOOL_YEAR_FIGURES.ACADEMIC_YEAR,
                SCHOOL_YEAR_FIGURES.YEAR_GROUP,
                SCHOOL_YEAR_FIGURES.DISADVANTAGED,
                SCHOOL_YEAR_FIGURES.SEND,
                SCHOOL_YEAR_FIGURES.PUPILS,
                SCHOOL_YEAR_FIGURES.ON_TRACK,
                SCHOOL_YEAR_FIGURES.BENCHMARK5,
                SCHOOL_YEAR_FIGURES.BENCHMARK6,
                SCHOOL_YEAR_FIGURES.ENCOUNTERS,
                SCHOOL_YEAR_FIGURES.TARGET_ENCOUNTERS);
        for (GroupFigures g : groups) {
            insert = insert.values(
                    schoolId,
                    (short) year.startYear(),
                    (short) g.yearGroup(),
                    g.disadvantaged(),
                    g.send(),
                    g.pupils(),
                    g.onTrack(),
                    g.benchmark5(),
                    g.benchmark6(),
                    g.encounters(),
                    target);
        }
        if (!groups.isEmpty()) {
            insert.execute();
        }
    }

    /** The figures kept for these schools, by school id, then academic year (its start year), oldest first. */
    public Map<Long, Map<Integer, List<GroupFigures>>> kept(Collection<Long> schoolIds) {
        Map<Long, Map<Integer, List<GroupFigures>>> kept = new LinkedHashMap<>();
        dsl.selectFrom(SCHOOL_YEAR_FIGURES)
                .where(SCHOOL_YEAR_FIGURES.SCHOOL_ID.in(schoolIds))
                .orderBy(
                        SCHOOL_YEAR_FIGURES.SCHOOL_ID,
                        SCHOOL_YEAR_FIGURES.ACADEMIC_YEAR,
                        SCHOOL_YEAR_FIGURES.YEAR_GROUP,
                        SCHOOL_YEAR_FIGURES.DISADVANTAGED,
                        SCHOOL_YEAR_FIGURES.SEND)
                .forEach(r -> kept.computeIfAbsent(r.getSchoolId(), id -> new TreeMap<>())
                        .computeIfAbsent((int) r.getAcademicYear(), y -> new ArrayList<>())
                        .add(new GroupFigures(
                                r.getYearGroup(),
                                r.getDisadvantaged(),
                                r.getSend(),
                                r.getPupils(),
                                r.getOnTrack(),
                                r.getBenchmark5(),
                                r.getBenchmark6(),
                                r.getEncounters())));
        return kept;
    }
}

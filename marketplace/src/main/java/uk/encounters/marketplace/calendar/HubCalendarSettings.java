package uk.encounters.marketplace.calendar;

import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.HUB_INSET_DAY;
import static uk.encounters.marketplace.jooq.Tables.HUB_TERM;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL_PROGRESS_SUMMARY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.pupil.EncounterTarget;
import uk.encounters.marketplace.pupil.WorkplaceHoursTarget;

/**
 * Each hub's school calendar and targets: England's pattern, seven encounters and 50 hours of
 * workplace experience until its coordinator checks the term dates against the local authority's
 * and chooses the targets.
 */
public final class HubCalendarSettings {

    private final DSLContext dsl;

    public HubCalendarSettings(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The hub's calendar: its checked years, England's pattern for the others, and the bank holidays in use. */
    public SchoolCalendar calendarOf(long hubId) {
        Map<Integer, List<Term>> terms = new HashMap<>();
        dsl.selectFrom(HUB_TERM)
                .where(HUB_TERM.HUB_ID.eq(hubId))
                .orderBy(HUB_TERM.ACADEMIC_YEAR, HUB_TERM.TERM)
                .forEach(r -> terms.computeIfAbsent((int) r.getAcademicYear(), y -> new ArrayList<>())
                        .add(new Term(
                                Term.Name.ofNumber(r.getTerm()),
                                r.getStartsOn(),
                                r.getEndsOn(),
                                r.getHalfTermStartsOn(),
                                r.getHalfTermEndsOn())));
        Map<Integer, NavigableSet<LocalDate>> inset = new HashMap<>();
        dsl.select(HUB_INSET_DAY.ACADEMIC_YEAR, HUB_INSET_DAY.DAY)
                .from(HUB_INSET_DAY)
                .where(HUB_INSET_DAY.HUB_ID.eq(hubId))
                .forEach(r -> inset.computeIfAbsent((int) r.get(HUB_INSET_DAY.ACADEMIC_YEAR), y -> new TreeSet<>())
                        .add(r.get(HUB_INSET_DAY.DAY)));
        Map<Integer, TermDates> checked = new HashMap<>();
        terms.forEach((year, list) -> checked.put(
                year, new TermDates(new AcademicYear(year), list, inset.getOrDefault(year, new TreeSet<>()), true)));
        return new SchoolCalendar(checked, new BankHolidayRepository(dsl).current());
    }

    /** The calendar of the hub the school belongs to. */
    public SchoolCalendar calendarOfSchool(long schoolId) {
        return calendarOf(dsl.select(SCHOOL.HUB_ID)
                .from(SCHOOL)
                .where(SCHOOL.ID.eq(schoolId))
                .fetchSingle(SCHOOL.HUB_ID));
    }

    public EncounterTarget targetOf(long hubId) {
        return EncounterTarget.of(dsl.select(HUB.TARGET_ENCOUNTERS)
                .from(HUB)
                .where(HUB.ID.eq(hubId))
                .fetchSingle(HUB.TARGET_ENCOUNTERS));
    }

    /** The target of the hub the school belongs to. */
    public EncounterTarget targetOfSchool(long schoolId) {
        return EncounterTarget.of(dsl.select(HUB.TARGET_ENCOUNTERS)
                .from(HUB)
                .join(SCHOOL)
                .on(SCHOOL.HUB_ID.eq(HUB.ID))
                .where(SCHOOL.ID.eq(schoolId))
                .fetchSingle(HUB.TARGET_ENCOUNTERS));
    }

    /** The hub's target of hours of workplace experience by the end of Year 11. */
    public WorkplaceHoursTarget hoursTargetOf(long hubId) {
        return new WorkplaceHoursTarget(dsl.select(HUB.WORKPLACE_HOURS_TARGET)
                .from(HUB)
                .where(HUB.ID.eq(hubId))
                .fetchSingle(HUB.WORKPLACE_HOURS_TARGET));
    }

    /** The hours target of the hub the school belongs to. */
    public WorkplaceHoursTarget hoursTargetOfSchool(long schoolId) {
        return new WorkplaceHoursTarget(dsl.select(HUB.WORKPLACE_HOURS_TARGET)
                .from(HUB)
                .join(SCHOOL)
                .on(SCHOOL.HUB_ID.eq(HUB.ID))
                .where(SCHOOL.ID.eq(schoolId))
                .fetchSingle(HUB.WORKPLACE_HOURS_TARGET));
    }

    /**
     * Saves the hub's term dates for these years (each checked first: see {@link TermDates#problems})
     * and its targets, in one transaction with its audit entry. A new target makes the hub's schools'
     * progress summaries out of date, so they are judged again against it.
     */
    public void save(
            long hubId, List<TermDates> years, EncounterTarget target, WorkplaceHoursTarget hoursTarget, Actor actor) {
        for (TermDates dates : years) {
            if (!dates.problems().isEmpty()) {
                throw new IllegalArgumentException("Term dates with problems: " + dates.problems());
            }
        }
        dsl.transaction(c -> {
            DSLContext tx = c.dsl();
            EncounterTarget before = new HubCalendarSettings(tx).targetOf(hubId);
            WorkplaceHoursTarget hoursBefore = new HubCalendarSettings(tx).hoursTargetOf(hubId);
            Map<String, Object> detail = new LinkedHashMap<>();
            for (TermDates dates : years) {
                short year = (short) dates.year().startYear();
                tx.deleteFrom(HUB_TERM)
                        .where(HUB_TERM.HUB_ID.eq(hubId))
                        .and(HUB_TERM.ACADEMIC_YEAR.eq(year))
                        .execute();
                tx.deleteFrom(HUB_INSET_DAY)
                        .where(HUB_INSET_DAY.HUB_ID.eq(hubId))
                        .and(HUB_INSET_DAY.ACADEMIC_YEAR.eq(year))
                        .execute();
                for (Term term : dates.terms()) {
                    tx.insertInto(HUB_TERM)
                            .set(HUB_TERM.HUB_ID, hubId)
                            .set(HUB_TERM.ACADEMIC_YEAR, year)
                            .set(HUB_TERM.TERM, (short) term.name().number())
                            .set(HUB_TERM.STARTS_ON, term.start())
                            .set(HUB_TERM.ENDS_ON, term.end())
                            .set(HUB_TERM.HALF_TERM_STARTS_ON, term.halfTermStart())
                            .set(HUB_TERM.HALF_TERM_ENDS_ON, term.halfTermEnd())
                            .execute();
                }
                for (LocalDate day : dates.insetDays()) {
                    tx.insertInto(HUB_INSET_DAY)
                            .set(HUB_INSET_DAY.HUB_ID, hubId)
                            .set(HUB_INSET_DAY.ACADEMIC_YEAR, year)
                            .set(HUB_INSET_DAY.DAY, day)
                            .execute();
                }
                detail.put(dates.year().label(), auditOf(dates));
            }
            tx.update(HUB)
                    .set(HUB.TARGET_ENCOUNTERS, (short) target.byEndOfYear13())
                    .set(HUB.WORKPLACE_HOURS_TARGET, (short) hoursTarget.hours())
                    .where(HUB.ID.eq(hubId))
                    .execute();
            if (!before.equals(target) || !hoursBefore.equals(hoursTarget)) {
                tx.update(SCHOOL_PROGRESS_SUMMARY)
                        .set(SCHOOL_PROGRESS_SUMMARY.CHANGES, SCHOOL_PROGRESS_SUMMARY.CHANGES.plus(1))
                        .where(SCHOOL_PROGRESS_SUMMARY.SCHOOL_ID.in(
                                DSL.select(SCHOOL.ID).from(SCHOOL).where(SCHOOL.HUB_ID.eq(hubId))))
                        .execute();
            }
            detail.put("target", Map.of("before", before.byEndOfYear13(), "after", target.byEndOfYear13()));
            detail.put("workplace_hours_target", Map.of("before", hoursBefore.hours(), "after", hoursTarget.hours()));
            new AuditLog(tx).record(actor, "hub.calendar", "hub", hubId, detail);
        });
    }

    private static Map<String, Object> auditOf(TermDates dates) {
        Map<String, Object> terms = new LinkedHashMap<>();
        for (Term term : dates.terms()) {
            terms.put(
                    term.name().code(),
                    List.of(
                            term.start().toString(),
                            term.end().toString(),
                            term.halfTermStart().toString(),
                            term.halfTermEnd().toString()));
        }
        terms.put("inset", dates.insetDays().stream().map(LocalDate::toString).toList());
        return terms;
    }
}

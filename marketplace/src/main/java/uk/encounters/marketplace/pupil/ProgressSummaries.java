package uk.encounters.marketplace.pupil;

import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL_PROGRESS_SUMMARY;
import static uk.encounters.marketplace.jooq.Tables.YEAR_GROUP_PROGRESS_SUMMARY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.jooq.tables.SchoolProgressSummary;
import uk.encounters.marketplace.jooq.tables.YearGroupProgressSummary;

/**
 * Each school's progress figures, kept summarised per year group (migration V7): a hub's
 * dashboard and the home page read a few rows per school instead of judging every pupil. Database
 * triggers count the changes to a school's pupils, their encounters and their bookings; a summary
 * is made again, from {@link ProgressRepository} and {@link PupilProgress} as the school's own
 * page judges them, when it is older than those changes or than today. Instances share the work:
 * a school being summarised is locked, and the others skip it.
 */
public final class ProgressSummaries {

    private static final SchoolProgressSummary SUMMARY = SCHOOL_PROGRESS_SUMMARY;
    private static final YearGroupProgressSummary TALLY = YEAR_GROUP_PROGRESS_SUMMARY;

    private final DSLContext dsl;

    public ProgressSummaries(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Summarises again up to {@code limit} out-of-date schools anywhere; how many it did. */
    public int refreshDue(LocalDate today, int limit) {
        return refresh(DSL.noCondition(), today, limit);
    }

    /** Summarises again every out-of-date school of the hub, so its figures are exact now. */
    public int refreshHub(long hubId, LocalDate today) {
        return refresh(
                SUMMARY.SCHOOL_ID.in(DSL.select(SCHOOL.ID).from(SCHOOL).where(SCHOOL.HUB_ID.eq(hubId))),
                today,
                Integer.MAX_VALUE);
    }

    /** One school's tallies today, its summary brought up to date first if it is not. */
    public List<YearGroupTally> forSchool(long schoolId, LocalDate today) {
        refresh(SUMMARY.SCHOOL_ID.eq(schoolId), today, 1);
        return tallies(SCHOOL.ID.eq(schoolId)).getOrDefault(schoolId, List.of());
    }

    /** The hub's schools' tallies by school id (schools without pupils absent). */
    public Map<Long, List<YearGroupTally>> forHub(long hubId) {
        return tallies(SCHOOL.HUB_ID.eq(hubId));
    }

    private Map<Long, List<YearGroupTally>> tallies(Condition schools) {
        Map<Long, List<YearGroupTally>> bySchool = new HashMap<>();
        dsl.select(
                        TALLY.SCHOOL_ID,
                        TALLY.YEAR_GROUP,
                        TALLY.DISADVANTAGED,
                        TALLY.PUPILS,
                        TALLY.ENCOUNTERS,
                        TALLY.ON_TRACK,
                        TALLY.BENCHMARK5,
                        TALLY.BENCHMARK6,
                        TALLY.BEHIND_WITHOUT_BOOKING,
                        TALLY.NEEDING_WORKPLACE_EXPERIENCE,
                        TALLY.ENCOUNTERS_BEHIND,
                        TALLY.WITH_WORKPLACE_EXPERIENCE,
                        TALLY.WITH_TWO_WORKPLACE_EXPERIENCES,
                        TALLY.WITHOUT_WORKPLACE_HOURS,
                        TALLY.UNDER_HALF_WORKPLACE_HOURS,
                        TALLY.HALF_WORKPLACE_HOURS,
                        TALLY.WORKPLACE_HOURS_TARGET_MET)
                .from(TALLY)
                .join(SCHOOL)
                .on(SCHOOL.ID.eq(TALLY.SCHOOL_ID))
                .where(schools)
                .orderBy(TALLY.SCHOOL_ID, TALLY.YEAR_GROUP, TALLY.DISADVANTAGED)
                .forEach(r -> bySchool.computeIfAbsent(r.get(TALLY.SCHOOL_ID), id -> new ArrayList<>())
                        .add(tally(r)));
        return bySchool;
    }

    private static YearGroupTally tally(Record r) {
        return new YearGroupTally(
                r.get(TALLY.YEAR_GROUP),
                r.get(TALLY.DISADVANTAGED),
                r.get(TALLY.PUPILS),
                r.get(TALLY.ENCOUNTERS),
                r.get(TALLY.ON_TRACK),
                r.get(TALLY.BENCHMARK5),
                r.get(TALLY.BENCHMARK6),
                r.get(TALLY.BEHIND_WITHOUT_BOOKING),
                r.get(TALLY.NEEDING_WORKPLACE_EXPERIENCE),
                r.get(TALLY.ENCOUNTERS_BEHIND),
                r.get(TALLY.WITH_WORKPLACE_EXPERIENCE),
                r.get(TALLY.WITH_TWO_WORKPLACE_EXPERIENCES),
                r.get(TALLY.WITHOUT_WORKPLACE_HOURS),
                r.get(TALLY.UNDER_HALF_WORKPLACE_HOURS),
                r.get(TALLY.HALF_WORKPLACE_HOURS),
                r.get(TALLY.WORKPLACE_HOURS_TARGET_MET));
    }

    private int refresh(Condition schools, LocalDate today, int limit) {
        int done = 0;
        while (done < limit && dsl.transactionResult(c -> refreshOne(c.dsl(), schools, today))) {
            done++;
        }
        return done;
    }

    /** One out-of-date school that no one else is summarising, summarised; false when none is left. */
    private boolean refreshOne(DSLContext tx, Condition schools, LocalDate today) {
        Optional<Record2<Long, Long>> due = tx.select(SUMMARY.SCHOOL_ID, SUMMARY.CHANGES)
                .from(SUMMARY)
                .where(schools)
                .and(SUMMARY.CHANGES.ne(SUMMARY.SUMMARISED_CHANGES).or(SUMMARY.AS_OF.isDistinctFrom(today)))
                .limit(1)
                .forUpdate()
                .skipLocked()
                .fetchOptional();
        if (due.isEmpty()) {
            return false;
        }
        long schoolId = due.get().get(SUMMARY.SCHOOL_ID);
        List<PupilProgress> pupils = new ProgressRepository(tx).forSchool(schoolId, today);
        tx.deleteFrom(TALLY).where(TALLY.SCHOOL_ID.eq(schoolId)).execute();
        var insert = tx.insertInto(
                TALLY,
                TALLY.SCHOOL_ID,
                TALLY.YEAR_GROUP,
                TALLY.DISADVANTAGED,
                TALLY.PUPILS,
                TALLY.ENCOUNTERS,
                TALLY.ON_TRACK,
                TALLY.BENCHMARK5,
                TALLY.BENCHMARK6,
                TALLY.BEHIND_WITHOUT_BOOKING,
                TALLY.NEEDING_WORKPLACE_EXPERIENCE,
                TALLY.ENCOUNTERS_BEHIND,
                TALLY.WITH_WORKPLACE_EXPERIENCE,
                TALLY.WITH_TWO_WORKPLACE_EXPERIENCES,
                TALLY.WITHOUT_WORKPLACE_HOURS,
                TALLY.UNDER_HALF_WORKPLACE_HOURS,
                TALLY.HALF_WORKPLACE_HOURS,
                TALLY.WORKPLACE_HOURS_TARGET_MET);
        List<YearGroupTally> tallies = YearGroupTally.of(pupils);
        for (YearGroupTally t : tallies) {
            insert = insert.values(
                    schoolId,
                    (short) t.yearGroup(),
                    t.disadvantaged(),
                    t.pupils(),
                    t.encounters(),
                    t.onTrack(),
                    t.benchmark5(),
                    t.benchmark6(),
                    t.behindWithoutBooking(),
                    t.needingWorkplaceExperience(),
                    t.encountersBehind(),
                    t.withWorkplaceExperience(),
                    t.withTwoWorkplaceExperiences(),
                    t.withoutWorkplaceHours(),
                    t.underHalfWorkplaceHours(),
                    t.halfWorkplaceHours(),
                    t.workplaceHoursTargetMet());
        }
        if (!tallies.isEmpty()) {
            insert.execute();
        }
        tx.update(SUMMARY)
                .set(SUMMARY.SUMMARISED_CHANGES, due.get().get(SUMMARY.CHANGES))
                .set(SUMMARY.AS_OF, today)
                .set(SUMMARY.SUMMARISED_AT, DSL.currentOffsetDateTime())
                .set(SUMMARY.PUPILS, pupils.size())
                .set(SUMMARY.ON_TRACK, (int)
                        pupils.stream().filter(PupilProgress::onTrack).count())
                .where(SUMMARY.SCHOOL_ID.eq(schoolId))
                .execute();
        return true;
    }
}

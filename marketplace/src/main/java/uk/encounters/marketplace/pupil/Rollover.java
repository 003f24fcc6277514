package uk.encounters.marketplace.pupil;

import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.LocalDate;
import org.jooq.DSLContext;
import uk.encounters.marketplace.calendar.AcademicYear;

/**
 * The academic-year rollover: on 1 September every pupil moves up a year group and Year 13
 * leavers are archived. Encounter history stays with each pupil row, so nothing is lost, and the
 * year's figures as it ended are kept first ({@link YearEndFigures}) for the reports of later years.
 * Safe to run at any time from any number of app instances: each school moves once per year.
 */
public final class Rollover {

    /** What one run did. */
    public record Result(int schools, int movedUp, int leaversArchived) {}

    private final DSLContext dsl;

    public Rollover(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Result run(LocalDate today) {
        AcademicYear current = AcademicYear.containing(today);
        // a school never checked before takes its roll as it stands: it was loaded for this year
        dsl.update(SCHOOL)
                .set(SCHOOL.PUPILS_ROLLED_FOR, (short) current.startYear())
                .where(SCHOOL.PUPILS_ROLLED_FOR.isNull())
                .execute();
        int schools = 0;
        int moved = 0;
        int archived = 0;
        for (Long schoolId : dsl.select(SCHOOL.ID)
                .from(SCHOOL)
                .where(SCHOOL.PUPILS_ROLLED_FOR.lt((short) current.startYear()))
                .fetch(SCHOOL.ID)) {
            int[] counts = dsl.transactionResult(c -> rollUp(c.dsl(), schoolId, current));
            if (counts[0] > 0 || counts[1] > 0 || counts[2] > 0) {
                schools++;
                moved += counts[1];
                archived += counts[2];
            }
        }
        return new Result(schools, moved, archived);
    }

    /** One school, one year at a time, until it is current: a school idle for two years moves twice. */
    private static int[] rollUp(DSLContext tx, long schoolId, AcademicYear current) {
        int years = 0;
        int moved = 0;
        int archived = 0;
        while (true) {
            Short rolledFor = tx.select(SCHOOL.PUPILS_ROLLED_FOR)
                    .from(SCHOOL)
                    .where(SCHOOL.ID.eq(schoolId))
                    .forUpdate()
                    .fetchOne(SCHOOL.PUPILS_ROLLED_FOR);
            if (rolledFor == null || rolledFor >= current.startYear()) {
                return new int[] {years, moved, archived};
            }
            // the year's figures as it ended, kept before its pupils move on
            new YearEndFigures(tx).keep(schoolId, new AcademicYear(rolledFor));
            AcademicYear next = new AcademicYear(rolledFor + 1);
            archived += tx.update(PUPIL)
                    .set(PUPIL.ARCHIVED_ON, next.firstDay())
                    .where(PUPIL.SCHOOL_ID.eq(schoolId))
                    .and(PUPIL.YEAR_GROUP.eq((short) EncounterTarget.LAST_YEAR_GROUP))
                    .and(PUPIL.ARCHIVED_ON.isNull())
                    .execute();
            moved += tx.update(PUPIL)
                    .set(PUPIL.YEAR_GROUP, PUPIL.YEAR_GROUP.plus((short) 1))
                    .where(PUPIL.SCHOOL_ID.eq(schoolId))
                    .and(PUPIL.YEAR_GROUP.lt((short) EncounterTarget.LAST_YEAR_GROUP))
                    .and(PUPIL.ARCHIVED_ON.isNull())
                    .execute();
            tx.update(SCHOOL)
                    .set(SCHOOL.PUPILS_ROLLED_FOR, (short) next.startYear())
                    .where(SCHOOL.ID.eq(schoolId))
                    .execute();
            years++;
        }
    }
}

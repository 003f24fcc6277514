package uk.encounters.marketplace.school;

import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.values;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL_BUDGET;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.Result;
import org.jooq.Row2;
import uk.encounters.marketplace.jooq.tables.records.SchoolBudgetRecord;

/**
 * A school's money for paid encounters (the virtual wallet), per funder and academic year:
 * what was given, what bookings have committed, and what has been spent.
 */
public final class BudgetRepository {

    public record BudgetLine(String funder, long amountPence, long committedPence, long spentPence) {

        public long remainingPence() {
            return amountPence - committedPence - spentPence;
        }
    }

    /** What setting an amount did. */
    public enum Saved {
        ADDED,
        CHANGED,
        BELOW_WHAT_IS_USED
    }

    private final DSLContext dsl;

    public BudgetRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<BudgetLine> forYear(long schoolId, int academicYear) {
        return dsl.select(
                        SCHOOL_BUDGET.FUNDER,
                        SCHOOL_BUDGET.AMOUNT_PENCE,
                        SCHOOL_BUDGET.COMMITTED_PENCE,
                        SCHOOL_BUDGET.SPENT_PENCE)
                .from(SCHOOL_BUDGET)
                .where(SCHOOL_BUDGET.SCHOOL_ID.eq(schoolId))
                .and(SCHOOL_BUDGET.ACADEMIC_YEAR.eq((short) academicYear))
                .orderBy(SCHOOL_BUDGET.FUNDER)
                .fetch(Records.mapping(BudgetLine::new));
    }

    /**
     * Spends the price of a delivered paid session: from money a booking committed when there is
     * some, else from the funder with most left. False when no funder can cover it: the session
     * still happened, so the caller records it and says the budget did not cover it.
     */
    public boolean spend(long schoolId, int academicYear, long pence) {
        var lines = dsl.selectFrom(SCHOOL_BUDGET)
                .where(SCHOOL_BUDGET.SCHOOL_ID.eq(schoolId))
                .and(SCHOOL_BUDGET.ACADEMIC_YEAR.eq((short) academicYear))
                .orderBy(
                        SCHOOL_BUDGET.COMMITTED_PENCE.desc(),
                        SCHOOL_BUDGET
                                .AMOUNT_PENCE
                                .minus(SCHOOL_BUDGET.COMMITTED_PENCE)
                                .minus(SCHOOL_BUDGET.SPENT_PENCE)
                                .desc())
                .forUpdate()
                .fetch();
        for (var line : lines) {
            if (line.getCommittedPence() >= pence) {
                line.setCommittedPence(line.getCommittedPence() - pence);
                line.setSpentPence(line.getSpentPence() + pence);
                line.store();
                return true;
            }
        }
        for (var line : lines) {
            if (line.getAmountPence() - line.getCommittedPence() - line.getSpentPence() >= pence) {
                line.setSpentPence(line.getSpentPence() + pence);
                line.store();
                return true;
            }
        }
        return false;
    }

    /** A paid session's price, to commit to its school's budget for the academic year it falls in. */
    public record Charge(long schoolId, int academicYear, long pence) {}

    /**
     * Commits the price of paid sessions when they are booked, each in turn from its school's
     * funder with most left that year, in two statements however many there are: the schools'
     * lines read and locked, then the changed ones written. False, and nothing committed, when one
     * no longer fits in any single funder's money.
     */
    public boolean commitAll(List<Charge> charges) {
        if (charges.isEmpty()) {
            return true;
        }
        Set<SchoolYear> years = new LinkedHashSet<>();
        charges.forEach(c -> years.add(new SchoolYear(c.schoolId(), c.academicYear())));
        Map<SchoolYear, Result<SchoolBudgetRecord>> lines = dsl.selectFrom(SCHOOL_BUDGET)
                .where(row(SCHOOL_BUDGET.SCHOOL_ID, SCHOOL_BUDGET.ACADEMIC_YEAR)
                        .in(years.stream()
                                .map(y -> row(y.schoolId(), (short) y.academicYear()))
                                .toList()))
                .orderBy(SCHOOL_BUDGET.ID)
                .forUpdate()
                .fetchGroups(r -> new SchoolYear(r.getSchoolId(), r.getAcademicYear()));
        Map<Long, SchoolBudgetRecord> changed = new LinkedHashMap<>();
        for (Charge charge : charges) {
            List<SchoolBudgetRecord> ofYear = lines.get(new SchoolYear(charge.schoolId(), charge.academicYear()));
            Optional<SchoolBudgetRecord> line = ofYear == null
                    ? Optional.empty()
                    : ofYear.stream().max(Comparator.comparingLong(BudgetRepository::left));
            if (line.isEmpty() || left(line.get()) < charge.pence()) {
                return false;
            }
            line.get().setCommittedPence(line.get().getCommittedPence() + charge.pence());
            changed.put(line.get().getId(), line.get());
        }
        var committed = values(changed.values().stream()
                        .map(r -> row(r.getId(), r.getCommittedPence()))
                        .toArray(Row2[]::new))
                .as("committed", "id", "pence");
        dsl.update(SCHOOL_BUDGET)
                .set(SCHOOL_BUDGET.COMMITTED_PENCE, committed.field("pence", Long.class))
                .from(committed)
                .where(SCHOOL_BUDGET.ID.eq(committed.field("id", Long.class)))
                .execute();
        return true;
    }

    private record SchoolYear(long schoolId, int academicYear) {}

    private static long left(SchoolBudgetRecord line) {
        return line.getAmountPence() - line.getCommittedPence() - line.getSpentPence();
    }

    /**
     * Sets what a funder gives this year. An amount below what is already committed and spent
     * against it is refused: those bookings stand.
     */
    public Saved setAmount(long schoolId, int academicYear, String funder, long amountPence) {
        var existing = dsl.selectFrom(SCHOOL_BUDGET)
                .where(SCHOOL_BUDGET.SCHOOL_ID.eq(schoolId))
                .and(SCHOOL_BUDGET.ACADEMIC_YEAR.eq((short) academicYear))
                .and(SCHOOL_BUDGET.FUNDER.equalIgnoreCase(funder))
                .forUpdate()
                .fetchOptional();
        if (existing.isEmpty()) {
            dsl.insertInto(
                            SCHOOL_BUDGET,
                            SCHOOL_BUDGET.SCHOOL_ID,
                            SCHOOL_BUDGET.ACADEMIC_YEAR,
                            SCHOOL_BUDGET.FUNDER,
                            SCHOOL_BUDGET.AMOUNT_PENCE)
                    .values(schoolId, (short) academicYear, funder, amountPence)
                    .execute();
            return Saved.ADDED;
        }
        var line = existing.get();
        if (amountPence < line.getCommittedPence() + line.getSpentPence()) {
            return Saved.BELOW_WHAT_IS_USED;
        }
        line.setAmountPence(amountPence);
        line.store();
        return Saved.CHANGED;
    }
}

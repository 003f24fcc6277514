package uk.encounters.marketplace.pupil;

import static org.jooq.Records.mapping;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** A school's pupils: pseudonymous references and flags only, never names or dates of birth. */
public final class PupilRepository {

    /** One pupil as a school's information system exports them. */
    public record PupilRow(String reference, int yearGroup, boolean disadvantaged, boolean send, boolean eal) {}

    /** How many pupils a year group has on roll, and how many of them are disadvantaged. */
    public record YearGroupCount(int yearGroup, int pupils, int disadvantaged) {}

    public record Imported(int added, int updated) {}

    private final DSLContext dsl;

    public PupilRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Adds new references and updates known ones (year group and flags), so importing the same
     * export again changes nothing and a later export corrects an earlier one. A reference seen
     * again after being archived is back on roll. Run it in one transaction.
     */
    public Imported importRows(long schoolId, List<PupilRow> rows, LocalDate today) {
        int added = 0;
        int updated = 0;
        for (PupilRow row : rows) {
            int changed = dsl.update(PUPIL)
                    .set(PUPIL.YEAR_GROUP, (short) row.yearGroup())
                    .set(PUPIL.DISADVANTAGED, row.disadvantaged())
                    .set(PUPIL.SEND, row.send())
                    .set(PUPIL.EAL, row.eal())
                    .set(PUPIL.ARCHIVED_ON, (LocalDate) null)
                    .where(PUPIL.SCHOOL_ID.eq(schoolId))
                    .and(PUPIL.REFERENCE.eq(row.reference()))
                    .execute();
            if (changed > 0) {
                updated++;
            } else {
                dsl.insertInto(
                                PUPIL,
                                PUPIL.SCHOOL_ID,
                                PUPIL.REFERENCE,
                                PUPIL.YEAR_GROUP,
                                PUPIL.DISADVANTAGED,
                                PUPIL.SEND,
                                PUPIL.EAL,
                                PUPIL.JOINED_ON)
                        .values(
                                schoolId,
                                row.reference(),
                                (short) row.yearGroup(),
                                row.disadvantaged(),
                                row.send(),
                                row.eal(),
                                today)
                        .execute();
                added++;
            }
        }
        return new Imported(added, updated);
    }

    /**
     * A year group for a school that keeps its list elsewhere: {@code count} pupils with made-up
     * references ("Y7-2026-001"), the first {@code disadvantaged} of them flagged.
     */
    public int createYearGroup(long schoolId, int yearGroup, int count, int disadvantaged, int academicYear) {
        String prefix = "Y" + yearGroup + "-" + academicYear + "-";
        int existing = dsl.fetchCount(PUPIL, PUPIL.SCHOOL_ID.eq(schoolId).and(PUPIL.REFERENCE.startsWith(prefix)));
        var insert = dsl.insertInto(PUPIL, PUPIL.SCHOOL_ID, PUPIL.REFERENCE, PUPIL.YEAR_GROUP, PUPIL.DISADVANTAGED);
        for (int i = 1; i <= count; i++) {
            insert = insert.values(
                    schoolId, prefix + String.format("%03d", existing + i), (short) yearGroup, i <= disadvantaged);
        }
        return insert.execute();
    }

    public java.util.Optional<Long> findByReference(long schoolId, String reference) {
        return dsl.select(PUPIL.ID)
                .from(PUPIL)
                .where(PUPIL.SCHOOL_ID.eq(schoolId))
                .and(PUPIL.REFERENCE.eq(reference))
                .fetchOptional(PUPIL.ID);
    }

    /** The school's pupil with the reference, on its roll on {@code day}. */
    public java.util.Optional<Long> findOnRoll(long schoolId, String reference, LocalDate day) {
        return dsl.select(PUPIL.ID)
                .from(PUPIL)
                .where(PUPIL.SCHOOL_ID.eq(schoolId))
                .and(PUPIL.REFERENCE.eq(reference))
                .and(OnRoll.on(day))
                .fetchOptional(PUPIL.ID);
    }

    /** The references of a year group's pupils, by id, for pages that list them. */
    public Map<Long, String> references(long schoolId, int yearGroup) {
        return dsl.select(PUPIL.ID, PUPIL.REFERENCE)
                .from(PUPIL)
                .where(PUPIL.SCHOOL_ID.eq(schoolId))
                .and(PUPIL.YEAR_GROUP.eq((short) yearGroup))
                .fetchMap(PUPIL.ID, PUPIL.REFERENCE);
    }

    /** Pupils on roll today by year group, Year 7 to 13, empty year groups included. */
    public List<YearGroupCount> countByYearGroup(long schoolId, LocalDate today) {
        Map<Integer, YearGroupCount> counts = new TreeMap<>();
        for (int year = EncounterTarget.FIRST_YEAR_GROUP; year <= EncounterTarget.LAST_YEAR_GROUP; year++) {
            counts.put(year, new YearGroupCount(year, 0, 0));
        }
        Field<Integer> pupils = DSL.count();
        Field<Integer> disadvantaged = DSL.count().filterWhere(PUPIL.DISADVANTAGED);
        dsl.select(PUPIL.YEAR_GROUP.convertFrom(Short::intValue), pupils, disadvantaged)
                .from(PUPIL)
                .where(PUPIL.SCHOOL_ID.eq(schoolId))
                .and(OnRoll.on(today))
                .groupBy(PUPIL.YEAR_GROUP)
                .fetch(mapping(YearGroupCount::new))
                .forEach(count -> counts.put(count.yearGroup(), count));
        return List.copyOf(counts.values());
    }
}

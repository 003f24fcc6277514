package uk.encounters.marketplace.privacy;

import static org.jooq.Records.mapping;
import static uk.encounters.marketplace.jooq.Tables.BOOKING_ATTENDANCE_TALLY;
import static uk.encounters.marketplace.jooq.Tables.BOOKING_PUPIL;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.EVIDENCE_TALLY;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.pupil.EncounterTarget;
import uk.encounters.marketplace.pupil.WorkplaceExperience;

/**
 * Deletes archived pupils once their hub's retention period has passed: the default keeps a pupil
 * until the end of the academic year after the one they left in. What they contributed is added
 * to the school's evidence tally and their bookings' attendance tallies first, in the same
 * transaction, so a school's past figures and an employer's reach do not shrink.
 */
final class LeaverDeletion {

    /** Pupils per transaction: a school's first run may find several years of leavers. */
    private static final int BATCH = 500;

    private record Leaver(long id, int yearGroup, boolean disadvantaged, LocalDate joinedOn, LocalDate archivedOn) {

        /** The academic year of their last day on roll (archived_on is the first day off it). */
        int leftIn() {
            return AcademicYear.containing(archivedOn.minusDays(1)).startYear();
        }

        int yearGroupIn(int academicYear) {
            int yearGroup = this.yearGroup - (leftIn() - academicYear);
            return Math.clamp(yearGroup, EncounterTarget.FIRST_YEAR_GROUP, EncounterTarget.LAST_YEAR_GROUP);
        }
    }

    private record Key(int academicYear, int yearGroup, boolean disadvantaged) {}

    private static final class Tally {
        int pupils;
        int withEncounter;
        int encounters;
        int workplace;
    }

    private static final class Attendance {
        int attended;
        int absent;
        int disadvantagedAttended;
    }

    private final DSLContext dsl;

    LeaverDeletion(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** @return pupils deleted */
    int run(LocalDate today) {
        AcademicYear current = AcademicYear.containing(today);
        int deleted = 0;
        // a school that left its hub keeps that hub's rule for the leavers it had
        var retention = DSL.coalesce(HUB.PUPIL_RETENTION_YEARS, DSL.val((short) LeaverRetention.DEFAULT_YEARS));
        var schools = dsl.select(SCHOOL.ID, retention, SCHOOL.CREATED_AT)
                .from(SCHOOL)
                .leftJoin(HUB)
                .on(HUB.ID.eq(DSL.coalesce(SCHOOL.HUB_ID, SCHOOL.LEFT_HUB_ID)))
                .fetch();
        for (var school : schools) {
            long schoolId = school.get(SCHOOL.ID);
            int retentionYears = school.get(retention);
            LocalDate joinedMarketplace = school.get(SCHOOL.CREATED_AT).toLocalDate();
            // left in year Y, kept through Y + years: deletable from 1 September of Y + years + 1
            LocalDate lastArchivedOn = current.minus(retentionYears).firstDay();
            int schoolStart = AcademicYear.containing(joinedMarketplace).startYear();
            while (true) {
                int batch = dsl.transactionResult(c -> deleteBatch(c.dsl(), schoolId, lastArchivedOn, schoolStart));
                deleted += batch;
                if (batch < BATCH) {
                    break;
                }
            }
        }
        return deleted;
    }

    private static int deleteBatch(DSLContext tx, long schoolId, LocalDate lastArchivedOn, int schoolStart) {
        // skip locked: another instance deleting the same pupils must not tally them twice
        List<Leaver> leavers = tx.select(
                        PUPIL.ID,
                        PUPIL.YEAR_GROUP.convertFrom(Short::intValue),
                        PUPIL.DISADVANTAGED,
                        PUPIL.JOINED_ON,
                        PUPIL.ARCHIVED_ON)
                .from(PUPIL)
                .where(PUPIL.SCHOOL_ID.eq(schoolId))
                .and(PUPIL.ARCHIVED_ON.le(lastArchivedOn))
                .orderBy(PUPIL.ID)
                .limit(BATCH)
                .forUpdate()
                .skipLocked()
                .fetch(mapping(Leaver::new));
        if (leavers.isEmpty()) {
            return 0;
        }
        Map<Long, Leaver> byId = new HashMap<>();
        leavers.forEach(l -> byId.put(l.id(), l));
        Field<Boolean> workplace = WorkplaceExperience.counted(ENCOUNTER.ENCOUNTER_TYPE, ENCOUNTER.BOOKING_ID);
        var encounters = tx.select(
                        ENCOUNTER.PUPIL_ID, ENCOUNTER.BOOKING_ID, workplace, ENCOUNTER.OCCURRED_ON, ENCOUNTER.ATTENDED)
                .from(ENCOUNTER)
                .where(ENCOUNTER.PUPIL_ID.in(byId.keySet()))
                .fetch();

        Map<Key, Tally> tallies = new HashMap<>();
        Map<Long, Attendance> bookings = new HashMap<>();
        Map<Long, Set<Integer>> yearsWithEncounter = new HashMap<>();
        for (var e : encounters) {
            Leaver pupil = byId.get(e.get(ENCOUNTER.PUPIL_ID));
            Long bookingId = e.get(ENCOUNTER.BOOKING_ID);
            boolean attended = e.get(ENCOUNTER.ATTENDED);
            if (bookingId != null) {
                Attendance a = bookings.computeIfAbsent(bookingId, id -> new Attendance());
                if (attended) {
                    a.attended++;
                    a.disadvantagedAttended += pupil.disadvantaged() ? 1 : 0;
                } else {
                    a.absent++;
                }
            }
            if (attended) {
                int year = AcademicYear.containing(e.get(ENCOUNTER.OCCURRED_ON)).startYear();
                Tally t = tallies.computeIfAbsent(
                        new Key(year, pupil.yearGroupIn(year), pupil.disadvantaged()), k -> new Tally());
                t.encounters++;
                t.workplace += e.get(workplace) ? 1 : 0;
                yearsWithEncounter
                        .computeIfAbsent(pupil.id(), id -> new HashSet<>())
                        .add(year);
            }
        }
        for (Leaver pupil : leavers) {
            Set<Integer> withEncounter = yearsWithEncounter.getOrDefault(pupil.id(), Set.of());
            for (int year : yearsCounted(pupil, schoolStart, withEncounter)) {
                Tally t = tallies.computeIfAbsent(
                        new Key(year, pupil.yearGroupIn(year), pupil.disadvantaged()), k -> new Tally());
                t.pupils++;
                t.withEncounter += withEncounter.contains(year) ? 1 : 0;
            }
        }
        saveTallies(tx, schoolId, tallies);
        saveAttendance(tx, bookings);
        tx.deleteFrom(ENCOUNTER).where(ENCOUNTER.PUPIL_ID.in(byId.keySet())).execute();
        tx.deleteFrom(BOOKING_PUPIL)
                .where(BOOKING_PUPIL.PUPIL_ID.in(byId.keySet()))
                .execute();
        return tx.deleteFrom(PUPIL).where(PUPIL.ID.in(byId.keySet())).execute();
    }

    /**
     * The years a pupil counts in: on the school's roll (from joining, or from when the school came
     * to the marketplace when that is unknown, and from Year 7 at the earliest, to the year they
     * left), and any year with an encounter on their record.
     */
    private static Set<Integer> yearsCounted(Leaver pupil, int schoolStart, Set<Integer> withEncounter) {
        int left = pupil.leftIn();
        int joined = pupil.joinedOn() == null
                ? schoolStart
                : AcademicYear.containing(pupil.joinedOn()).startYear();
        int from = Math.max(joined, left - (pupil.yearGroup() - EncounterTarget.FIRST_YEAR_GROUP));
        Set<Integer> years = new HashSet<>(withEncounter);
        for (int year = from; year <= left; year++) {
            years.add(year);
        }
        return years;
    }

    private static void saveTallies(DSLContext tx, long schoolId, Map<Key, Tally> tallies) {
        for (var entry : tallies.entrySet()) {
            Key k = entry.getKey();
            Tally t = entry.getValue();
            tx.insertInto(
                            EVIDENCE_TALLY,
                            EVIDENCE_TALLY.SCHOOL_ID,
                            EVIDENCE_TALLY.ACADEMIC_YEAR,
                            EVIDENCE_TALLY.YEAR_GROUP,
                            EVIDENCE_TALLY.DISADVANTAGED,
                            EVIDENCE_TALLY.PUPILS,
                            EVIDENCE_TALLY.PUPILS_WITH_ENCOUNTER,
                            EVIDENCE_TALLY.ENCOUNTERS,
                            EVIDENCE_TALLY.WORKPLACE_EXPERIENCES)
                    .values(
                            schoolId,
                            (short) k.academicYear(),
                            (short) k.yearGroup(),
                            k.disadvantaged(),
                            t.pupils,
                            t.withEncounter,
                            t.encounters,
                            t.workplace)
                    .onConflict(
                            EVIDENCE_TALLY.SCHOOL_ID,
                            EVIDENCE_TALLY.ACADEMIC_YEAR,
                            EVIDENCE_TALLY.YEAR_GROUP,
                            EVIDENCE_TALLY.DISADVANTAGED)
                    .doUpdate()
                    .set(EVIDENCE_TALLY.PUPILS, EVIDENCE_TALLY.PUPILS.plus(t.pupils))
                    .set(
                            EVIDENCE_TALLY.PUPILS_WITH_ENCOUNTER,
                            EVIDENCE_TALLY.PUPILS_WITH_ENCOUNTER.plus(t.withEncounter))
                    .set(EVIDENCE_TALLY.ENCOUNTERS, EVIDENCE_TALLY.ENCOUNTERS.plus(t.encounters))
                    .set(EVIDENCE_TALLY.WORKPLACE_EXPERIENCES, EVIDENCE_TALLY.WORKPLACE_EXPERIENCES.plus(t.workplace))
                    .execute();
        }
    }

    private static void saveAttendance(DSLContext tx, Map<Long, Attendance> bookings) {
        for (var entry : bookings.entrySet()) {
            Attendance a = entry.getValue();
            tx.insertInto(
                            BOOKING_ATTENDANCE_TALLY,
                            BOOKING_ATTENDANCE_TALLY.BOOKING_ID,
                            BOOKING_ATTENDANCE_TALLY.ATTENDED,
                            BOOKING_ATTENDANCE_TALLY.ABSENT,
                            BOOKING_ATTENDANCE_TALLY.DISADVANTAGED_ATTENDED)
                    .values(entry.getKey(), a.attended, a.absent, a.disadvantagedAttended)
                    .onConflict(BOOKING_ATTENDANCE_TALLY.BOOKING_ID)
                    .doUpdate()
                    .set(BOOKING_ATTENDANCE_TALLY.ATTENDED, BOOKING_ATTENDANCE_TALLY.ATTENDED.plus(a.attended))
                    .set(BOOKING_ATTENDANCE_TALLY.ABSENT, BOOKING_ATTENDANCE_TALLY.ABSENT.plus(a.absent))
                    .set(
                            BOOKING_ATTENDANCE_TALLY.DISADVANTAGED_ATTENDED,
                            BOOKING_ATTENDANCE_TALLY.DISADVANTAGED_ATTENDED.plus(a.disadvantagedAttended))
                    .execute();
        }
    }
}

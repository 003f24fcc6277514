package uk.encounters.marketplace.pupil;

import static org.jooq.Records.mapping;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL_ACTIVITY;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.matcher.domain.EncounterType;

/**
 * Encounters a school arranged itself (its own careers fair, a parent's talk, a trip it booked
 * direct), recorded with who was there: each pupil an encounter row like a marketplace booking's,
 * so they count in progress, evidence and matching exactly alike. Every change is one transaction
 * with its audit entry; an activity can be corrected or deleted.
 */
public final class SchoolActivityRepository {

    /**
     * What the school arranged; {@code yearGroup} null when it took pupils of several year groups;
     * {@code hours} each pupil there spent at a workplace experience, null for other encounters and
     * when not recorded.
     */
    public record Details(EncounterType type, String provider, LocalDate occurredOn, Integer yearGroup, Hours hours) {

        public Details {
            if (hours != null && !type.workplaceExperience()) {
                throw new IllegalArgumentException("Hours are recorded for workplace experiences only, not " + type);
            }
        }
    }

    /** An activity as the school's list shows it; {@code hours} null when none were recorded. */
    public record Activity(
            long id,
            EncounterType type,
            String provider,
            LocalDate occurredOn,
            Integer yearGroup,
            int attended,
            int absent,
            Hours hours) {

        public String typeLabel() {
            return type.label();
        }
    }

    /** A pupil of the school, as a class list names them. */
    public record Pupil(long id, String reference, int yearGroup) {}

    private final DSLContext dsl;

    public SchoolActivityRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The school's activities, latest first, with how many came and how many were absent. */
    public List<Activity> forSchool(long schoolId) {
        return activities(SCHOOL_ACTIVITY.SCHOOL_ID.eq(schoolId));
    }

    public Optional<Activity> find(long schoolId, long activityId) {
        return activities(SCHOOL_ACTIVITY.SCHOOL_ID.eq(schoolId).and(SCHOOL_ACTIVITY.ID.eq(activityId))).stream()
                .findFirst();
    }

    private List<Activity> activities(Condition which) {
        Field<Integer> attended = DSL.count(ENCOUNTER.ID).filterWhere(ENCOUNTER.ATTENDED.isTrue());
        Field<Integer> absent = DSL.count(ENCOUNTER.ID).filterWhere(ENCOUNTER.ATTENDED.isFalse());
        return dsl.select(
                        SCHOOL_ACTIVITY.ID,
                        SCHOOL_ACTIVITY.ENCOUNTER_TYPE.convertFrom(EncounterType::fromCode),
                        SCHOOL_ACTIVITY.PROVIDER_NAME,
                        SCHOOL_ACTIVITY.OCCURRED_ON,
                        // null when the activity took several year groups
                        SCHOOL_ACTIVITY.YEAR_GROUP.convertFrom(year -> year == null ? null : year.intValue()),
                        attended,
                        absent,
                        // everyone there has the activity's hours
                        DSL.max(ENCOUNTER.HOURS).convertFrom(h -> h == null ? null : Hours.of(h)))
                .from(SCHOOL_ACTIVITY)
                .leftJoin(ENCOUNTER)
                .on(ENCOUNTER.ACTIVITY_ID.eq(SCHOOL_ACTIVITY.ID))
                .where(which)
                .groupBy(SCHOOL_ACTIVITY.ID)
                .orderBy(SCHOOL_ACTIVITY.OCCURRED_ON.desc(), SCHOOL_ACTIVITY.ID.desc())
                .fetch(mapping(Activity::new));
    }

    /** Who was listed for the activity, by reference: true for present, false for absent. */
    public Map<String, Boolean> register(long schoolId, long activityId) {
        Map<String, Boolean> register = new java.util.TreeMap<>();
        dsl.select(PUPIL.REFERENCE, ENCOUNTER.ATTENDED)
                .from(ENCOUNTER)
                .join(PUPIL)
                .on(PUPIL.ID.eq(ENCOUNTER.PUPIL_ID))
                .join(SCHOOL_ACTIVITY)
                .on(SCHOOL_ACTIVITY.ID.eq(ENCOUNTER.ACTIVITY_ID))
                .where(SCHOOL_ACTIVITY.ID.eq(activityId))
                .and(SCHOOL_ACTIVITY.SCHOOL_ID.eq(schoolId))
                .forEach(r -> register.put(r.get(PUPIL.REFERENCE), r.get(ENCOUNTER.ATTENDED)));
        return register;
    }

    /** The school's pupils with these references; references it does not know are left out. */
    public Map<String, Pupil> pupils(long schoolId, Collection<String> references) {
        return pupils(PUPIL.SCHOOL_ID.eq(schoolId).and(PUPIL.REFERENCE.in(references)));
    }

    /** Every pupil of the school by reference, archived ones too (a file may name last year's leavers). */
    public Map<String, Pupil> pupils(long schoolId) {
        return pupils(PUPIL.SCHOOL_ID.eq(schoolId));
    }

    private Map<String, Pupil> pupils(Condition which) {
        Map<String, Pupil> pupils = new HashMap<>();
        dsl.select(PUPIL.ID, PUPIL.REFERENCE, PUPIL.YEAR_GROUP.convertFrom(Short::intValue))
                .from(PUPIL)
                .where(which)
                .fetch(mapping(Pupil::new))
                .forEach(pupil -> pupils.put(pupil.reference(), pupil));
        return pupils;
    }

    /** The year group's pupils on roll on the day. */
    public List<Pupil> yearGroup(long schoolId, int yearGroup, LocalDate on) {
        return dsl.select(PUPIL.ID, PUPIL.REFERENCE, PUPIL.YEAR_GROUP.convertFrom(Short::intValue))
                .from(PUPIL)
                .where(PUPIL.SCHOOL_ID.eq(schoolId))
                .and(PUPIL.YEAR_GROUP.eq((short) yearGroup))
                .and(OnRoll.on(on))
                .orderBy(PUPIL.REFERENCE)
                .fetch(mapping(Pupil::new));
    }

    /**
     * Records an activity and its register in one transaction, audited.
     *
     * @param register each pupil's id: true when present, false when absent
     * @return the new activity's id
     */
    public long record(Actor actor, long schoolId, Details details, Map<Long, Boolean> register) {
        return dsl.transactionResult(c -> {
            long id = c.dsl()
                    .insertInto(
                            SCHOOL_ACTIVITY,
                            SCHOOL_ACTIVITY.SCHOOL_ID,
                            SCHOOL_ACTIVITY.ENCOUNTER_TYPE,
                            SCHOOL_ACTIVITY.PROVIDER_NAME,
                            SCHOOL_ACTIVITY.OCCURRED_ON,
                            SCHOOL_ACTIVITY.YEAR_GROUP,
                            SCHOOL_ACTIVITY.RECORDED_BY)
                    .values(
                            schoolId,
                            details.type().code(),
                            details.provider(),
                            details.occurredOn(),
                            details.yearGroup() == null
                                    ? null
                                    : details.yearGroup().shortValue(),
                            actor.userId())
                    .returning(SCHOOL_ACTIVITY.ID)
                    .fetchSingle()
                    .getId();
            writeRegister(c.dsl(), id, details, register);
            new AuditLog(c.dsl())
                    .record(actor, "school_activity_recorded", "school_activity", id, summary(details, register));
            return id;
        });
    }

    /** Records several activities at once (a CSV): all or none. Returns their ids. */
    public List<Long> recordAll(Actor actor, long schoolId, Map<Details, Map<Long, Boolean>> activities) {
        return dsl.transactionResult(c -> {
            SchoolActivityRepository inTransaction = new SchoolActivityRepository(c.dsl());
            return activities.entrySet().stream()
                    .map(a -> inTransaction.record(actor, schoolId, a.getKey(), a.getValue()))
                    .toList();
        });
    }

    /** Replaces an activity's details and register; false when the school has no such activity. */
    public boolean correct(Actor actor, long schoolId, long activityId, Details details, Map<Long, Boolean> register) {
        return dsl.transactionResult(c -> {
            int updated = c.dsl()
                    .update(SCHOOL_ACTIVITY)
                    .set(SCHOOL_ACTIVITY.ENCOUNTER_TYPE, details.type().code())
                    .set(SCHOOL_ACTIVITY.PROVIDER_NAME, details.provider())
                    .set(SCHOOL_ACTIVITY.OCCURRED_ON, details.occurredOn())
                    .set(
                            SCHOOL_ACTIVITY.YEAR_GROUP,
                            details.yearGroup() == null
                                    ? null
                                    : details.yearGroup().shortValue())
                    .where(SCHOOL_ACTIVITY.ID.eq(activityId))
                    .and(SCHOOL_ACTIVITY.SCHOOL_ID.eq(schoolId))
                    .execute();
            if (updated == 0) {
                return false;
            }
            c.dsl()
                    .deleteFrom(ENCOUNTER)
                    .where(ENCOUNTER.ACTIVITY_ID.eq(activityId))
                    .execute();
            writeRegister(c.dsl(), activityId, details, register);
            new AuditLog(c.dsl())
                    .record(
                            actor,
                            "school_activity_corrected",
                            "school_activity",
                            activityId,
                            summary(details, register));
            return true;
        });
    }

    /** Deletes an activity and its encounters; false when the school has no such activity. */
    public boolean delete(Actor actor, long schoolId, long activityId) {
        return dsl.transactionResult(c -> {
            int deleted = c.dsl()
                    .deleteFrom(SCHOOL_ACTIVITY)
                    .where(SCHOOL_ACTIVITY.ID.eq(activityId))
                    .and(SCHOOL_ACTIVITY.SCHOOL_ID.eq(schoolId))
                    .execute();
            if (deleted == 1) {
                new AuditLog(c.dsl()).record(actor, "school_activity_deleted", "school_activity", activityId, Map.of());
            }
            return deleted == 1;
        });
    }

    private static void writeRegister(DSLContext dsl, long activityId, Details details, Map<Long, Boolean> register) {
        var insert = dsl.insertInto(
                ENCOUNTER,
                ENCOUNTER.PUPIL_ID,
                ENCOUNTER.ACTIVITY_ID,
                ENCOUNTER.ENCOUNTER_TYPE,
                ENCOUNTER.OCCURRED_ON,
                ENCOUNTER.ATTENDED,
                ENCOUNTER.PROVIDER_NAME,
                ENCOUNTER.HOURS);
        for (var pupil : register.entrySet()) {
            boolean there = pupil.getValue();
            insert = insert.values(
                    pupil.getKey(),
                    activityId,
                    details.type().code(),
                    details.occurredOn(),
                    there,
                    details.provider(),
                    there && details.hours() != null ? details.hours().value() : null);
        }
        if (!register.isEmpty()) {
            insert.execute();
        }
    }

    private static Map<String, Object> summary(Details details, Map<Long, Boolean> register) {
        long present = register.values().stream().filter(Boolean::booleanValue).count();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("type", details.type().code());
        summary.put("date", details.occurredOn().toString());
        summary.put("present", present);
        summary.put("absent", register.size() - present);
        if (details.hours() != null) {
            summary.put("hours", details.hours().value());
        }
        return summary;
    }
}

package uk.encounters.marketplace.pupil;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.BOOKING_PUPIL;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Row2;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.calendar.AcademicYear;

/** Each pupil's counts, read in one query, for the rules in {@link PupilProgress} to judge. */
public final class ProgressRepository {

    private final DSLContext dsl;

    public ProgressRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every pupil on roll at the school today. */
    public List<PupilProgress> forSchool(long schoolId, LocalDate today) {
        return forPupils(dsl, PUPIL.SCHOOL_ID.eq(schoolId), REQUEST.SCHOOL_ID.eq(schoolId), today).stream()
                .map(OnRollPupil::progress)
                .toList();
    }

    /** One year group's pupils on roll today: a booking's candidates. */
    public List<PupilProgress> forYearGroup(long schoolId, int yearGroup, LocalDate today) {
        return forPupils(
                        dsl,
                        PUPIL.SCHOOL_ID.eq(schoolId).and(PUPIL.YEAR_GROUP.eq((short) yearGroup)),
                        REQUEST.SCHOOL_ID.eq(schoolId),
                        today)
                .stream()
                .map(OnRollPupil::progress)
                .toList();
    }

    /**
     * Every pupil on roll today at the hub's schools, by school id (schools without pupils absent):
     * one query for the whole hub, however many schools it has.
     */
    public Map<Long, List<PupilProgress>> forHub(long hubId, LocalDate today) {
        var schools = DSL.select(SCHOOL.ID).from(SCHOOL).where(SCHOOL.HUB_ID.eq(hubId));
        return bySchool(PUPIL.SCHOOL_ID.in(schools), REQUEST.SCHOOL_ID.in(schools), today);
    }

    /**
     * The pupils on roll today of these schools' year groups, by school id: the cohorts a round's
     * bookings are for, without the rest of a large hub.
     */
    public Map<Long, List<PupilProgress>> forCohorts(
            Collection<Long> schoolIds, Collection<Integer> yearGroups, LocalDate today) {
        List<Short> years = yearGroups.stream().map(Integer::shortValue).toList();
        return bySchool(
                PUPIL.SCHOOL_ID.in(schoolIds).and(PUPIL.YEAR_GROUP.in(years)), REQUEST.SCHOOL_ID.in(schoolIds), today);
    }

    /**
     * The pupils on roll today of exactly these cohorts (year groups by school id), by school id:
     * a round's cohorts, in one query however many schools ask.
     */
    public Map<Long, List<PupilProgress>> forCohorts(
            Map<Long, ? extends Collection<Integer>> yearGroupsBySchool, LocalDate today) {
        if (yearGroupsBySchool.isEmpty()) {
            return Map.of();
        }
        List<Row2<Long, Short>> cohorts = new ArrayList<>();
        yearGroupsBySchool.forEach(
                (schoolId, years) -> years.forEach(year -> cohorts.add(DSL.row(schoolId, year.shortValue()))));
        return bySchool(
                DSL.row(PUPIL.SCHOOL_ID, PUPIL.YEAR_GROUP).in(cohorts),
                REQUEST.SCHOOL_ID.in(yearGroupsBySchool.keySet()),
                today);
    }

    private Map<Long, List<PupilProgress>> bySchool(Condition pupils, Condition requests, LocalDate today) {
        Map<Long, List<PupilProgress>> bySchool = new LinkedHashMap<>();
        // Many schools' pupils cost enough for PostgreSQL to JIT-compile the query, which takes far
        // longer (0.4 s on Derby's 19,000 pupils) than the 50 ms the query itself needs.
        dsl.transaction(c -> {
            c.dsl().execute("set local jit = off");
            forPupils(c.dsl(), pupils, requests, today)
                    .forEach(p -> bySchool.computeIfAbsent(p.schoolId(), id -> new ArrayList<>())
                            .add(p.progress()));
        });
        return bySchool;
    }

    private record OnRollPupil(long schoolId, PupilProgress progress) {}

    /**
     * @param requests the requests whose bookings these pupils can be chosen for: their schools'.
     *                 Pupils are only ever chosen for their own school's bookings, and looking only
     *                 there spares PostgreSQL every live booking in the country.
     */
    private static List<OnRollPupil> forPupils(DSLContext dsl, Condition pupils, Condition requests, LocalDate today) {
        AcademicYear year = AcademicYear.containing(today);
        var attended = ENCOUNTER.ATTENDED.isTrue();
        Field<Integer> before = DSL.count().filterWhere(attended.and(ENCOUNTER.OCCURRED_ON.lt(year.firstDay())));
        Field<Integer> thisYear =
                DSL.count().filterWhere(attended.and(ENCOUNTER.OCCURRED_ON.between(year.firstDay(), today)));
        Condition workplaceSoFar = attended.and(ENCOUNTER.OCCURRED_ON.le(today))
                .and(WorkplaceExperience.counts(ENCOUNTER.ENCOUNTER_TYPE, ENCOUNTER.BOOKING_ID));
        Field<Integer> workplace = DSL.count().filterWhere(workplaceSoFar);
        Field<BigDecimal> hours = DSL.sum(ENCOUNTER.HOURS).filterWhere(workplaceSoFar);
        // chosen for a live booking later this year: counts as this year's encounter to come
        Field<Boolean> booked = DSL.field(DSL.exists(DSL.selectOne()
                .from(BOOKING_PUPIL)
                .join(BOOKING)
                .on(BOOKING.ID.eq(BOOKING_PUPIL.BOOKING_ID))
                .where(BOOKING_PUPIL.PUPIL_ID.eq(PUPIL.ID))
                .and(BOOKING.REQUEST_ID.in(DSL.select(REQUEST.ID).from(REQUEST).where(requests)))
                .and(BOOKING.STATUS.in(BookingStatus.AGREED))
                .and(BOOKING.STARTS_ON.between(today, year.lastDay()))));
        return dsl.select(
                        PUPIL.ID,
                        PUPIL.YEAR_GROUP,
                        before,
                        thisYear,
                        booked,
                        workplace,
                        hours,
                        PUPIL.DISADVANTAGED,
                        PUPIL.SEND,
                        PUPIL.SCHOOL_ID,
                        PUPIL.EAL,
                        HUB.TARGET_ENCOUNTERS,
                        HUB.WORKPLACE_HOURS_TARGET)
                .from(PUPIL)
                .join(SCHOOL)
                .on(SCHOOL.ID.eq(PUPIL.SCHOOL_ID))
                .join(HUB)
                .on(HUB.ID.eq(SCHOOL.HUB_ID))
                .leftJoin(ENCOUNTER)
                .on(ENCOUNTER.PUPIL_ID.eq(PUPIL.ID))
                .where(pupils)
                .and(OnRoll.on(today))
                .groupBy(PUPIL.ID, HUB.TARGET_ENCOUNTERS, HUB.WORKPLACE_HOURS_TARGET)
                .orderBy(PUPIL.YEAR_GROUP, PUPIL.ID)
                .fetch(r -> new OnRollPupil(
                        r.get(PUPIL.SCHOOL_ID),
                        new PupilProgress(
                                r.get(PUPIL.ID),
                                r.get(PUPIL.YEAR_GROUP),
                                r.get(before),
                                r.get(thisYear),
                                r.get(booked),
                                r.get(workplace),
                                Hours.of(r.get(hours)),
                                r.get(PUPIL.DISADVANTAGED),
                                r.get(PUPIL.SEND),
                                r.get(PUPIL.EAL),
                                EncounterTarget.of(r.get(HUB.TARGET_ENCOUNTERS)),
                                new WorkplaceHoursTarget(r.get(HUB.WORKPLACE_HOURS_TARGET)))));
    }
}

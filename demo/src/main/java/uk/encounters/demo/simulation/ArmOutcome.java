package uk.encounters.demo.simulation;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.MATCHING_ROUND;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.round.RoundStatus;
import uk.encounters.matcher.domain.EncounterType;

/**
 * What one arm's year came to, read from its database at the end: sessions asked for,
 * matched, delivered, declined and not turned up to, pupil encounters, the pupils' progress, and
 * how often each employer was asked, and the events. Sessions count as the matcher counts them: a
 * work-experience placement is one per pupil place; an event's stalls are not sessions (they are
 * in {@link EventFigures}), but each is an ask of its employer.
 *
 * @param workplaceSessionsDueRequested sessions of workplace experience (visits, shadowing, placements)
 *     asked for Years 11 to 13, whom Benchmark 6 is due for; of them matched, the next figure
 * @param asksPerEmployerRound for each round and each employer it asked, how many asks that was
 */
record ArmOutcome(
        Arm arm,
        int requests,
        long sessionsRequested,
        long sessionsMatched,
        long workplaceSessionsDueRequested,
        long workplaceSessionsDueMatched,
        long sessionsDelivered,
        long declined,
        long lateCancellations,
        long noShows,
        long pupilEncounters,
        List<Integer> asksPerEmployerRound,
        int rounds,
        List<HubInPlay.RoundRun> runs,
        PupilFigures pupils,
        EventFigures events) {

    private static final Field<Integer> REQUEST_UNITS = when(
                    REQUEST.ENCOUNTER_TYPE.eq(EncounterType.WORK_EXPERIENCE.code()), REQUEST.PUPILS)
            .otherwise(REQUEST.SESSIONS);
    private static final Field<Integer> BOOKING_UNITS = when(
                    BOOKING.ENCOUNTER_TYPE.eq(EncounterType.WORK_EXPERIENCE.code()), BOOKING.PUPILS)
            .otherwise(inline(1));

    /** Workplace experience for the year groups Benchmark 6 is due for: what its figure is made of. */
    private static final Condition WORKPLACE_DUE = REQUEST.ENCOUNTER_TYPE
            .in(Arrays.stream(EncounterType.values())
                    .filter(EncounterType::workplaceExperience)
                    .map(EncounterType::code)
                    .toList())
            .and(REQUEST.YEAR_GROUP.ge((short) 11));

    static ArmOutcome of(HubInPlay hub, LocalDate day) {
        DSLContext dsl = hub.database().dsl();
        long hubId = hub.hubId();
        Condition ofHub =
                REQUEST.SCHOOL_ID.in(dsl.select(SCHOOL.ID).from(SCHOOL).where(SCHOOL.HUB_ID.eq(hubId)));
        Field<Integer> requests = count();
        Field<BigDecimal> requestedUnits = sum(REQUEST_UNITS);
        Field<BigDecimal> workplaceRequestedUnits =
                sum(when(WORKPLACE_DUE, REQUEST_UNITS).otherwise(0));
        var requested = dsl.select(requests, requestedUnits, workplaceRequestedUnits)
                .from(REQUEST)
                .where(ofHub)
                .fetchSingle();
        Condition roundBooking = BOOKING.ROUND_ID.in(dsl.select(MATCHING_ROUND.ID)
                .from(MATCHING_ROUND)
                .where(MATCHING_ROUND.HUB_ID.eq(hubId))
                .and(MATCHING_ROUND.STATUS.eq(RoundStatus.PUBLISHED)));
        Field<BigDecimal> matchedUnits = sum(when(roundBooking, BOOKING_UNITS).otherwise(0));
        Field<BigDecimal> workplaceMatchedUnits =
                sum(when(roundBooking.and(WORKPLACE_DUE), BOOKING_UNITS).otherwise(0));
        Field<BigDecimal> deliveredUnits = sum(
                when(BOOKING.STATUS.eq(BookingStatus.DELIVERED), BOOKING_UNITS).otherwise(0));
        Field<Integer> employerDeclines =
                count().filterWhere(BOOKING.STATUS.eq(BookingStatus.DECLINED).and(BOOKING.DECLINED_BY.eq("employer")));
        Field<Integer> lateCancellations = count().filterWhere(BOOKING.LATE_CANCELLATION);
        Field<Integer> noShows = count().filterWhere(BOOKING.STATUS.eq(BookingStatus.NO_SHOW));
        var bookings = dsl.select(
                        matchedUnits,
                        workplaceMatchedUnits,
                        deliveredUnits,
                        employerDeclines,
                        lateCancellations,
                        noShows)
                .from(BOOKING)
                .join(REQUEST)
                .on(REQUEST.ID.eq(BOOKING.REQUEST_ID))
                .where(ofHub)
                .fetchSingle();
        int encounters = dsl.fetchCount(dsl.selectOne()
                .from(ENCOUNTER)
                .join(PUPIL)
                .on(PUPIL.ID.eq(ENCOUNTER.PUPIL_ID))
                .join(SCHOOL)
                .on(SCHOOL.ID.eq(PUPIL.SCHOOL_ID))
                .where(SCHOOL.HUB_ID.eq(hubId))
                .and(ENCOUNTER.ATTENDED)
                .and(ENCOUNTER.OCCURRED_ON.between(AcademicYear.containing(day).firstDay(), day)));
        Field<Integer> asksOfEmployerInRound = count();
        List<Integer> asks = dsl.select(asksOfEmployerInRound)
                .from(BOOKING)
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .where(roundBooking)
                .groupBy(BOOKING.ROUND_ID, OFFER.EMPLOYER_ID)
                .orderBy(BOOKING.ROUND_ID, OFFER.EMPLOYER_ID)
                .fetch(r -> hub.broker().oneAskPerDigest() ? 1 : r.get(asksOfEmployerInRound));
        return new ArmOutcome(
                hub.arm(),
                requested.get(requests),
                number(requested.get(requestedUnits)),
                number(bookings.get(matchedUnits)),
                number(requested.get(workplaceRequestedUnits)),
                number(bookings.get(workplaceMatchedUnits)),
                number(bookings.get(deliveredUnits)),
                bookings.get(employerDeclines),
                bookings.get(lateCancellations),
                bookings.get(noShows),
                encounters,
                asks,
                hub.rounds().size(),
                hub.rounds(),
                PupilFigures.of(dsl, hubId, day, hub.planningUrns()),
                EventFigures.of(dsl, hubId, day));
    }

    private static long number(BigDecimal value) {
        return value == null ? 0 : value.longValue();
    }

    double meanAsks() {
        return asksPerEmployerRound.stream()
                .mapToInt(Integer::intValue)
                .average()
                .orElse(0);
    }

    int maxAsks() {
        return asksPerEmployerRound.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    long totalAsks() {
        return asksPerEmployerRound.stream().mapToLong(Integer::longValue).sum();
    }

    double employersAskedPerRound() {
        return rounds == 0 ? 0 : (double) asksPerEmployerRound.size() / rounds;
    }

    double meanSolveSeconds() {
        return runs.stream().mapToDouble(HubInPlay.RoundRun::seconds).average().orElse(0);
    }

    double maxSolveSeconds() {
        return runs.stream().mapToDouble(HubInPlay.RoundRun::seconds).max().orElse(0);
    }

    double meanRecordedSeconds() {
        return runs.stream()
                .mapToDouble(HubInPlay.RoundRun::solvingSeconds)
                .average()
                .orElse(0);
    }
}

package uk.encounters.marketplace.round;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.ROUND_UNMATCHED;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record3;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.pupil.ProgressSummaries;
import uk.encounters.marketplace.school.ColdSpot;
import uk.encounters.matcher.domain.Employer;
import uk.encounters.matcher.domain.EncounterType;

/**
 * A round's plan as the coordinator reviews it before (and after) publishing: its bookings with
 * why each is there, the sessions it could not match and why, how much it asks of each employer
 * against what that employer may be asked, and whom it reaches.
 */
public final class RoundReview {

    /** What a request asks for, to head its suggestions. */
    public record Request(
            long id,
            long schoolId,
            String school,
            int yearGroup,
            String type,
            int pupils,
            int sessions,
            LocalDate windowStart,
            LocalDate windowEnd) {}

    /** Statuses a round's bookings show in the review: proposed, then whatever they became. */
    private static final Set<BookingStatus> SHOWN = EnumSet.complementOf(EnumSet.of(BookingStatus.CANCELLED));

    /**
     * @param withoutOne    of its pupils (chosen, or those the school will be offered), how many have no
     *                      encounter this year
     * @param disadvantaged of them, how many are disadvantaged
     */
    public record Booking(
            long id,
            long requestId,
            long schoolId,
            String school,
            long employerId,
            String employer,
            String title,
            String type,
            String volunteer,
            int yearGroup,
            int pupils,
            LocalDate startsOn,
            LocalDate endsOn,
            String period,
            BookingStatus status,
            boolean pinned,
            List<String> reasons,
            int withoutOne,
            int disadvantaged) {

        public boolean proposed() {
            return status == BookingStatus.PROPOSED;
        }
    }

    public record Unmatched(
            long requestId,
            long schoolId,
            String school,
            int yearGroup,
            String type,
            int sessions,
            List<String> reasons) {}

    /**
     * One employer's part in the round.
     *
     * @param cap sessions this round may ask of it, as the solve counted it; null for no cap
     * @param asksBefore rounds in the four weeks before this one that asked it for something
     */
    public record EmployerAsk(
            long employerId,
            String employer,
            String sizeBand,
            boolean cornerstone,
            int sessions,
            Integer cap,
            int asksBefore,
            int maxAsksPerMonth,
            int letDowns) {

        public boolean atCap() {
            return cap != null && sessions >= cap;
        }

        public boolean overCap() {
            return cap != null && sessions > cap;
        }
    }

    /**
     * Whom the round reaches at one school. Pupils are chosen after publishing, so the
     * disadvantaged pupils reached are estimated at each year group's share of them.
     */
    public record SchoolReach(
            long schoolId,
            String school,
            boolean coldSpot,
            Integer deprivationDecile,
            int sessions,
            int pupilPlaces,
            int disadvantagedPlaces,
            int pupilsOnRoll,
            int disadvantagedOnRoll) {}

    /** The round's reach in sum, cold-spot schools and disadvantaged pupils against the rest. */
    public record Fairness(
            List<SchoolReach> schools,
            int pupilPlaces,
            int coldSpotPlaces,
            int disadvantagedPlaces,
            int pupilsOnRoll,
            int coldSpotOnRoll,
            int disadvantagedOnRoll) {

        public int coldSpotPercent() {
            return percent(coldSpotPlaces, pupilPlaces);
        }

        public int coldSpotRollPercent() {
            return percent(coldSpotOnRoll, pupilsOnRoll);
        }

        public int disadvantagedPercent() {
            return percent(disadvantagedPlaces, pupilPlaces);
        }

        public int disadvantagedRollPercent() {
            return percent(disadvantagedOnRoll, pupilsOnRoll);
        }

        private static int percent(int part, int whole) {
            return whole == 0 ? 0 : Math.round(100f * part / whole);
        }
    }

    private final DSLContext dsl;

    public RoundReview(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The round's bookings, by school then date, with whom each reaches as of {@code today}
     * ({@link SuggestedPupils}).
     */
    public List<Booking> bookings(long roundId, LocalDate today) {
        var rows = dsl.select(
                        BOOKING.ID,
                        BOOKING.REQUEST_ID,
                        SCHOOL.ID,
                        SCHOOL.NAME,
                        EMPLOYER.ID,
                        EMPLOYER.NAME,
                        OFFER.TITLE,
                        BOOKING.ENCOUNTER_TYPE,
                        VOLUNTEER.NAME,
                        REQUEST.YEAR_GROUP,
                        BOOKING.PUPILS,
                        BOOKING.STARTS_ON,
                        BOOKING.ENDS_ON,
                        BOOKING.PERIOD,
                        BOOKING.STATUS,
                        BOOKING.PINNED,
                        BOOKING.EXPLANATION,
                        SCHOOL.HUB_ID)
                .from(BOOKING)
                .join(REQUEST)
                .on(REQUEST.ID.eq(BOOKING.REQUEST_ID))
                .join(SCHOOL)
                .on(SCHOOL.ID.eq(REQUEST.SCHOOL_ID))
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .join(EMPLOYER)
                .on(EMPLOYER.ID.eq(OFFER.EMPLOYER_ID))
                .leftJoin(VOLUNTEER)
                .on(VOLUNTEER.ID.eq(BOOKING.VOLUNTEER_ID))
                .where(BOOKING.ROUND_ID.eq(roundId))
                .and(BOOKING.STATUS.in(SHOWN))
                .orderBy(SCHOOL.NAME, BOOKING.STARTS_ON, BOOKING.ID)
                .fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, SuggestedPupils.Reach> reach = SuggestedPupils.of(
                dsl,
                rows.getFirst().value18(),
                rows.map(r -> new SuggestedPupils.Place(
                        r.value1(),
                        r.value3(),
                        r.value10(),
                        EncounterType.fromCode(r.value8()),
                        r.value11(),
                        r.value12())),
                today);
        return rows.map(r -> new Booking(
                r.value1(),
                r.value2(),
                r.value3(),
                r.value4(),
                r.value5(),
                r.value6(),
                r.value7(),
                EncounterType.fromCode(r.value8()).label(),
                r.value9(),
                r.value10(),
                r.value11(),
                r.value12(),
                r.value13(),
                r.value14(),
                r.value15(),
                r.value16(),
                lines(r.value17()),
                reach.get(r.value1()).withoutOne(),
                reach.get(r.value1()).disadvantaged()));
    }

    /** A request of one of the hub's schools. */
    public Optional<Request> request(long hubId, long requestId) {
        return dsl.select(
                        REQUEST.ID,
                        SCHOOL.ID,
                        SCHOOL.NAME,
                        REQUEST.YEAR_GROUP,
                        REQUEST.ENCOUNTER_TYPE,
                        REQUEST.PUPILS,
                        RoundProblem.REQUEST_UNITS,
                        REQUEST.WINDOW_START,
                        REQUEST.WINDOW_END)
                .from(REQUEST)
                .join(SCHOOL)
                .on(SCHOOL.ID.eq(REQUEST.SCHOOL_ID))
                .where(REQUEST.ID.eq(requestId))
                .and(SCHOOL.HUB_ID.eq(hubId))
                .fetchOptional(r -> new Request(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        EncounterType.fromCode(r.value5()).label(),
                        r.value6(),
                        r.value7(),
                        r.value8(),
                        r.value9()));
    }

    public List<Unmatched> unmatched(long roundId) {
        return dsl.select(
                        REQUEST.ID,
                        SCHOOL.ID,
                        SCHOOL.NAME,
                        REQUEST.YEAR_GROUP,
                        REQUEST.ENCOUNTER_TYPE,
                        ROUND_UNMATCHED.SESSIONS,
                        ROUND_UNMATCHED.REASONS)
                .from(ROUND_UNMATCHED)
                .join(REQUEST)
                .on(REQUEST.ID.eq(ROUND_UNMATCHED.REQUEST_ID))
                .join(SCHOOL)
                .on(SCHOOL.ID.eq(REQUEST.SCHOOL_ID))
                .where(ROUND_UNMATCHED.ROUND_ID.eq(roundId))
                .orderBy(SCHOOL.NAME, REQUEST.YEAR_GROUP, REQUEST.ID)
                .fetch(r -> new Unmatched(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        EncounterType.fromCode(r.value5()).label(),
                        r.value6(),
                        lines(r.value7())));
    }

    /**
     * Sessions the round asks of each employer against its cap, the most asked first. The cap
     * is worked out as the solve did: from the rounds published in the four weeks before this
     * one and the let-downs of the twelve weeks before it.
     */
    public List<EmployerAsk> employerLoad(Round round, LocalDate today) {
        Map<Long, Integer> sessions = dsl.select(OFFER.EMPLOYER_ID, count())
                .from(BOOKING)
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .where(BOOKING.ROUND_ID.eq(round.id()))
                .and(BOOKING.STATUS.in(SHOWN))
                .groupBy(OFFER.EMPLOYER_ID)
                .fetchMap(r -> r.value1(), r -> r.value2());
        LocalDate asOf =
                round.publishedAt() == null ? today : round.publishedAt().toLocalDate();
        EmployerLoad.Recent recent = EmployerLoad.asOf(dsl, round.hubId(), asOf);
        List<EmployerAsk> load = new ArrayList<>();
        dsl.select(EMPLOYER.ID, EMPLOYER.NAME, EMPLOYER.SIZE_BAND, EMPLOYER.CORNERSTONE, EMPLOYER.MAX_ASKS_PER_MONTH)
                .from(EMPLOYER)
                .where(EMPLOYER.ID.in(sessions.keySet()))
                .forEach(r -> {
                    // a published round is one of the asks it is counted in: what it was asked before is one fewer
                    int before = recent.asksOf(r.value1()) - (round.publishedAt() == null ? 0 : 1);
                    int cap = recent.capOf(r.value1(), r.value3(), r.value4(), r.value5(), before);
                    load.add(new EmployerAsk(
                            r.value1(),
                            r.value2(),
                            r.value3(),
                            r.value4(),
                            sessions.get(r.value1()),
                            cap == Employer.NO_CAP ? null : cap,
                            Math.max(0, before),
                            r.value5(),
                            recent.letDownsOf(r.value1())));
                });
        load.sort(Comparator.comparingInt(EmployerAsk::sessions).reversed().thenComparing(EmployerAsk::employer));
        return load;
    }

    /** Pupil places by school, with the schools the round reaches nothing at included: they matter most here. */
    public Fairness fairness(long hubId, long roundId, LocalDate today) {
        // places per school and year group
        Map<Long, Map<Integer, int[]>> places = new HashMap<>();
        dsl.select(REQUEST.SCHOOL_ID, REQUEST.YEAR_GROUP, sum(BOOKING.PUPILS), count())
                .from(BOOKING)
                .join(REQUEST)
                .on(REQUEST.ID.eq(BOOKING.REQUEST_ID))
                .where(BOOKING.ROUND_ID.eq(roundId))
                .and(BOOKING.STATUS.in(SHOWN))
                .groupBy(REQUEST.SCHOOL_ID, REQUEST.YEAR_GROUP)
                .forEach(r -> places.computeIfAbsent(r.value1(), s -> new HashMap<>())
                        .put(r.value2().intValue(), new int[] {r.value3().intValue(), r.value4()}));
        // pupils and disadvantaged pupils on roll per school and year group, from the schools' summaries
        ProgressSummaries summaries = new ProgressSummaries(dsl);
        summaries.refreshHub(hubId, today);
        Map<Long, Map<Integer, int[]>> roll = new HashMap<>();
        summaries
                .forHub(hubId)
                .forEach((school, tallies) -> tallies.forEach(t -> {
                    int[] pupils = roll.computeIfAbsent(school, s -> new HashMap<>())
                            .computeIfAbsent(t.yearGroup(), y -> new int[2]);
                    pupils[0] += t.pupils();
                    pupils[1] += t.disadvantaged() ? t.pupils() : 0;
                }));
        List<SchoolReach> schools = new ArrayList<>();
        dsl.select(SCHOOL.ID, SCHOOL.NAME, SCHOOL.DEPRIVATION_DECILE)
                .from(SCHOOL)
                .where(SCHOOL.HUB_ID.eq(hubId))
                .forEach(r -> schools.add(
                        reach(r, places.getOrDefault(r.value1(), Map.of()), roll.getOrDefault(r.value1(), Map.of()))));
        schools.sort(Comparator.comparing(SchoolReach::coldSpot)
                .reversed()
                .thenComparing(Comparator.comparingInt(SchoolReach::pupilPlaces).reversed())
                .thenComparing(SchoolReach::school));
        int[] sums = new int[5];
        for (SchoolReach s : schools) {
            sums[0] += s.pupilPlaces();
            sums[1] += s.coldSpot() ? s.pupilPlaces() : 0;
            sums[2] += s.disadvantagedPlaces();
            sums[3] += s.pupilsOnRoll();
            sums[4] += s.coldSpot() ? s.pupilsOnRoll() : 0;
        }
        int disadvantagedOnRoll =
                schools.stream().mapToInt(SchoolReach::disadvantagedOnRoll).sum();
        return new Fairness(schools, sums[0], sums[1], sums[2], sums[3], sums[4], disadvantagedOnRoll);
    }

    private static SchoolReach reach(
            Record3<Long, String, Short> school, Map<Integer, int[]> places, Map<Integer, int[]> roll) {
        int sessions = 0;
        int pupilPlaces = 0;
        double disadvantaged = 0;
        for (var year : places.entrySet()) {
            sessions += year.getValue()[1];
            pupilPlaces += year.getValue()[0];
            int[] onRoll = roll.get(year.getKey());
            if (onRoll != null && onRoll[0] > 0) {
                disadvantaged += (double) year.getValue()[0] * onRoll[1] / onRoll[0];
            }
        }
        int pupils = roll.values().stream().mapToInt(r -> r[0]).sum();
        int disadvantagedPupils = roll.values().stream().mapToInt(r -> r[1]).sum();
        Integer decile = school.value3() == null ? null : school.value3().intValue();
        return new SchoolReach(
                school.value1(),
                school.value2(),
                ColdSpot.is(decile),
                decile,
                sessions,
                pupilPlaces,
                (int) Math.round(disadvantaged),
                pupils,
                disadvantagedPupils);
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split("\n"));
    }
}

package uk.encounters.marketplace.round;

import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.sum;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER_HUB_PRESENCE;
import static uk.encounters.marketplace.jooq.Tables.EVENT;
import static uk.encounters.marketplace.jooq.Tables.EVENT_SIGN_UP;
import static uk.encounters.marketplace.jooq.Tables.MATCHING_ROUND;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.ROUND_UNMATCHED;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.math.BigDecimal;
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
import java.util.function.ToIntFunction;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.event.EventStatus;
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
            LocalDate windowEnd,
            RequestNotes notes) {}

    /**
     * What the school wrote on a request: adjustments for pupils with SEND, its notes for the
     * coordinator and its notes for the volunteer; each empty when it wrote none.
     */
    public record RequestNotes(String sendAdjustments, String forCoordinator, String forVolunteer) {

        public RequestNotes {
            sendAdjustments = sendAdjustments == null ? "" : sendAdjustments;
            forCoordinator = forCoordinator == null ? "" : forCoordinator;
            forVolunteer = forVolunteer == null ? "" : forVolunteer;
        }

        public boolean any() {
            return !(sendAdjustments.isBlank() && forCoordinator.isBlank() && forVolunteer.isBlank());
        }
    }

    private static final SelectField<RequestNotes> NOTES = DSL.row(
                    REQUEST.SEND_ADJUSTMENTS, REQUEST.NOTES, REQUEST.NOTES_FOR_VOLUNTEER)
            .mapping(RequestNotes::new);

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
            int disadvantaged,
            RequestNotes notes) {

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
            List<String> reasons,
            RequestNotes notes) {}

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
        Field<EncounterType> type = BOOKING.ENCOUNTER_TYPE.convertFrom(EncounterType::fromCode);
        Field<List<String>> reasons = BOOKING.EXPLANATION.convertFrom(RoundReview::lines);
        var rows = dsl.select(
                        BOOKING.ID,
                        BOOKING.REQUEST_ID,
                        SCHOOL.ID,
                        SCHOOL.NAME,
                        EMPLOYER.ID,
                        EMPLOYER.NAME,
                        OFFER.TITLE,
                        type,
                        VOLUNTEER.NAME,
                        REQUEST.YEAR_GROUP,
                        BOOKING.PUPILS,
                        BOOKING.STARTS_ON,
                        BOOKING.ENDS_ON,
                        BOOKING.PERIOD,
                        BOOKING.STATUS,
                        BOOKING.PINNED,
                        reasons,
                        REQUEST.SEND_ADJUSTMENTS,
                        REQUEST.NOTES,
                        REQUEST.NOTES_FOR_VOLUNTEER,
                        MATCHING_ROUND.HUB_ID)
                .from(BOOKING)
                // the round's hub, not the school's: a school may have left the hub since
                .join(MATCHING_ROUND)
                .on(MATCHING_ROUND.ID.eq(BOOKING.ROUND_ID))
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
        // a booking's reach depends on the round's other bookings, so the rows are read twice, by name
        Map<Long, SuggestedPupils.Reach> reach = SuggestedPupils.of(
                dsl,
                rows.getFirst().get(MATCHING_ROUND.HUB_ID),
                rows.map(r -> new SuggestedPupils.Place(
                        r.get(BOOKING.ID),
                        r.get(SCHOOL.ID),
                        r.get(REQUEST.YEAR_GROUP),
                        r.get(type),
                        r.get(BOOKING.PUPILS),
                        r.get(BOOKING.STARTS_ON))),
                today);
        return rows.map(r -> {
            SuggestedPupils.Reach reached = reach.get(r.get(BOOKING.ID));
            return new Booking(
                    r.get(BOOKING.ID),
                    r.get(BOOKING.REQUEST_ID),
                    r.get(SCHOOL.ID),
                    r.get(SCHOOL.NAME),
                    r.get(EMPLOYER.ID),
                    r.get(EMPLOYER.NAME),
                    r.get(OFFER.TITLE),
                    r.get(type).label(),
                    r.get(VOLUNTEER.NAME),
                    r.get(REQUEST.YEAR_GROUP),
                    r.get(BOOKING.PUPILS),
                    r.get(BOOKING.STARTS_ON),
                    r.get(BOOKING.ENDS_ON),
                    r.get(BOOKING.PERIOD),
                    r.get(BOOKING.STATUS),
                    r.get(BOOKING.PINNED),
                    r.get(reasons),
                    reached.withoutOne(),
                    reached.disadvantaged(),
                    new RequestNotes(
                            r.get(REQUEST.SEND_ADJUSTMENTS), r.get(REQUEST.NOTES), r.get(REQUEST.NOTES_FOR_VOLUNTEER)));
        });
    }

    /** A request of one of the hub's schools. */
    public Optional<Request> request(long hubId, long requestId) {
        return dsl.select(
                        REQUEST.ID,
                        SCHOOL.ID,
                        SCHOOL.NAME,
                        REQUEST.YEAR_GROUP.convertFrom(Short::intValue),
                        label(REQUEST.ENCOUNTER_TYPE),
                        REQUEST.PUPILS,
                        RoundProblem.REQUEST_UNITS,
                        REQUEST.WINDOW_START,
                        REQUEST.WINDOW_END,
                        NOTES)
                .from(REQUEST)
                .join(SCHOOL)
                .on(SCHOOL.ID.eq(REQUEST.SCHOOL_ID))
                .where(REQUEST.ID.eq(requestId))
                .and(SCHOOL.HUB_ID.eq(hubId))
                .fetchOptional(mapping(Request::new));
    }

    public List<Unmatched> unmatched(long roundId) {
        return dsl.select(
                        REQUEST.ID,
                        SCHOOL.ID,
                        SCHOOL.NAME,
                        REQUEST.YEAR_GROUP.convertFrom(Short::intValue),
                        label(REQUEST.ENCOUNTER_TYPE),
                        ROUND_UNMATCHED.SESSIONS,
                        ROUND_UNMATCHED.REASONS.convertFrom(RoundReview::lines),
                        NOTES)
                .from(ROUND_UNMATCHED)
                .join(REQUEST)
                .on(REQUEST.ID.eq(ROUND_UNMATCHED.REQUEST_ID))
                .join(SCHOOL)
                .on(SCHOOL.ID.eq(REQUEST.SCHOOL_ID))
                .where(ROUND_UNMATCHED.ROUND_ID.eq(roundId))
                .orderBy(SCHOOL.NAME, REQUEST.YEAR_GROUP, REQUEST.ID)
                .fetch(mapping(Unmatched::new));
    }

    /** A stall the round asks an employer for, and why. */
    public record Stall(
            long id, String employer, String volunteer, BookingStatus status, boolean pinned, List<String> reasons) {

        public boolean proposed() {
            return status == BookingStatus.PROPOSED;
        }
    }

    /** An event the round fills stalls for: the stalls asked, and those left unfilled with why. */
    public record EventStalls(
            long eventId,
            String title,
            LocalDate heldOn,
            String period,
            String place,
            List<Stall> stalls,
            int unfilled,
            List<String> unfilledReasons) {}

    /** The events with a stall in this round, or left with stalls unfilled, soonest first. */
    public List<EventStalls> events(long roundId) {
        Map<Long, List<Stall>> stalls = new HashMap<>();
        dsl.select(
                        BOOKING.EVENT_ID,
                        BOOKING.ID,
                        EMPLOYER.NAME,
                        VOLUNTEER.NAME,
                        BOOKING.STATUS,
                        BOOKING.PINNED,
                        BOOKING.EXPLANATION)
                .from(BOOKING)
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .join(EMPLOYER)
                .on(EMPLOYER.ID.eq(OFFER.EMPLOYER_ID))
                .leftJoin(VOLUNTEER)
                .on(VOLUNTEER.ID.eq(BOOKING.VOLUNTEER_ID))
                .where(BOOKING.ROUND_ID.eq(roundId))
                .and(BOOKING.EVENT_ID.isNotNull())
                .and(BOOKING.STATUS.in(SHOWN))
                .orderBy(EMPLOYER.NAME, BOOKING.ID)
                .forEach(r -> stalls.computeIfAbsent(r.value1(), id -> new ArrayList<>())
                        .add(new Stall(r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), lines(r.value7()))));
        Map<Long, Record3<Long, Integer, String>> unfilled = dsl.select(
                        ROUND_UNMATCHED.EVENT_ID, ROUND_UNMATCHED.SESSIONS, ROUND_UNMATCHED.REASONS)
                .from(ROUND_UNMATCHED)
                .where(ROUND_UNMATCHED.ROUND_ID.eq(roundId))
                .and(ROUND_UNMATCHED.EVENT_ID.isNotNull())
                .fetchMap(ROUND_UNMATCHED.EVENT_ID);
        Set<Long> ids = new java.util.HashSet<>(stalls.keySet());
        ids.addAll(unfilled.keySet());
        return dsl.select(
                        EVENT.ID,
                        EVENT.TITLE,
                        EVENT.HELD_ON,
                        EVENT.PERIOD,
                        DSL.coalesce(SCHOOL.NAME, EVENT.VENUE_NAME, DSL.inline("Online")))
                .from(EVENT)
                .leftJoin(SCHOOL)
                .on(SCHOOL.ID.eq(EVENT.SCHOOL_ID))
                .where(EVENT.ID.in(ids))
                // a cancelled event's unfilled stalls are wanted no more
                .and(EVENT.STATUS.eq(EventStatus.OPEN).or(EVENT.ID.in(stalls.keySet())))
                .orderBy(EVENT.HELD_ON, EVENT.ID)
                .fetch(r -> {
                    var left = unfilled.get(r.value1());
                    return new EventStalls(
                            r.value1(),
                            r.value2(),
                            r.value3(),
                            r.value4(),
                            r.value5(),
                            stalls.getOrDefault(r.value1(), List.of()),
                            left == null ? 0 : left.value2(),
                            left == null ? List.of() : lines(left.value3()));
                });
    }

    /**
     * Sessions the round asks of each employer against its cap, the most asked first. The cap
     * is worked out as the solve did: from the rounds published in the four weeks before this
     * one and the let-downs of the twelve weeks before it.
     */
    public List<EmployerAsk> employerLoad(Round round, LocalDate today) {
        Field<Integer> bookings = count();
        Map<Long, Integer> sessions = dsl.select(OFFER.EMPLOYER_ID, bookings)
                .from(BOOKING)
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .where(BOOKING.ROUND_ID.eq(round.id()))
                .and(BOOKING.STATUS.in(SHOWN))
                .groupBy(OFFER.EMPLOYER_ID)
                .fetchMap(OFFER.EMPLOYER_ID, bookings);
        LocalDate asOf =
                round.publishedAt() == null ? today : round.publishedAt().toLocalDate();
        EmployerLoad.Recent recent = EmployerLoad.asOf(dsl, round.hubId(), asOf);
        List<EmployerAsk> load = new ArrayList<>();
        dsl.select(
                        EMPLOYER.ID,
                        EMPLOYER.NAME,
                        EMPLOYER.SIZE_BAND,
                        EMPLOYER_HUB_PRESENCE.CORNERSTONE,
                        EMPLOYER_HUB_PRESENCE.MAX_ASKS_PER_MONTH)
                .from(EMPLOYER)
                .join(EMPLOYER_HUB_PRESENCE)
                .on(EMPLOYER_HUB_PRESENCE.EMPLOYER_ID.eq(EMPLOYER.ID))
                .where(EMPLOYER.ID.in(sessions.keySet()))
                .and(EMPLOYER_HUB_PRESENCE.HUB_ID.eq(round.hubId()))
                .forEach(r -> {
                    long employerId = r.get(EMPLOYER.ID);
                    // a published round is one of the asks it is counted in: what it was asked before is one fewer
                    int before = recent.asksOf(employerId) - (round.publishedAt() == null ? 0 : 1);
                    int cap = recent.capOf(
                            employerId,
                            r.get(EMPLOYER.SIZE_BAND),
                            r.get(EMPLOYER_HUB_PRESENCE.CORNERSTONE),
                            r.get(EMPLOYER_HUB_PRESENCE.MAX_ASKS_PER_MONTH),
                            before);
                    load.add(new EmployerAsk(
                            employerId,
                            r.get(EMPLOYER.NAME),
                            r.get(EMPLOYER.SIZE_BAND),
                            r.get(EMPLOYER_HUB_PRESENCE.CORNERSTONE),
                            sessions.get(employerId),
                            cap == Employer.NO_CAP ? null : cap,
                            Math.max(0, before),
                            r.get(EMPLOYER_HUB_PRESENCE.MAX_ASKS_PER_MONTH),
                            recent.letDownsOf(employerId)));
                });
        load.sort(Comparator.comparingInt(EmployerAsk::sessions).reversed().thenComparing(EmployerAsk::employer));
        return load;
    }

    /** Pupil places by school, with the schools the round reaches nothing at included: they matter most here. */
    public Fairness fairness(long hubId, long roundId, LocalDate today) {
        Map<Long, Map<Integer, YearPlaces>> places = new HashMap<>();
        Field<BigDecimal> pupilPlaces = sum(BOOKING.PUPILS);
        Field<Integer> sessions = count();
        dsl.select(REQUEST.SCHOOL_ID, REQUEST.YEAR_GROUP, pupilPlaces, sessions)
                .from(BOOKING)
                .join(REQUEST)
                .on(REQUEST.ID.eq(BOOKING.REQUEST_ID))
                .where(BOOKING.ROUND_ID.eq(roundId))
                .and(BOOKING.STATUS.in(SHOWN))
                .groupBy(REQUEST.SCHOOL_ID, REQUEST.YEAR_GROUP)
                .forEach(r -> places.computeIfAbsent(r.get(REQUEST.SCHOOL_ID), s -> new HashMap<>())
                        .put(
                                r.get(REQUEST.YEAR_GROUP).intValue(),
                                new YearPlaces(r.get(pupilPlaces).intValue(), r.get(sessions))));
        // an event with a stall in the round: each year group going has its places once, however many stalls
        dsl.select(EVENT_SIGN_UP.SCHOOL_ID, EVENT_SIGN_UP.YEAR_GROUP, EVENT_SIGN_UP.PUPILS, EVENT_SIGN_UP.PLACES)
                .from(EVENT_SIGN_UP)
                .where(EVENT_SIGN_UP.EVENT_ID.in(DSL.select(BOOKING.EVENT_ID)
                        .from(BOOKING)
                        .where(BOOKING.ROUND_ID.eq(roundId))
                        .and(BOOKING.STATUS.in(SHOWN))))
                .forEach(r -> places.computeIfAbsent(r.value1(), s -> new HashMap<>())
                        .merge(
                                r.value2().intValue(),
                                new YearPlaces(r.value4() != null ? r.value4() : r.value3(), 1),
                                YearPlaces::plus));
        // the roll, from the schools' summaries
        ProgressSummaries summaries = new ProgressSummaries(dsl);
        summaries.refreshHub(hubId, today);
        Map<Long, Map<Integer, YearRoll>> roll = new HashMap<>();
        summaries
                .forHub(hubId)
                .forEach((school, tallies) -> tallies.forEach(t -> roll.computeIfAbsent(school, s -> new HashMap<>())
                        .merge(
                                t.yearGroup(),
                                new YearRoll(t.pupils(), t.disadvantaged() ? t.pupils() : 0),
                                YearRoll::plus)));
        List<SchoolReach> schools = new ArrayList<>();
        dsl.select(SCHOOL.ID, SCHOOL.NAME, SCHOOL.DEPRIVATION_DECILE)
                .from(SCHOOL)
                .where(SCHOOL.HUB_ID.eq(hubId))
                .forEach(r -> schools.add(reach(
                        r,
                        places.getOrDefault(r.get(SCHOOL.ID), Map.of()),
                        roll.getOrDefault(r.get(SCHOOL.ID), Map.of()))));
        schools.sort(Comparator.comparing(SchoolReach::coldSpot)
                .reversed()
                .thenComparing(Comparator.comparingInt(SchoolReach::pupilPlaces).reversed())
                .thenComparing(SchoolReach::school));
        return new Fairness(
                schools,
                total(schools, SchoolReach::pupilPlaces),
                total(schools, s -> s.coldSpot() ? s.pupilPlaces() : 0),
                total(schools, SchoolReach::disadvantagedPlaces),
                total(schools, SchoolReach::pupilsOnRoll),
                total(schools, s -> s.coldSpot() ? s.pupilsOnRoll() : 0),
                total(schools, SchoolReach::disadvantagedOnRoll));
    }

    private static int total(List<SchoolReach> schools, ToIntFunction<SchoolReach> figure) {
        return schools.stream().mapToInt(figure).sum();
    }

    /** A year group's booked pupil places and sessions in the round. */
    private record YearPlaces(int pupilPlaces, int sessions) {

        YearPlaces plus(YearPlaces more) {
            return new YearPlaces(pupilPlaces + more.pupilPlaces, sessions + more.sessions);
        }
    }

    /** A year group's pupils on roll, and how many of them are disadvantaged. */
    private record YearRoll(int pupils, int disadvantaged) {

        YearRoll plus(YearRoll other) {
            return new YearRoll(pupils + other.pupils, disadvantaged + other.disadvantaged);
        }
    }

    private static SchoolReach reach(
            Record3<Long, String, Short> school, Map<Integer, YearPlaces> places, Map<Integer, YearRoll> roll) {
        int sessions = 0;
        int pupilPlaces = 0;
        double disadvantaged = 0;
        for (var year : places.entrySet()) {
            YearPlaces booked = year.getValue();
            sessions += booked.sessions();
            pupilPlaces += booked.pupilPlaces();
            // the year group's places are shared out as its roll is: an estimate, pupils are chosen later
            YearRoll onRoll = roll.get(year.getKey());
            if (onRoll != null && onRoll.pupils() > 0) {
                disadvantaged += (double) booked.pupilPlaces() * onRoll.disadvantaged() / onRoll.pupils();
            }
        }
        int pupils = roll.values().stream().mapToInt(YearRoll::pupils).sum();
        int disadvantagedPupils =
                roll.values().stream().mapToInt(YearRoll::disadvantaged).sum();
        Short deprivationDecile = school.get(SCHOOL.DEPRIVATION_DECILE);
        Integer decile = deprivationDecile == null ? null : deprivationDecile.intValue();
        return new SchoolReach(
                school.get(SCHOOL.ID),
                school.get(SCHOOL.NAME),
                ColdSpot.is(decile),
                decile,
                sessions,
                pupilPlaces,
                (int) Math.round(disadvantaged),
                pupils,
                disadvantagedPupils);
    }

    /** The encounter type's label, as the page shows it. */
    private static Field<String> label(Field<String> encounterType) {
        return encounterType.convertFrom(code -> EncounterType.fromCode(code).label());
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split("\n"));
    }
}

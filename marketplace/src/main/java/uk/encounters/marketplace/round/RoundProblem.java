package uk.encounters.marketplace.round;

import static org.jooq.Records.mapping;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER_HUB_PRESENCE;
import static uk.encounters.marketplace.jooq.Tables.FEEDBACK;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.OFFER_AVAILABILITY;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.ROUND_EXCLUSION;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL_BUDGET;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.calendar.Horizon;
import uk.encounters.marketplace.employer.ContactPreferences;
import uk.encounters.marketplace.feedback.FeedbackSide;
import uk.encounters.marketplace.hub.PupilValueSettings;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.offer.Sectors;
import uk.encounters.marketplace.placement.PlacementPaperwork;
import uk.encounters.marketplace.pupil.ProgressRepository;
import uk.encounters.marketplace.pupil.PupilProgress;
import uk.encounters.marketplace.pupil.PupilValueWeights;
import uk.encounters.marketplace.request.RequestRepository;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.school.ColdSpot;
import uk.encounters.matcher.domain.Arrangement;
import uk.encounters.matcher.domain.Attendance;
import uk.encounters.matcher.domain.Availability;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.DeliveryMode;
import uk.encounters.matcher.domain.Employer;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.matcher.domain.Location;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.Offer;
import uk.encounters.matcher.domain.Period;
import uk.encounters.matcher.domain.ProblemBuilder;
import uk.encounters.matcher.domain.Request;
import uk.encounters.matcher.domain.School;
import uk.encounters.matcher.domain.Volunteer;
import uk.encounters.matcher.solver.MatchingWeights;

/**
 * The one place a matching round's problem is built from the database: the hub's schools (cold
 * spots, budget left), employers (what this round may ask of them, how often they were asked
 * lately), active offers with their availability, the requests to plan with each school's year
 * groups from its pupils' progress, and the bookings already in the horizon: published and
 * confirmed ones, and the coordinator's pins, never move; the round's earlier proposal is where
 * the search starts. Matcher ids are the database's ids.
 */
public final class RoundProblem {

    /** What a booking gives its request: one session, or for work experience its pupils' places. */
    public static final Field<Integer> BOOKING_UNITS = when(
                    BOOKING.ENCOUNTER_TYPE.eq(EncounterType.WORK_EXPERIENCE.code()), BOOKING.PUPILS)
            .otherwise(inline(1));
    /** What a request asks for in the same units. */
    public static final Field<Integer> REQUEST_UNITS = when(
                    REQUEST.ENCOUNTER_TYPE.eq(EncounterType.WORK_EXPERIENCE.code()), REQUEST.PUPILS)
            .otherwise(REQUEST.SESSIONS);

    private final DSLContext dsl;

    public RoundProblem(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** What to plan: a weekly round takes every open request; a re-match only the listed ones. */
    public record Scope(long hubId, Long roundId, Horizon horizon, LocalDate today, Set<Long> onlyRequests) {

        boolean plans(long requestId) {
            return onlyRequests == null || onlyRequests.contains(requestId);
        }
    }

    /** @param units sessions asked for in all (work experience: places), as {@link #REQUEST_UNITS} counts them */
    private record RequestRow(
            long id,
            long schoolId,
            int yearGroup,
            EncounterType type,
            int pupils,
            int units,
            LocalDate windowStart,
            LocalDate windowEnd,
            boolean mornings,
            boolean afternoons,
            Set<DeliveryMode> modes,
            Set<String> sectors,
            Long preferredEmployerId,
            boolean send,
            RequestStatus status) {}

    /** @param units as {@link #BOOKING_UNITS} counts them; @param fixed live or pinned: it never moves */
    private record BookingRow(
            long requestId,
            long offerId,
            LocalDate startsOn,
            LocalDate endsOn,
            Period period,
            int units,
            boolean fixed) {}

    public MatchingProblem load(Scope scope, MatchingWeights weights) {
        Horizon horizon = scope.horizon();
        ProblemBuilder builder = new ProblemBuilder(horizon.start(), horizon.end(), horizon.schoolDays(), weights);
        Map<Long, School> schools = schools(scope);
        Map<Long, Employer> employers = employers(scope);

        List<RequestRow> requests = requests(scope, schools.keySet());
        List<RoundEvents.EventRow> events = RoundEvents.load(dsl, scope, inHorizon(scope));
        Map<Long, List<BookingRow>> inHorizon = bookingsInHorizon(scope, requests);
        inHorizon.putAll(eventBookingsInHorizon(scope, events));
        Map<Long, Integer> heldOutside = heldOutsideHorizon(scope, requests);
        Set<Long> offerIds = new HashSet<>();
        inHorizon.values().forEach(rows -> rows.forEach(b -> offerIds.add(b.offerId())));
        List<Offer> offers = offers(scope, employers, offerIds);
        volunteersAway(scope, offers, builder);
        for (Offer offer : offers) {
            builder.offer(offer);
        }
        Map<Long, Map<Integer, Cohort>> cohorts = cohorts(scope, schools, requests, events);
        long order = 0;
        for (RequestRow row : requests) {
            List<BookingRow> booked = inHorizon.getOrDefault(row.id(), List.of());
            int bookedUnits = booked.stream().mapToInt(BookingRow::units).sum();
            boolean planned = row.status() == RequestStatus.OPEN && scope.plans(row.id());
            int units =
                    planned ? Math.max(bookedUnits, row.units() - heldOutside.getOrDefault(row.id(), 0)) : bookedUnits;
            if (units == 0) {
                continue;
            }
            Cohort cohort = cohorts.get(row.schoolId()).get(row.yearGroup());
            boolean placements = row.type() == EncounterType.WORK_EXPERIENCE;
            builder.request(new Request(
                    row.id(),
                    cohort,
                    row.type(),
                    placements ? units : row.pupils(),
                    placements ? 1 : units,
                    row.windowStart(),
                    row.windowEnd(),
                    row.mornings(),
                    row.afternoons(),
                    row.modes(),
                    row.sectors(),
                    row.preferredEmployerId(),
                    row.send(),
                    order++,
                    // a mentor meets the same pupils each time: several sessions are one series, one mentor
                    row.type() == EncounterType.MENTORING && units > 1 ? Arrangement.SERIES : Arrangement.SESSIONS,
                    List.of(),
                    null));
            addBookings(builder, row.id(), booked);
        }
        for (RoundEvents.EventRow event : events) {
            List<Attendance> audience = event.signUps().stream()
                    .filter(s -> cohorts.containsKey(s.schoolId()))
                    .map(s -> new Attendance(cohorts.get(s.schoolId()).get(s.yearGroup()), s.pupils()))
                    .toList();
            List<BookingRow> booked = inHorizon.getOrDefault(event.requestId(), List.of());
            boolean planned = event.open() && scope.plans(event.requestId());
            int stalls = planned ? Math.max(booked.size(), event.stalls()) : booked.size();
            if (stalls == 0 || audience.isEmpty()) {
                continue;
            }
            builder.request(new Request(
                    event.requestId(),
                    audience.getFirst().cohort(),
                    event.kind().stallType(),
                    audience.stream().mapToInt(Attendance::pupils).sum(),
                    stalls,
                    event.heldOn(),
                    event.heldOn(),
                    event.period().includesMorning(),
                    event.period().includesAfternoon(),
                    event.modes(),
                    event.sectors(),
                    null,
                    false,
                    order++,
                    Arrangement.EVENT,
                    audience,
                    event.venue()));
            addBookings(builder, event.requestId(), booked);
        }
        if (scope.roundId() != null) {
            dsl.select(ROUND_EXCLUSION.REQUEST_ID, ROUND_EXCLUSION.EVENT_ID, ROUND_EXCLUSION.OFFER_ID)
                    .from(ROUND_EXCLUSION)
                    .where(ROUND_EXCLUSION.ROUND_ID.eq(scope.roundId()))
                    .forEach(r -> builder.exclude(
                            r.value1() != null ? r.value1() : RoundEvents.requestIdOf(r.value2()), r.value3()));
        }
        return builder.build();
    }

    private static void addBookings(ProblemBuilder builder, long requestId, List<BookingRow> booked) {
        for (BookingRow b : booked) {
            for (int unit = 0; unit < b.units(); unit++) {
                builder.booking(requestId, b.offerId(), b.startsOn(), b.endsOn(), b.period(), b.fixed());
            }
        }
    }

    private Map<Long, School> schools(Scope scope) {
        int year = AcademicYear.containing(scope.horizon().start()).startYear();
        Field<Long> leftPence = sum(SCHOOL_BUDGET
                        .AMOUNT_PENCE
                        .minus(SCHOOL_BUDGET.COMMITTED_PENCE)
                        .minus(SCHOOL_BUDGET.SPENT_PENCE))
                .convertFrom(pence -> pence == null ? 0L : pence.longValue());
        Map<Long, Long> budgetLeft = dsl.select(SCHOOL_BUDGET.SCHOOL_ID, leftPence)
                .from(SCHOOL_BUDGET)
                .join(SCHOOL)
                .on(SCHOOL.ID.eq(SCHOOL_BUDGET.SCHOOL_ID))
                .where(SCHOOL.HUB_ID.eq(scope.hubId()))
                .and(SCHOOL_BUDGET.ACADEMIC_YEAR.eq((short) year))
                .groupBy(SCHOOL_BUDGET.SCHOOL_ID)
                .fetchMap(SCHOOL_BUDGET.SCHOOL_ID, leftPence);
        // Live paid bookings in the horizon were committed when booked, and come back as pinned
        // sessions whose cost the matcher counts again: add them back to what is left.
        Field<Long> bookedPence = sum(OFFER.COST_PER_SESSION_PENCE).convertFrom(BigDecimal::longValue);
        dsl.select(REQUEST.SCHOOL_ID, bookedPence)
                .from(BOOKING)
                .join(REQUEST)
                .on(REQUEST.ID.eq(BOOKING.REQUEST_ID))
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .join(SCHOOL)
                .on(SCHOOL.ID.eq(REQUEST.SCHOOL_ID))
                .where(SCHOOL.HUB_ID.eq(scope.hubId()))
                .and(BOOKING.STATUS.in(BookingStatus.AGREED))
                .and(BOOKING.STARTS_ON.between(
                        scope.horizon().start(), scope.horizon().end()))
                .and(OFFER.COST_PER_SESSION_PENCE.gt(0))
                .groupBy(REQUEST.SCHOOL_ID)
                .forEach(r -> budgetLeft.merge(r.get(REQUEST.SCHOOL_ID), r.get(bookedPence), Long::sum));
        Field<Boolean> coldSpot =
                SCHOOL.DEPRIVATION_DECILE.convertFrom(decile -> ColdSpot.is(decile == null ? null : decile.intValue()));
        Map<Long, School> schools = new LinkedHashMap<>();
        dsl.select(SCHOOL.ID, SCHOOL.NAME, SCHOOL.LATITUDE, SCHOOL.LONGITUDE, coldSpot, SCHOOL.LINKED_EMPLOYER_ID)
                .from(SCHOOL)
                .where(SCHOOL.HUB_ID.eq(scope.hubId()))
                .orderBy(SCHOOL.ID)
                .forEach(r -> {
                    long id = r.get(SCHOOL.ID);
                    schools.put(
                            id,
                            new School(
                                    id,
                                    r.get(SCHOOL.NAME),
                                    location(r.get(SCHOOL.LATITUDE), r.get(SCHOOL.LONGITUDE)),
                                    r.get(coldSpot),
                                    budgetLeft.getOrDefault(id, 0L),
                                    School.DEFAULT_TRAVEL_LIMIT_KM,
                                    r.get(SCHOOL.LINKED_EMPLOYER_ID)));
                });
        return schools;
    }

    private Map<Long, Employer> employers(Scope scope) {
        EmployerLoad.Recent recent = EmployerLoad.asOf(dsl, scope.hubId(), scope.today());
        // Sessions published by earlier rounds were those rounds' asks, and the cap rule counts every
        // session in the plan: this round's cap comes on top of them.
        Field<Integer> sessions = countDistinct(BOOKING.OFFER_ID, BOOKING.STARTS_ON, BOOKING.PERIOD);
        Map<Long, Integer> published = dsl.select(OFFER.EMPLOYER_ID, sessions)
                .from(BOOKING)
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .where(OFFER.HUB_ID.eq(scope.hubId()))
                .and(BOOKING.STATUS.in(BookingStatus.AGREED))
                .and(BOOKING.STARTS_ON.between(
                        scope.horizon().start(), scope.horizon().end()))
                .groupBy(OFFER.EMPLOYER_ID)
                .fetchMap(OFFER.EMPLOYER_ID, sessions);
        Map<Long, Employer> employers = new LinkedHashMap<>();
        Field<Boolean> mayBeAsked = field(ContactPreferences.mayBeAsked(scope.today()));
        Field<BigDecimal> rating = field(DSL.select(DSL.avg(FEEDBACK.RATING))
                        .from(FEEDBACK)
                        .join(BOOKING)
                        .on(BOOKING.ID.eq(FEEDBACK.BOOKING_ID))
                        .join(OFFER)
                        .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                        .where(OFFER.EMPLOYER_ID.eq(EMPLOYER.ID))
                        .and(FEEDBACK.FROM_SIDE.eq(FeedbackSide.SCHOOL.getLiteral())))
                .as("school_rating");
        dsl.select(
                        EMPLOYER.ID,
                        EMPLOYER.NAME,
                        EMPLOYER.LATITUDE,
                        EMPLOYER.LONGITUDE,
                        EMPLOYER.SIZE_BAND,
                        EMPLOYER_HUB_PRESENCE.CORNERSTONE,
                        EMPLOYER_HUB_PRESENCE.MAX_ASKS_PER_MONTH,
                        mayBeAsked,
                        rating)
                .from(EMPLOYER)
                .join(EMPLOYER_HUB_PRESENCE)
                .on(EMPLOYER_HUB_PRESENCE.EMPLOYER_ID.eq(EMPLOYER.ID))
                .where(EMPLOYER_HUB_PRESENCE.HUB_ID.eq(scope.hubId()))
                .and(EMPLOYER.MERGED_INTO_ID.isNull())
                .orderBy(EMPLOYER.ID)
                .forEach(r -> {
                    long id = r.get(EMPLOYER.ID);
                    int asked = recent.asksOf(id);
                    int cap = recent.capOf(
                            id,
                            r.get(EMPLOYER.SIZE_BAND),
                            r.get(EMPLOYER_HUB_PRESENCE.CORNERSTONE),
                            r.get(EMPLOYER_HUB_PRESENCE.MAX_ASKS_PER_MONTH),
                            asked);
                    if (!r.get(mayBeAsked)) {
                        // paused or stopped by the organisation itself: nothing new, its agreed sessions stand
                        cap = published.getOrDefault(id, 0);
                    } else if (cap != Employer.NO_CAP) {
                        cap += published.getOrDefault(id, 0);
                    }
                    Location location = location(r.get(EMPLOYER.LATITUDE), r.get(EMPLOYER.LONGITUDE));
                    employers.put(
                            id,
                            new Employer(id, r.get(EMPLOYER.NAME), location, cap, asked, ratingTenths(r.get(rating))));
                });
        return employers;
    }

    /**
     * A volunteer of an organisation working with several hubs may be booked by another hub's round:
     * those days and periods are not theirs to give here (booking_volunteer_one_place_at_a_time_ex
     * would refuse the plan).
     */
    private void volunteersAway(Scope scope, List<Offer> offers, ProblemBuilder builder) {
        Set<Long> volunteers = new HashSet<>();
        offers.stream()
                .filter(o -> o.volunteer() != null)
                .forEach(o -> volunteers.add(o.volunteer().id()));
        if (volunteers.isEmpty()) {
            return;
        }
        Field<Period> period = BOOKING.PERIOD.convertFrom(Period::fromCode);
        dsl.select(BOOKING.VOLUNTEER_ID, BOOKING.STARTS_ON, BOOKING.ENDS_ON, period)
                .from(BOOKING)
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .where(BOOKING.VOLUNTEER_ID.in(volunteers))
                .and(OFFER.HUB_ID.ne(scope.hubId()))
                .and(BOOKING.ENCOUNTER_TYPE.ne(EncounterType.WORK_EXPERIENCE.code()))
                .and(BOOKING.STATUS.in(
                        BookingStatus.PROPOSED,
                        BookingStatus.PUBLISHED,
                        BookingStatus.CONFIRMED,
                        BookingStatus.DELIVERED))
                .and(BOOKING.ENDS_ON.ge(scope.horizon().start()))
                .and(BOOKING.STARTS_ON.le(scope.horizon().end()))
                .forEach(r -> builder.volunteerAway(
                        r.get(BOOKING.VOLUNTEER_ID), r.get(BOOKING.STARTS_ON), r.get(BOOKING.ENDS_ON), r.get(period)));
    }

    /** Active offers that overlap the horizon, and any other offer a booking in the problem names. */
    private List<Offer> offers(Scope scope, Map<Long, Employer> employers, Set<Long> bookedOffers) {
        Condition active = OFFER.STATUS
                .eq(OfferStatus.ACTIVE)
                .and(OFFER.AVAILABLE_UNTIL.ge(scope.horizon().start()))
                .and(OFFER.AVAILABLE_FROM.le(scope.horizon().end()));
        var rows = dsl.select(OFFER.asterisk(), VOLUNTEER.NAME, VOLUNTEER.SAFEGUARDING_CHECKED_UNTIL, VOLUNTEER.ACTIVE)
                .from(OFFER)
                .join(EMPLOYER)
                .on(EMPLOYER.ID.eq(OFFER.EMPLOYER_ID))
                .leftJoin(VOLUNTEER)
                .on(VOLUNTEER.ID.eq(OFFER.VOLUNTEER_ID))
                .where(OFFER.HUB_ID.eq(scope.hubId()))
                .and(active.or(OFFER.ID.in(bookedOffers)))
                .orderBy(OFFER.ID)
                .fetch();
        Map<Long, List<Availability>> availability = new HashMap<>();
        Field<Period> period = OFFER_AVAILABILITY.PERIOD.convertFrom(Period::fromCode);
        dsl.select(OFFER_AVAILABILITY.OFFER_ID, OFFER_AVAILABILITY.AVAILABLE_ON, OFFER_AVAILABILITY.WEEKDAY, period)
                .from(OFFER_AVAILABILITY)
                .where(OFFER_AVAILABILITY.OFFER_ID.in(rows.map(r -> r.get(OFFER.ID))))
                .orderBy(OFFER_AVAILABILITY.ID)
                .forEach(r -> {
                    LocalDate on = r.get(OFFER_AVAILABILITY.AVAILABLE_ON);
                    availability
                            .computeIfAbsent(r.get(OFFER_AVAILABILITY.OFFER_ID), id -> new ArrayList<>())
                            .add(
                                    on != null
                                            ? Availability.on(on, r.get(period))
                                            : Availability.every(r.get(OFFER_AVAILABILITY.WEEKDAY), r.get(period)));
                });
        Map<Long, LocalDate> paperwork = PlacementPaperwork.holdsUntil(
                dsl,
                rows.stream()
                        .filter(r ->
                                EncounterType.fromCode(r.get(OFFER.ENCOUNTER_TYPE)) == EncounterType.WORK_EXPERIENCE)
                        .map(r -> r.get(OFFER.EMPLOYER_ID))
                        .collect(Collectors.toSet()));
        List<Offer> offers = new ArrayList<>();
        for (Record r : rows) {
            Employer employer = employers.get(r.get(OFFER.EMPLOYER_ID));
            if (employer == null) {
                continue; // merged into another employer: its offers moved with it
            }
            Long volunteerId = r.get(OFFER.VOLUNTEER_ID);
            Volunteer volunteer = volunteerId == null
                    ? null
                    : new Volunteer(volunteerId, r.get(VOLUNTEER.NAME), r.get(VOLUNTEER.SAFEGUARDING_CHECKED_UNTIL));
            // a paused offer, or one whose volunteer left, keeps its bookings but takes no new ones
            boolean takesNew =
                    r.get(OFFER.STATUS) == OfferStatus.ACTIVE && (volunteerId == null || r.get(VOLUNTEER.ACTIVE));
            EncounterType type = EncounterType.fromCode(r.get(OFFER.ENCOUNTER_TYPE));
            offers.add(new Offer(
                    r.get(OFFER.ID),
                    employer,
                    volunteer,
                    type,
                    r.get(OFFER.TITLE),
                    r.get(OFFER.SECTOR),
                    Sectors.STEM.contains(r.get(OFFER.SECTOR)),
                    r.get(OFFER.YEAR_GROUP_MIN),
                    r.get(OFFER.YEAR_GROUP_MAX),
                    DeliveryMode.of(r.get(OFFER.IN_SCHOOL), r.get(OFFER.AT_WORKPLACE), r.get(OFFER.ONLINE)),
                    r.get(OFFER.PUPILS_MIN),
                    r.get(OFFER.PUPILS_MAX),
                    r.get(OFFER.PLACES) == null ? 0 : r.get(OFFER.PLACES),
                    r.get(OFFER.MAX_SESSIONS),
                    r.get(OFFER.TRAVEL_RADIUS_KM).doubleValue(),
                    r.get(OFFER.COST_PER_SESSION_PENCE) == null ? 0 : r.get(OFFER.COST_PER_SESSION_PENCE),
                    r.get(OFFER.SEND_ADAPTABLE),
                    r.get(OFFER.AVAILABLE_FROM),
                    r.get(OFFER.AVAILABLE_UNTIL),
                    takesNew ? availability.getOrDefault(r.get(OFFER.ID), List.of()) : List.of(),
                    type == EncounterType.WORK_EXPERIENCE ? paperwork.get(employer.id()) : null,
                    r.get(OFFER.INTERACTIVE),
                    r.get(OFFER.SHARED_ONLINE)));
        }
        return offers;
    }

    /**
     * Open requests of the hub's schools whose window meets the horizon (and has not passed), and
     * every request with a booking in the horizon that the plan must hold: live ones, and this
     * round's proposal.
     */
    private List<RequestRow> requests(Scope scope, Collection<Long> schoolIds) {
        Horizon horizon = scope.horizon();
        Condition open = openInHorizon(horizon, scope.today());
        Condition booked =
                REQUEST.ID.in(dsl.select(BOOKING.REQUEST_ID).from(BOOKING).where(inHorizon(scope)));
        return dsl.select(REQUEST.asterisk(), REQUEST_UNITS)
                .from(REQUEST)
                .where(REQUEST.SCHOOL_ID.in(schoolIds))
                .and(open.or(booked))
                .orderBy(REQUEST.CREATED_AT, REQUEST.ID)
                .fetch(record -> new RequestRow(
                        record.get(REQUEST.ID),
                        record.get(REQUEST.SCHOOL_ID),
                        record.get(REQUEST.YEAR_GROUP),
                        EncounterType.fromCode(record.get(REQUEST.ENCOUNTER_TYPE)),
                        record.get(REQUEST.PUPILS),
                        record.get(REQUEST_UNITS),
                        record.get(REQUEST.WINDOW_START),
                        record.get(REQUEST.WINDOW_END),
                        record.get(REQUEST.MORNING),
                        record.get(REQUEST.AFTERNOON),
                        DeliveryMode.of(
                                record.get(REQUEST.IN_SCHOOL),
                                record.get(REQUEST.AT_WORKPLACE),
                                record.get(REQUEST.ONLINE)),
                        Set.copyOf(RequestRepository.preferredSectors(record.get(REQUEST.PREFERRED_SECTORS))),
                        record.get(REQUEST.PREFERRED_EMPLOYER_ID),
                        record.get(REQUEST.SEND_ADJUSTMENTS) != null
                                && !record.get(REQUEST.SEND_ADJUSTMENTS).isBlank(),
                        record.get(REQUEST.STATUS)));
    }

    /** The open requests a round plans: their window meets the horizon and has not passed. */
    public static Condition openInHorizon(Horizon horizon, LocalDate today) {
        return REQUEST.STATUS
                .eq(RequestStatus.OPEN)
                .and(REQUEST.WINDOW_END.ge(horizon.start()))
                .and(REQUEST.WINDOW_END.ge(today))
                .and(REQUEST.WINDOW_START.le(horizon.end()));
    }

    /** Live bookings in the horizon, and the bookings this round proposes (wherever they fall). */
    private Condition inHorizon(Scope scope) {
        Condition live = BOOKING.STATUS
                .in(BookingStatus.AGREED)
                .and(BOOKING.STARTS_ON.between(
                        scope.horizon().start(), scope.horizon().end()));
        return scope.roundId() == null
                ? live
                : live.or(BOOKING.STATUS.eq(BookingStatus.PROPOSED).and(BOOKING.ROUND_ID.eq(scope.roundId())));
    }

    private Map<Long, List<BookingRow>> bookingsInHorizon(Scope scope, List<RequestRow> requests) {
        Field<Boolean> fixed = field(BOOKING.STATUS.in(BookingStatus.AGREED).or(BOOKING.PINNED));
        return dsl
                .select(
                        BOOKING.REQUEST_ID,
                        BOOKING.OFFER_ID,
                        BOOKING.STARTS_ON,
                        BOOKING.ENDS_ON,
                        BOOKING.PERIOD.convertFrom(Period::fromCode),
                        BOOKING_UNITS,
                        fixed)
                .from(BOOKING)
                .where(BOOKING.REQUEST_ID.in(
                        requests.stream().map(RequestRow::id).toList()))
                .and(inHorizon(scope))
                // fixed ones first, so they take a request's first sessions
                .orderBy(BOOKING.REQUEST_ID, fixed.desc(), BOOKING.ID)
                .fetch(mapping(BookingRow::new))
                .stream()
                .collect(Collectors.groupingBy(BookingRow::requestId));
    }

    /** The stalls events hold in the horizon, keyed by the events' request ids. */
    private Map<Long, List<BookingRow>> eventBookingsInHorizon(Scope scope, List<RoundEvents.EventRow> events) {
        Field<Boolean> fixed = field(BOOKING.STATUS.in(BookingStatus.AGREED).or(BOOKING.PINNED));
        Field<Long> requestId = BOOKING.EVENT_ID.convertFrom(RoundEvents::requestIdOf);
        return dsl
                .select(
                        requestId,
                        BOOKING.OFFER_ID,
                        BOOKING.STARTS_ON,
                        BOOKING.ENDS_ON,
                        BOOKING.PERIOD.convertFrom(Period::fromCode),
                        inline(1),
                        fixed)
                .from(BOOKING)
                .where(BOOKING.EVENT_ID.in(
                        events.stream().map(RoundEvents.EventRow::id).toList()))
                .and(inHorizon(scope))
                .orderBy(BOOKING.EVENT_ID, fixed.desc(), BOOKING.ID)
                .fetch(mapping(BookingRow::new))
                .stream()
                .collect(Collectors.groupingBy(BookingRow::requestId));
    }

    /** Sessions (places) of each request already held by bookings outside the horizon. */
    private Map<Long, Integer> heldOutsideHorizon(Scope scope, List<RequestRow> requests) {
        Field<Integer> held = sum(BOOKING_UNITS).convertFrom(BigDecimal::intValue);
        return dsl.select(BOOKING.REQUEST_ID, held)
                .from(BOOKING)
                .where(BOOKING.REQUEST_ID.in(
                        requests.stream().map(RequestRow::id).toList()))
                .and(BOOKING.STATUS.in(BookingStatus.HELD))
                .and(BOOKING.STARTS_ON
                        .notBetween(scope.horizon().start(), scope.horizon().end())
                        .or(BOOKING.STATUS.eq(BookingStatus.DELIVERED)))
                .groupBy(BOOKING.REQUEST_ID)
                .fetchMap(BOOKING.REQUEST_ID, held);
    }

    /**
     * The year groups the requests are for, from their pupils' progress. A school that has not
     * uploaded its pupils yet is taken at its word ({@link YearGroupNeeds#takenAtItsWord}).
     */
    private Map<Long, Map<Integer, Cohort>> cohorts(
            Scope scope, Map<Long, School> schools, List<RequestRow> requests, List<RoundEvents.EventRow> events) {
        Map<Long, Map<Integer, Integer>> asked = new LinkedHashMap<>();
        for (RequestRow row : requests) {
            asked.computeIfAbsent(row.schoolId(), s -> new HashMap<>()).merge(row.yearGroup(), row.pupils(), Math::max);
        }
        // a school signed up to another's (or the hub's) event goes as the hub's school it is
        events.forEach(event -> event.signUps().stream()
                .filter(s -> schools.containsKey(s.schoolId()))
                .forEach(s -> asked.computeIfAbsent(s.schoolId(), id -> new HashMap<>())
                        .merge(s.yearGroup(), s.pupils(), Math::max)));
        CohortHistory history =
                CohortHistory.before(dsl, scope.hubId(), scope.horizon().start());
        // every asked cohort's pupils in one query, not one per school: a year group's needs are its own pupils'
        Map<Long, List<PupilProgress>> onRoll = new ProgressRepository(dsl)
                .forCohorts(
                        asked.entrySet().stream()
                                .collect(Collectors.toMap(
                                        Map.Entry::getKey, e -> e.getValue().keySet())),
                        scope.today());
        PupilValueWeights weights = new PupilValueSettings(dsl).forHub(scope.hubId());
        Map<Long, Map<Integer, Cohort>> cohorts = new HashMap<>();
        asked.forEach((schoolId, years) -> {
            Map<Integer, YearGroupNeeds> needs = YearGroupNeeds.of(onRoll.getOrDefault(schoolId, List.of()), weights);
            Map<Integer, Cohort> byYear = new HashMap<>();
            years.forEach((yearGroup, pupils) -> {
                YearGroupNeeds n =
                        needs.getOrDefault(yearGroup, YearGroupNeeds.takenAtItsWord(yearGroup, pupils, weights));
                byYear.put(
                        yearGroup,
                        new Cohort(
                                schools.get(schoolId),
                                yearGroup,
                                n.pupils(),
                                n.pupilsWithoutOne(),
                                n.bands(),
                                n.nothingThisYear(),
                                history.stem(schoolId, yearGroup),
                                n.needingWorkplaceExperience(),
                                history.employers(schoolId, yearGroup),
                                history.sectors(schoolId, yearGroup),
                                n.shortOfHoursTarget()));
            });
            cohorts.put(schoolId, byYear);
        });
        return cohorts;
    }

    private static Location location(Double latitude, Double longitude) {
        return latitude == null || longitude == null ? null : new Location(latitude, longitude);
    }

    /** Schools' average rating of an employer's sessions in tenths (4.26 is 43); 0 while none has answered. */
    static int ratingTenths(BigDecimal average) {
        return average == null
                ? 0
                : average.movePointRight(1)
                        .setScale(0, java.math.RoundingMode.HALF_UP)
                        .intValue();
    }
}

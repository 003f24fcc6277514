package uk.encounters.marketplace.event;

import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.EVENT;
import static uk.encounters.marketplace.jooq.Tables.EVENT_SIGN_UP;
import static uk.encounters.marketplace.jooq.Tables.EVENT_STALLS;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.booking.SchoolDay;
import uk.encounters.marketplace.employer.PostcodeDistrict;
import uk.encounters.marketplace.jooq.tables.records.EventRecord;
import uk.encounters.marketplace.school.ColdSpot;
import uk.encounters.marketplace.school.PlaceByPostcode;
import uk.encounters.matcher.explain.DateStyle;

/**
 * Events schools and hubs post, the year groups going and the stalls wanted. Every write that
 * spans rows is one transaction: an event is never saved without its stalls or its year groups.
 */
public final class EventRepository {

    private final DSLContext dsl;

    public EventRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * A school's event for its own year groups, held at the school; empty when the school is in no
     * hub, where no round would ever ask employers for its stalls.
     */
    public Optional<Long> postForSchool(Actor actor, long schoolId, EventDetails details, List<YearGroupGoing> going) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            // under a share lock, so the school cannot leave its hub meanwhile
            Long hubId = tx.select(SCHOOL.HUB_ID)
                    .from(SCHOOL)
                    .where(SCHOOL.ID.eq(schoolId))
                    .forShare()
                    .fetchOne(SCHOOL.HUB_ID);
            if (hubId == null) {
                return Optional.empty();
            }
            Long userId = actor.userId();
            long eventId = insert(tx, hubId, schoolId, userId, details, null);
            insertGoing(tx, eventId, schoolId, userId, going);
            new AuditLog(tx).record(actor, "event_posted", "event", eventId, Map.of());
            return Optional.of(eventId);
        });
    }

    /** A hub's event for several schools, at a venue placed by its postcode, or online. */
    public long postForHub(Actor actor, long hubId, EventDetails details) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            PlaceByPostcode venue = details.online() || details.venuePostcode() == null
                    ? null
                    : PlaceByPostcode.of(tx, hubId, PostcodeDistrict.of(details.venuePostcode()));
            long eventId = insert(tx, hubId, null, actor.userId(), details, venue);
            new AuditLog(tx).record(actor, "event_posted", "event", eventId, Map.of());
            return eventId;
        });
    }

    private static long insert(
            DSLContext tx, long hubId, Long schoolId, Long userId, EventDetails details, PlaceByPostcode venue) {
        EventRecord event = tx.newRecord(EVENT);
        event.setHubId(hubId);
        event.setSchoolId(schoolId);
        event.setKind(details.kind());
        event.setTitle(details.title().strip());
        event.setHeldOn(details.heldOn());
        event.setPeriod(details.period().code());
        event.setVenueName(blankToNull(details.venueName()));
        event.setVenuePostcode(blankToNull(details.venuePostcode()));
        event.setVenueLatitude(venue == null ? null : venue.latitude());
        event.setVenueLongitude(venue == null ? null : venue.longitude());
        event.setOnline(details.online());
        event.setCapacity(details.capacity());
        event.setSignUpBy(details.signUpBy());
        event.setStatus(EventStatus.OPEN);
        event.setPostedByUserId(userId);
        event.store();
        insertStalls(tx, event.getId(), details.stalls());
        return event.getId();
    }

    static void insertStalls(DSLContext tx, long eventId, List<StallsWanted> wanted) {
        for (StallsWanted stalls : wanted) {
            tx.insertInto(EVENT_STALLS)
                    .set(EVENT_STALLS.EVENT_ID, eventId)
                    .set(EVENT_STALLS.SECTOR, stalls.sector())
                    .set(EVENT_STALLS.STALLS, stalls.stalls())
                    .execute();
        }
    }

    /** A school's own year groups going to its event. */
    static void insertGoing(DSLContext tx, long eventId, long schoolId, Long userId, List<YearGroupGoing> going) {
        if (going.isEmpty()) {
            throw new IllegalArgumentException("A school's event is for at least one year group");
        }
        for (YearGroupGoing year : going) {
            tx.insertInto(EVENT_SIGN_UP)
                    .set(EVENT_SIGN_UP.EVENT_ID, eventId)
                    .set(EVENT_SIGN_UP.SCHOOL_ID, schoolId)
                    .set(EVENT_SIGN_UP.YEAR_GROUP, (short) year.yearGroup())
                    .set(EVENT_SIGN_UP.PUPILS, year.pupils())
                    .set(EVENT_SIGN_UP.SIGNED_UP_BY_USER_ID, userId)
                    .execute();
        }
    }

    /** What a sign-up asked for and what it got. */
    public record SignedUp(long id, int pupils, Integer places) {

        /** Every pupil asked for has a place. */
        public boolean allPlaced() {
            return places == null || places == pupils;
        }
    }

    /**
     * Signs a school's year group up to a hub's event, or changes its numbers, and shares the places
     * out again; empty when the event is not open to the school (not its hub's, a school's own,
     * cancelled, or past its sign-up date).
     */
    public Optional<SignedUp> signUp(
            Actor actor,
            long eventId,
            long schoolId,
            YearGroupGoing going,
            boolean transportNeeded,
            String notes,
            LocalDate today) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            boolean open = tx.fetchExists(selectOne()
                    .from(EVENT)
                    .join(SCHOOL)
                    .on(SCHOOL.HUB_ID.eq(EVENT.HUB_ID))
                    .where(EVENT.ID.eq(eventId))
                    .and(SCHOOL.ID.eq(schoolId))
                    .and(EVENT.SCHOOL_ID.isNull())
                    .and(EVENT.STATUS.eq(EventStatus.OPEN))
                    .and(EVENT.HELD_ON.gt(today))
                    .and(EVENT.SIGN_UP_BY.isNull().or(EVENT.SIGN_UP_BY.ge(today))));
            if (!open) {
                return Optional.empty();
            }
            // one row per year group: signing up again changes the numbers
            tx.insertInto(EVENT_SIGN_UP)
                    .set(EVENT_SIGN_UP.EVENT_ID, eventId)
                    .set(EVENT_SIGN_UP.SCHOOL_ID, schoolId)
                    .set(EVENT_SIGN_UP.YEAR_GROUP, (short) going.yearGroup())
                    .set(EVENT_SIGN_UP.PUPILS, going.pupils())
                    .set(EVENT_SIGN_UP.TRANSPORT_NEEDED, transportNeeded)
                    .set(EVENT_SIGN_UP.NOTES, blankToNull(notes))
                    .set(EVENT_SIGN_UP.SIGNED_UP_BY_USER_ID, actor.userId())
                    .onConflict(EVENT_SIGN_UP.EVENT_ID, EVENT_SIGN_UP.SCHOOL_ID, EVENT_SIGN_UP.YEAR_GROUP)
                    .doUpdate()
                    .set(EVENT_SIGN_UP.PUPILS, going.pupils())
                    .set(EVENT_SIGN_UP.TRANSPORT_NEEDED, transportNeeded)
                    .set(EVENT_SIGN_UP.NOTES, blankToNull(notes))
                    .execute();
            sharePlaces(tx, eventId);
            new AuditLog(tx)
                    .record(actor, "event_signed_up", "event", eventId, Map.of("year_group", going.yearGroup()));
            return Optional.of(tx.select(EVENT_SIGN_UP.ID, EVENT_SIGN_UP.PUPILS, EVENT_SIGN_UP.PLACES)
                    .from(EVENT_SIGN_UP)
                    .where(EVENT_SIGN_UP.EVENT_ID.eq(eventId))
                    .and(EVENT_SIGN_UP.SCHOOL_ID.eq(schoolId))
                    .and(EVENT_SIGN_UP.YEAR_GROUP.eq((short) going.yearGroup()))
                    .fetchSingle(r -> new SignedUp(r.value1(), r.value2(), r.value3())));
        });
    }

    /**
     * Takes a school's year group off a hub's event before its day, and shares the places out again
     * (another school's year group may now have all it asked for); false when there was no such
     * sign-up or the event's day has come.
     */
    public boolean withdraw(Actor actor, long eventId, long schoolId, int yearGroup, LocalDate today) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            int withdrawn = tx.deleteFrom(EVENT_SIGN_UP)
                    .where(EVENT_SIGN_UP.EVENT_ID.eq(eventId))
                    .and(EVENT_SIGN_UP.SCHOOL_ID.eq(schoolId))
                    .and(EVENT_SIGN_UP.YEAR_GROUP.eq((short) yearGroup))
                    .and(EVENT_SIGN_UP.EVENT_ID.in(select(EVENT.ID)
                            .from(EVENT)
                            .where(EVENT.SCHOOL_ID.isNull())
                            .and(EVENT.HELD_ON.gt(today))))
                    .execute();
            if (withdrawn == 0) {
                return false;
            }
            sharePlaces(tx, eventId);
            new AuditLog(tx)
                    .record(actor, "event_sign_up_withdrawn", "event", eventId, Map.of("year_group", yearGroup));
            return true;
        });
    }

    /** A sign-up waiting for places, with what puts it first. */
    private record Claim(long id, int pupils, boolean coldSpot, double disadvantagedShare, long order) {}

    /**
     * Shares a full event's places: cold-spot schools first, then the year groups with the most
     * disadvantaged pupils for their size, then the earliest to sign up, each given what it asked
     * while places last. An event with room for everyone gives every sign-up all it asked.
     */
    static void sharePlaces(DSLContext tx, long eventId) {
        Integer capacity = tx.select(EVENT.CAPACITY)
                .from(EVENT)
                .where(EVENT.ID.eq(eventId))
                .fetchSingle(EVENT.CAPACITY);
        Field<BigDecimal> disadvantaged =
                avg(when(PUPIL.DISADVANTAGED, BigDecimal.ONE).otherwise(BigDecimal.ZERO));
        Field<BigDecimal> share = tx.select(disadvantaged)
                .from(PUPIL)
                .where(PUPIL.SCHOOL_ID.eq(EVENT_SIGN_UP.SCHOOL_ID))
                .and(PUPIL.YEAR_GROUP.eq(EVENT_SIGN_UP.YEAR_GROUP))
                .and(PUPIL.ARCHIVED_ON.isNull())
                .asField("share");
        List<Claim> claims = new ArrayList<>(tx.select(
                        EVENT_SIGN_UP.ID, EVENT_SIGN_UP.PUPILS, SCHOOL.DEPRIVATION_DECILE, share)
                .from(EVENT_SIGN_UP)
                .join(SCHOOL)
                .on(SCHOOL.ID.eq(EVENT_SIGN_UP.SCHOOL_ID))
                .where(EVENT_SIGN_UP.EVENT_ID.eq(eventId))
                .orderBy(EVENT_SIGN_UP.CREATED_AT, EVENT_SIGN_UP.ID)
                .fetch(r -> new Claim(
                        r.value1(),
                        r.value2(),
                        ColdSpot.is(r.value3() == null ? null : r.value3().intValue()),
                        r.value4() == null ? 0 : r.value4().doubleValue(),
                        r.value1())));
        int asked = claims.stream().mapToInt(Claim::pupils).sum();
        Map<Long, Integer> places = new HashMap<>();
        if (capacity != null && asked > capacity) {
            claims.sort(Comparator.comparing((Claim claim) -> !claim.coldSpot())
                    .thenComparing(Comparator.comparingDouble(Claim::disadvantagedShare)
                            .reversed())
                    .thenComparingLong(Claim::order));
            int left = capacity;
            for (Claim claim : claims) {
                int given = Math.min(claim.pupils(), left);
                places.put(claim.id(), given);
                left -= given;
            }
        }
        for (Claim claim : claims) {
            tx.update(EVENT_SIGN_UP)
                    .set(EVENT_SIGN_UP.PLACES, places.get(claim.id()))
                    .where(EVENT_SIGN_UP.ID.eq(claim.id()))
                    .execute();
        }
    }

    /** The events a school can see: those it posted, and its hub's. */
    public static Condition visibleTo(long schoolId) {
        return EVENT.SCHOOL_ID
                .eq(schoolId)
                .or(EVENT.SCHOOL_ID
                        .isNull()
                        .and(EVENT.HUB_ID.in(select(SCHOOL.HUB_ID).from(SCHOOL).where(SCHOOL.ID.eq(schoolId)))));
    }

    /** An event as a list shows it. */
    public record EventSummary(
            long id,
            EventKind kind,
            String title,
            LocalDate heldOn,
            String period,
            boolean hubEvent,
            EventStatus status,
            int stallsWanted,
            int stallsBooked,
            int pupilsGoing) {

        public boolean stallsAllBooked() {
            return stallsBooked >= stallsWanted;
        }
    }

    /** A school's events (its own and its hub's) or a hub's, soonest first. */
    public List<EventSummary> list(Condition which) {
        Field<Integer> stalls = select(sum(EVENT_STALLS.STALLS).cast(Integer.class))
                .from(EVENT_STALLS)
                .where(EVENT_STALLS.EVENT_ID.eq(EVENT.ID))
                .asField("stalls");
        Field<Integer> booked = select(count())
                .from(BOOKING)
                .where(BOOKING.EVENT_ID.eq(EVENT.ID))
                .and(BOOKING.STATUS.in(BookingStatus.PUBLISHED, BookingStatus.CONFIRMED, BookingStatus.DELIVERED))
                .asField("booked");
        Field<Integer> going = select(sum(coalesce(EVENT_SIGN_UP.PLACES, EVENT_SIGN_UP.PUPILS))
                        .cast(Integer.class))
                .from(EVENT_SIGN_UP)
                .where(EVENT_SIGN_UP.EVENT_ID.eq(EVENT.ID))
                .asField("going");
        return dsl.select(
                        EVENT.ID,
                        EVENT.KIND,
                        EVENT.TITLE,
                        EVENT.HELD_ON,
                        EVENT.PERIOD,
                        EVENT.SCHOOL_ID.isNull(),
                        EVENT.STATUS,
                        stalls,
                        booked,
                        going)
                .from(EVENT)
                .where(which)
                .orderBy(EVENT.HELD_ON, EVENT.ID)
                .fetch(r -> new EventSummary(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value6(),
                        r.value7(),
                        r.value8() == null ? 0 : r.value8(),
                        r.value9(),
                        r.value10() == null ? 0 : r.value10()));
    }

    /** A year group going, as the event's page lists it. */
    public record SignUpRow(
            long id,
            long schoolId,
            String schoolName,
            int yearGroup,
            int pupils,
            Integer places,
            boolean transportNeeded,
            String notes) {

        /** The pupils who have places. */
        public int going() {
            return places == null ? pupils : places;
        }

        /** Fewer places than pupils asked for: the event was full. */
        public boolean placesShort() {
            return places != null && places < pupils;
        }
    }

    /** A stall the round asked an employer for. */
    public record StallRow(long bookingId, String employerName, String sector, BookingStatus status) {}

    /** An event with all its page shows. */
    public record EventView(
            long id,
            long hubId,
            Long schoolId,
            String schoolName,
            EventKind kind,
            String title,
            LocalDate heldOn,
            String period,
            String venueName,
            String venuePostcode,
            boolean online,
            Integer capacity,
            LocalDate signUpBy,
            EventStatus status,
            List<StallsWanted> stallsWanted,
            List<SignUpRow> signUps,
            List<StallRow> stalls) {

        public boolean hubEvent() {
            return schoolId == null;
        }

        public String date() {
            return DateStyle.of(heldOn);
        }

        public String periodLabel() {
            return SchoolDay.label(period);
        }

        public String signUpByDate() {
            return signUpBy == null ? "" : DateStyle.of(signUpBy);
        }

        /** Where it is, in words: the school, the venue and its postcode, or online. */
        public String place() {
            if (online) {
                return "Online";
            }
            if (venueName != null) {
                return venuePostcode == null ? venueName : venueName + ", " + venuePostcode;
            }
            return schoolName;
        }

        public int stallsWantedCount() {
            return stallsWanted.stream().mapToInt(StallsWanted::stalls).sum();
        }

        /** Stalls an employer has been asked for (published), agreed or given. */
        public int stallsAsked() {
            return (int) stalls.stream()
                    .filter(s -> BookingStatus.HELD.contains(s.status()))
                    .count();
        }

        public int pupilsGoing() {
            return signUps.stream().mapToInt(SignUpRow::going).sum();
        }

        /** Whether schools may still sign up on {@code today}. */
        public boolean openForSignUp(LocalDate today) {
            return hubEvent()
                    && status == EventStatus.OPEN
                    && heldOn.isAfter(today)
                    && (signUpBy == null || !signUpBy.isBefore(today));
        }

        public List<SignUpRow> signUpsOf(long schoolId) {
            return signUps.stream().filter(s -> s.schoolId() == schoolId).toList();
        }
    }

    /** The event, when {@code visible} (a school's or a hub's view) lets it be seen. */
    public Optional<EventView> find(long eventId, Condition visible) {
        var event = dsl.select(EVENT.asterisk(), SCHOOL.NAME)
                .from(EVENT)
                .leftJoin(SCHOOL)
                .on(SCHOOL.ID.eq(EVENT.SCHOOL_ID))
                .where(EVENT.ID.eq(eventId))
                .and(visible)
                .fetchOptional();
        if (event.isEmpty()) {
            return Optional.empty();
        }
        var r = event.get();
        List<StallsWanted> wanted = dsl.selectFrom(EVENT_STALLS)
                .where(EVENT_STALLS.EVENT_ID.eq(eventId))
                .orderBy(EVENT_STALLS.SECTOR.nullsFirst(), EVENT_STALLS.ID)
                .fetch(w -> new StallsWanted(w.getSector(), w.getStalls()));
        List<SignUpRow> signUps = dsl.select(
                        EVENT_SIGN_UP.ID,
                        EVENT_SIGN_UP.SCHOOL_ID,
                        SCHOOL.NAME,
                        EVENT_SIGN_UP.YEAR_GROUP,
                        EVENT_SIGN_UP.PUPILS,
                        EVENT_SIGN_UP.PLACES,
                        EVENT_SIGN_UP.TRANSPORT_NEEDED,
                        EVENT_SIGN_UP.NOTES)
                .from(EVENT_SIGN_UP)
                .join(SCHOOL)
                .on(SCHOOL.ID.eq(EVENT_SIGN_UP.SCHOOL_ID))
                .where(EVENT_SIGN_UP.EVENT_ID.eq(eventId))
                .orderBy(SCHOOL.NAME, EVENT_SIGN_UP.YEAR_GROUP)
                .fetch(u -> new SignUpRow(
                        u.value1(),
                        u.value2(),
                        u.value3(),
                        u.value4(),
                        u.value5(),
                        u.value6(),
                        u.value7(),
                        u.value8() == null ? "" : u.value8()));
        List<StallRow> stalls = dsl.select(BOOKING.ID, EMPLOYER.NAME, OFFER.SECTOR, BOOKING.STATUS)
                .from(BOOKING)
                .join(OFFER)
                .on(OFFER.ID.eq(BOOKING.OFFER_ID))
                .join(EMPLOYER)
                .on(EMPLOYER.ID.eq(OFFER.EMPLOYER_ID))
                .where(BOOKING.EVENT_ID.eq(eventId))
                // a round's proposal is the coordinator's until published
                .and(BOOKING.STATUS.ne(BookingStatus.PROPOSED))
                .orderBy(EMPLOYER.NAME, BOOKING.ID)
                .fetch(b -> new StallRow(b.value1(), b.value2(), b.value3(), b.value4()));
        return Optional.of(new EventView(
                eventId,
                r.get(EVENT.HUB_ID),
                r.get(EVENT.SCHOOL_ID),
                r.get(SCHOOL.NAME),
                r.get(EVENT.KIND),
                r.get(EVENT.TITLE),
                r.get(EVENT.HELD_ON),
                r.get(EVENT.PERIOD),
                r.get(EVENT.VENUE_NAME),
                r.get(EVENT.VENUE_POSTCODE),
                r.get(EVENT.ONLINE),
                r.get(EVENT.CAPACITY),
                r.get(EVENT.SIGN_UP_BY),
                r.get(EVENT.STATUS),
                wanted,
                signUps,
                stalls));
    }

    /** A hub's events. */
    public static Condition ofHub(long hubId) {
        return EVENT.HUB_ID.eq(hubId);
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

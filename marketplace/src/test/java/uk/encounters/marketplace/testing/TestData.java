package uk.encounters.marketplace.testing;

import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.BOOKING_PUPIL;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER_HUB_PRESENCE;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.LOGIN_TOKEN;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.OFFER_AVAILABILITY;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.ROUND_UNMATCHED;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER_OF_THE_YEAR;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.LoginTokenRepository;
import uk.encounters.marketplace.account.SecretToken;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.booking.SchoolBookingChanges;
import uk.encounters.marketplace.booking.SchoolBookingRepository;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.school.SchoolPhase;

/**
 * Small, explicit fixtures for tests: each method inserts one row with sensible defaults and
 * returns its id, so a test states only what matters to it.
 */
public final class TestData {

    private static final AtomicInteger sequence = new AtomicInteger(100_000);

    private final DSLContext dsl;

    public TestData(DSLContext dsl) {
        this.dsl = dsl;
    }

    public long hub(String name) {
        return dsl.insertInto(HUB, HUB.NAME, HUB.AREA)
                .values(name, "test")
                .returning(HUB.ID)
                .fetchOne()
                .getId();
    }

    public long school(long hubId, String name) {
        return dsl.insertInto(SCHOOL, SCHOOL.HUB_ID, SCHOOL.URN, SCHOOL.NAME, SCHOOL.PHASE)
                .values(hubId, sequence.incrementAndGet(), name, SchoolPhase.SECONDARY)
                .returning(SCHOOL.ID)
                .fetchOne()
                .getId();
    }

    /** A school at a postcode and a position, any of them null when unknown. */
    public long school(long hubId, String name, String postcode, Double latitude, Double longitude) {
        long id = school(hubId, name);
        dsl.update(SCHOOL)
                .set(SCHOOL.POSTCODE, postcode)
                .set(SCHOOL.LATITUDE, latitude)
                .set(SCHOOL.LONGITUDE, longitude)
                .where(SCHOOL.ID.eq(id))
                .execute();
        return id;
    }

    public long pupil(long schoolId, int yearGroup) {
        return dsl.insertInto(PUPIL, PUPIL.SCHOOL_ID, PUPIL.REFERENCE, PUPIL.YEAR_GROUP)
                .values(schoolId, "P" + sequence.incrementAndGet(), (short) yearGroup)
                .returning(PUPIL.ID)
                .fetchOne()
                .getId();
    }

    public void archive(long pupilId, LocalDate on) {
        dsl.update(PUPIL).set(PUPIL.ARCHIVED_ON, on).where(PUPIL.ID.eq(pupilId)).execute();
    }

    /** An encounter from outside the marketplace (history), attended or not. */
    public void encounter(long pupilId, LocalDate on, boolean attended) {
        encounter(pupilId, "careers_talk", on, attended);
    }

    /** The same of a type (its code: "workplace_visit" counts for Benchmark 6). */
    public void encounter(long pupilId, String type, LocalDate on, boolean attended) {
        dsl.insertInto(
                        ENCOUNTER,
                        ENCOUNTER.PUPIL_ID,
                        ENCOUNTER.ENCOUNTER_TYPE,
                        ENCOUNTER.OCCURRED_ON,
                        ENCOUNTER.ATTENDED,
                        ENCOUNTER.PROVIDER_NAME)
                .values(pupilId, type, on, attended, "A local employer")
                .execute();
    }

    /** The pupil's attendance (or absence) at a booking, on its first day, as the school records it. */
    public void attendance(long bookingId, long pupilId, boolean attended) {
        LocalDate on = dsl.fetchValue(BOOKING.STARTS_ON, BOOKING.ID.eq(bookingId));
        String type = dsl.fetchValue(BOOKING.ENCOUNTER_TYPE, BOOKING.ID.eq(bookingId));
        dsl.insertInto(
                        ENCOUNTER,
                        ENCOUNTER.PUPIL_ID,
                        ENCOUNTER.BOOKING_ID,
                        ENCOUNTER.ENCOUNTER_TYPE,
                        ENCOUNTER.OCCURRED_ON,
                        ENCOUNTER.ATTENDED)
                .values(pupilId, bookingId, type, on, attended)
                .execute();
    }

    /** An organisation registered by the hub, and present in it. */
    public long employer(long hubId, String name) {
        long id = dsl.insertInto(
                        EMPLOYER,
                        EMPLOYER.REGISTERED_IN_HUB_ID,
                        EMPLOYER.NAME,
                        EMPLOYER.NORMALISED_NAME,
                        EMPLOYER.POSTCODE,
                        EMPLOYER.SIZE_BAND,
                        EMPLOYER.SECTOR)
                .values(
                        hubId,
                        name,
                        name.toLowerCase() + " " + sequence.incrementAndGet(),
                        "DE1 1AA",
                        "small",
                        "Manufacturing")
                .returning(EMPLOYER.ID)
                .fetchOne()
                .getId();
        present(id, hubId);
        return id;
    }

    /** The organisation works with this hub too. */
    public void present(long employerId, long hubId) {
        dsl.insertInto(EMPLOYER_HUB_PRESENCE, EMPLOYER_HUB_PRESENCE.EMPLOYER_ID, EMPLOYER_HUB_PRESENCE.HUB_ID)
                .values(employerId, hubId)
                .execute();
    }

    /** Sets the organisation's standing in one hub it works with. */
    public void presence(long employerId, long hubId, boolean cornerstone, int maxAsksPerMonth) {
        dsl.update(EMPLOYER_HUB_PRESENCE)
                .set(EMPLOYER_HUB_PRESENCE.CORNERSTONE, cornerstone)
                .set(EMPLOYER_HUB_PRESENCE.MAX_ASKS_PER_MONTH, (short) maxAsksPerMonth)
                .where(EMPLOYER_HUB_PRESENCE.EMPLOYER_ID.eq(employerId))
                .and(EMPLOYER_HUB_PRESENCE.HUB_ID.eq(hubId))
                .execute();
    }

    public long volunteer(long employerId) {
        return volunteer(employerId, "Sam Volunteer");
    }

    public long volunteer(long employerId, String name) {
        return dsl.insertInto(VOLUNTEER, VOLUNTEER.EMPLOYER_ID, VOLUNTEER.NAME, VOLUNTEER.EMAIL)
                .values(employerId, name, "sam" + sequence.incrementAndGet() + "@example.org")
                .returning(VOLUNTEER.ID)
                .fetchOne()
                .getId();
    }

    /** The hub names the volunteer its volunteer of the year starting in {@code startYear}; answers the naming's id. */
    public long volunteerOfTheYear(long hubId, long volunteerId, int startYear, String citation) {
        return dsl.insertInto(
                        VOLUNTEER_OF_THE_YEAR,
                        VOLUNTEER_OF_THE_YEAR.HUB_ID,
                        VOLUNTEER_OF_THE_YEAR.VOLUNTEER_ID,
                        VOLUNTEER_OF_THE_YEAR.ACADEMIC_YEAR,
                        VOLUNTEER_OF_THE_YEAR.CITATION)
                .values(hubId, volunteerId, (short) startYear, citation)
                .returning(VOLUNTEER_OF_THE_YEAR.ID)
                .fetchOne()
                .getId();
    }

    /** An offer made to the hub that registered the organisation. */
    public long offer(long employerId, OfferStatus status, LocalDate availableUntil) {
        long hubId = dsl.fetchValue(EMPLOYER.REGISTERED_IN_HUB_ID, EMPLOYER.ID.eq(employerId));
        return offer(employerId, hubId, status, availableUntil);
    }

    public long offer(long employerId, long hubId, OfferStatus status, LocalDate availableUntil) {
        return dsl.insertInto(
                        OFFER,
                        OFFER.EMPLOYER_ID,
                        OFFER.HUB_ID,
                        OFFER.ENCOUNTER_TYPE,
                        OFFER.TITLE,
                        OFFER.SECTOR,
                        OFFER.IN_SCHOOL,
                        OFFER.PUPILS_MAX,
                        OFFER.STATUS,
                        OFFER.AVAILABLE_FROM,
                        OFFER.AVAILABLE_UNTIL)
                .values(
                        employerId,
                        hubId,
                        "careers_talk",
                        "A careers talk",
                        "Manufacturing",
                        true,
                        30,
                        status,
                        availableUntil.minusMonths(6),
                        availableUntil)
                .returning(OFFER.ID)
                .fetchOne()
                .getId();
    }

    /** Work-experience places at the organisation's workplace, offered to the hub that registered it. */
    public long workExperienceOffer(long employerId, OfferStatus status, LocalDate availableUntil) {
        long offer = offer(employerId, status, availableUntil);
        dsl.update(OFFER)
                .set(OFFER.ENCOUNTER_TYPE, "work_experience")
                .set(OFFER.IN_SCHOOL, false)
                .set(OFFER.AT_WORKPLACE, true)
                .where(OFFER.ID.eq(offer))
                .execute();
        return offer;
    }

    /**
     * The host's active offer of {@code places} work-experience places in each week starting on
     * the Mondays given, as its offer form writes it, for the round to match; supervised by a
     * volunteer whose safeguarding check holds to then, as the round requires of a placement.
     */
    public long placementWeeks(long employerId, int places, LocalDate... mondays) {
        LocalDate last =
                java.util.Arrays.stream(mondays).max(LocalDate::compareTo).orElseThrow();
        long offer = workExperienceOffer(employerId, OfferStatus.ACTIVE, last.plusDays(4));
        long supervisor = volunteer(employerId);
        dsl.update(VOLUNTEER)
                .set(VOLUNTEER.SAFEGUARDING_CHECKED_UNTIL, last.plusYears(1))
                .where(VOLUNTEER.ID.eq(supervisor))
                .execute();
        dsl.update(OFFER)
                .set(OFFER.VOLUNTEER_ID, supervisor)
                .set(OFFER.PLACES, places)
                .set(OFFER.PUPILS_MAX, places)
                .set(OFFER.MAX_SESSIONS, mondays.length)
                .where(OFFER.ID.eq(offer))
                .execute();
        for (LocalDate monday : mondays) {
            dsl.insertInto(OFFER_AVAILABILITY)
                    .set(OFFER_AVAILABILITY.OFFER_ID, offer)
                    .set(OFFER_AVAILABILITY.AVAILABLE_ON, monday)
                    .set(OFFER_AVAILABILITY.PERIOD, "all_day")
                    .execute();
        }
        return offer;
    }

    /**
     * An active offer of a stall at events ({@code careers_fair}) on one day's {@code period}, in
     * school for up to 60 pupils at a time, given by a volunteer.
     */
    public long stallOffer(long employerId, LocalDate day, String period) {
        long offer = offer(employerId, OfferStatus.ACTIVE, day.plusMonths(1));
        dsl.update(OFFER)
                .set(OFFER.ENCOUNTER_TYPE, "careers_fair")
                .set(OFFER.TITLE, "A careers fair stall")
                .set(OFFER.VOLUNTEER_ID, volunteer(employerId))
                .set(OFFER.PUPILS_MAX, 60)
                .set(OFFER.TRAVEL_RADIUS_KM, java.math.BigDecimal.valueOf(30))
                .where(OFFER.ID.eq(offer))
                .execute();
        dsl.insertInto(OFFER_AVAILABILITY)
                .set(OFFER_AVAILABILITY.OFFER_ID, offer)
                .set(OFFER_AVAILABILITY.AVAILABLE_ON, day)
                .set(OFFER_AVAILABILITY.PERIOD, period)
                .execute();
        return offer;
    }

    /** Someone with an account and no role yet. */
    public long user() {
        return dsl.insertInto(APP_USER, APP_USER.EMAIL, APP_USER.DISPLAY_NAME)
                .values("person" + sequence.incrementAndGet() + "@example.org", "A Person")
                .returning(APP_USER.ID)
                .fetchOne()
                .getId();
    }

    public long request(long schoolId, int yearGroup, RequestStatus status, LocalDate from) {
        return dsl.insertInto(
                        REQUEST,
                        REQUEST.SCHOOL_ID,
                        REQUEST.YEAR_GROUP,
                        REQUEST.ENCOUNTER_TYPE,
                        REQUEST.PUPILS,
                        REQUEST.WINDOW_START,
                        REQUEST.WINDOW_END,
                        REQUEST.STATUS)
                .values(schoolId, (short) yearGroup, "careers_talk", 30, from, from.plusWeeks(4), status)
                .returning(REQUEST.ID)
                .fetchOne()
                .getId();
    }

    /**
     * An open request for {@code units} sessions of a type for three weeks from {@code from}
     * (places, for work experience, which is at the workplace), preferring {@code sectors}
     * (null for any); in school, or online only.
     */
    public long openRequest(
            long schoolId, int yearGroup, String type, int units, String sectors, boolean online, LocalDate from) {
        boolean placement = type.equals("work_experience");
        return dsl.insertInto(REQUEST)
                .set(REQUEST.SCHOOL_ID, schoolId)
                .set(REQUEST.YEAR_GROUP, (short) yearGroup)
                .set(REQUEST.ENCOUNTER_TYPE, type)
                .set(REQUEST.PUPILS, placement ? units : 30)
                .set(REQUEST.SESSIONS, placement ? 1 : units)
                .set(REQUEST.WINDOW_START, from)
                .set(REQUEST.WINDOW_END, from.plusWeeks(3))
                .set(REQUEST.PREFERRED_SECTORS, sectors)
                .set(REQUEST.IN_SCHOOL, !online && !placement)
                .set(REQUEST.AT_WORKPLACE, placement)
                .set(REQUEST.ONLINE, online)
                .set(REQUEST.STATUS, RequestStatus.OPEN)
                .returning(REQUEST.ID)
                .fetchOne()
                .getId();
    }

    /**
     * The reply link a digest would carry for the booking, with a known secret: working until the
     * booking's last day has passed, as publication makes it.
     */
    public void replyLink(long bookingId, String token) {
        LocalDate endsOn = dsl.fetchValue(BOOKING.ENDS_ON, BOOKING.ID.eq(bookingId));
        dsl.insertInto(
                        LOGIN_TOKEN,
                        LOGIN_TOKEN.TOKEN_HASH,
                        LOGIN_TOKEN.PURPOSE,
                        LOGIN_TOKEN.SUBJECT_ID,
                        LOGIN_TOKEN.EXPIRES_AT)
                .values(
                        SecretToken.hashOf(token),
                        LoginTokenRepository.Purpose.BOOKING_REPLY.code(),
                        bookingId,
                        endsOn.plusDays(1)
                                .atStartOfDay(java.time.ZoneId.of("Europe/London"))
                                .toOffsetDateTime())
                .execute();
    }

    /** The round left one session of the request unmatched, for these reasons (one a line). */
    public void unmatched(long roundId, long requestId, String reasons) {
        dsl.insertInto(
                        ROUND_UNMATCHED,
                        ROUND_UNMATCHED.ROUND_ID,
                        ROUND_UNMATCHED.REQUEST_ID,
                        ROUND_UNMATCHED.SESSIONS,
                        ROUND_UNMATCHED.REASONS)
                .values(roundId, requestId, 1, reasons)
                .execute();
    }

    public long booking(long requestId, long offerId, Long volunteerId, LocalDate on, BookingStatus status) {
        return dsl.insertInto(
                        BOOKING,
                        BOOKING.REQUEST_ID,
                        BOOKING.OFFER_ID,
                        BOOKING.ENCOUNTER_TYPE,
                        BOOKING.VOLUNTEER_ID,
                        BOOKING.STARTS_ON,
                        BOOKING.ENDS_ON,
                        BOOKING.PERIOD,
                        BOOKING.PUPILS,
                        BOOKING.STATUS)
                .values(requestId, offerId, "careers_talk", volunteerId, on, on, "morning", 30, status)
                .returning(BOOKING.ID)
                .fetchOne()
                .getId();
    }

    /** A work-experience booking of the offer for the request, for {@code pupils} places over the days given. */
    public long placementBooking(
            long requestId, long offerId, LocalDate from, LocalDate to, int pupils, BookingStatus status) {
        return dsl.insertInto(BOOKING)
                .set(BOOKING.REQUEST_ID, requestId)
                .set(BOOKING.OFFER_ID, offerId)
                .set(BOOKING.ENCOUNTER_TYPE, "work_experience")
                .set(BOOKING.STARTS_ON, from)
                .set(BOOKING.ENDS_ON, to)
                .set(BOOKING.PERIOD, "all_day")
                .set(BOOKING.PUPILS, pupils)
                .set(BOOKING.STATUS, status)
                .returning(BOOKING.ID)
                .fetchOne()
                .getId();
    }

    /**
     * A confirmed work-experience booking at the host for {@code places} Year 10 pupils of the school,
     * from a matched request and the host's offer, over the days given.
     */
    public long workExperienceBooking(long schoolId, long hostId, LocalDate from, LocalDate to, int places) {
        long offer = workExperienceOffer(hostId, OfferStatus.ACTIVE, to.plusMonths(1));
        long request = openRequest(schoolId, 10, "work_experience", places, null, false, from.minusWeeks(1));
        dsl.update(REQUEST)
                .set(REQUEST.STATUS, RequestStatus.MATCHED)
                .where(REQUEST.ID.eq(request))
                .execute();
        return placementBooking(request, offer, from, to, places, BookingStatus.CONFIRMED);
    }

    /**
     * {@link #workExperienceBooking} with that many new Year 10 pupils chosen for it, as the school
     * chooses them (each gets a placement); answers the pupils' ids.
     */
    public List<Long> placed(long schoolId, long hostId, LocalDate from, LocalDate to, int pupils) {
        long booking = workExperienceBooking(schoolId, hostId, from, to, pupils);
        java.util.Set<Long> chosen = new java.util.LinkedHashSet<>();
        for (int i = 0; i < pupils; i++) {
            chosen.add(pupil(schoolId, 10));
        }
        new SchoolBookingChanges(
                        dsl, java.time.Clock.systemUTC(), ExampleLinks.cancellations(java.time.Clock.systemUTC()))
                .choosePupils(
                        uk.encounters.marketplace.account.Actor.anonymous(null),
                        new SchoolBookingRepository(dsl).find(schoolId, booking).orElseThrow(),
                        chosen);
        return List.copyOf(chosen);
    }

    /** Makes the request and the offer a workplace visit's: at the employer's, not in school. */
    public void atWorkplace(long requestId, long offerId) {
        dsl.update(OFFER)
                .set(OFFER.IN_SCHOOL, false)
                .set(OFFER.AT_WORKPLACE, true)
                .where(OFFER.ID.eq(offerId))
                .execute();
        dsl.update(REQUEST)
                .set(REQUEST.IN_SCHOOL, false)
                .set(REQUEST.AT_WORKPLACE, true)
                .where(REQUEST.ID.eq(requestId))
                .execute();
    }

    /** The pupil's attendance at a booking's careers talk on {@code on}, as the school records it. */
    public void attendance(long bookingId, long pupilId, LocalDate on, boolean attended) {
        dsl.insertInto(
                        ENCOUNTER,
                        ENCOUNTER.PUPIL_ID,
                        ENCOUNTER.BOOKING_ID,
                        ENCOUNTER.ENCOUNTER_TYPE,
                        ENCOUNTER.OCCURRED_ON,
                        ENCOUNTER.ATTENDED)
                .values(pupilId, bookingId, "careers_talk", on, attended)
                .execute();
    }

    public void choose(long bookingId, long pupilId) {
        dsl.insertInto(BOOKING_PUPIL, BOOKING_PUPIL.BOOKING_ID, BOOKING_PUPIL.PUPIL_ID)
                .values(bookingId, pupilId)
                .execute();
    }
}

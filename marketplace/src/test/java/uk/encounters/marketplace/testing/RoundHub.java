package uk.encounters.marketplace.testing;

import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.OFFER_AVAILABILITY;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.USER_SCOPE;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jooq.DSLContext;
import uk.encounters.marketplace.calendar.Horizon;
import uk.encounters.marketplace.calendar.SchoolCalendar;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.round.RoundProblem;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.solver.MatchingWeights;

/**
 * A small hub for matching-round tests, planned from Monday 23 November 2026, with its rows as
 * the tests name them.
 */
public record RoundHub(
        long id,
        long northSchool,
        long southSchool,
        long talkEmployer,
        long secondEmployer,
        long northTalks,
        long southTalk,
        long southInterviews) {

    /** A Thursday: a round run today plans from the Monday after, 23 November 2026, for six school weeks. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 19);

    public static final Clock CLOCK =
            Clock.fixed(TODAY.atTime(9, 0).atZone(ZoneId.of("Europe/London")).toInstant(), ZoneId.of("Europe/London"));

    /**
     * Two Derby schools (the south one a cold spot) each asking for Year 9 careers talks, the south
     * one also for mock interviews nobody offers; two employers who give talks in school.
     */
    /** The problem a weekly round run {@link #TODAY} loads: six school weeks from Mon 23 Nov 2026, default weights. */
    public MatchingProblem problem(DSLContext dsl) {
        return new RoundProblem(dsl)
                .load(
                        new RoundProblem.Scope(
                                id,
                                null,
                                Horizon.between(
                                        SchoolCalendar.ENGLAND, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 12, 18)),
                                TODAY,
                                null),
                        MatchingWeights.defaultWeights());
    }

    public static RoundHub create(DSLContext dsl, String name) {
        TestData data = new TestData(dsl);
        long hub = data.hub(name);
        long north = school(dsl, data, hub, "North Academy", 52.95, -1.48, 7);
        long south = school(dsl, data, hub, "South School", 52.89, -1.47, 1);
        for (int i = 0; i < 60; i++) {
            data.pupil(north, 9);
            data.pupil(south, 9);
        }
        long talks = employer(dsl, data, hub, "Talking Engineers", "small", 52.92, -1.47);
        long second = employer(dsl, data, hub, "Second Firm", "medium", 52.90, -1.46);
        offer(dsl, data, talks, 2, "morning");
        offer(dsl, data, second, 3, "afternoon");
        contact(dsl, "talks-" + hub + "@example.org", "employer", null, talks);
        contact(dsl, "leader-" + hub + "@example.org", "careers_leader", north, null);
        long northTalks = request(dsl, north, "careers_talk", 2);
        long southTalk = request(dsl, south, "careers_talk", 1);
        long southInterviews = request(dsl, south, "mock_interviews", 1);
        return new RoundHub(hub, north, south, talks, second, northTalks, southTalk, southInterviews);
    }

    private static long school(
            DSLContext dsl, TestData data, long hub, String name, double lat, double lon, int decile) {
        long id = data.school(hub, name);
        dsl.update(SCHOOL)
                .set(SCHOOL.LATITUDE, lat)
                .set(SCHOOL.LONGITUDE, lon)
                .set(SCHOOL.DEPRIVATION_DECILE, (short) decile)
                .where(SCHOOL.ID.eq(id))
                .execute();
        return id;
    }

    private static long employer(
            DSLContext dsl, TestData data, long hub, String name, String size, double lat, double lon) {
        long id = data.employer(hub, name);
        dsl.update(EMPLOYER)
                .set(EMPLOYER.SIZE_BAND, size)
                .set(EMPLOYER.LATITUDE, lat)
                .set(EMPLOYER.LONGITUDE, lon)
                .where(EMPLOYER.ID.eq(id))
                .execute();
        data.presence(id, hub, false, 4);
        return id;
    }

    /** A careers talk in school for Years 7-11, up to 60 pupils, every {@code weekday} in the period, given by a volunteer. */
    private static void offer(DSLContext dsl, TestData data, long employer, int weekday, String period) {
        long volunteer = data.volunteer(employer);
        long offer = data.offer(employer, OfferStatus.ACTIVE, LocalDate.of(2027, 3, 31));
        dsl.update(OFFER)
                .set(OFFER.VOLUNTEER_ID, volunteer)
                .set(OFFER.YEAR_GROUP_MAX, (short) 11)
                .set(OFFER.PUPILS_MAX, 60)
                .set(OFFER.MAX_SESSIONS, 6)
                .set(OFFER.TRAVEL_RADIUS_KM, java.math.BigDecimal.valueOf(25))
                .where(OFFER.ID.eq(offer))
                .execute();
        dsl.insertInto(
                        OFFER_AVAILABILITY,
                        OFFER_AVAILABILITY.OFFER_ID,
                        OFFER_AVAILABILITY.WEEKDAY,
                        OFFER_AVAILABILITY.PERIOD)
                .values(offer, (short) weekday, period)
                .execute();
    }

    private static long request(DSLContext dsl, long school, String type, int sessions) {
        return dsl.insertInto(
                        REQUEST,
                        REQUEST.SCHOOL_ID,
                        REQUEST.YEAR_GROUP,
                        REQUEST.ENCOUNTER_TYPE,
                        REQUEST.PUPILS,
                        REQUEST.SESSIONS,
                        REQUEST.WINDOW_START,
                        REQUEST.WINDOW_END)
                .values(school, (short) 9, type, 30, sessions, LocalDate.of(2026, 11, 23), LocalDate.of(2026, 12, 18))
                .returning(REQUEST.ID)
                .fetchOne()
                .getId();
    }

    private static void contact(DSLContext dsl, String email, String role, Long school, Long employer) {
        long user = dsl.insertInto(APP_USER, APP_USER.EMAIL, APP_USER.DISPLAY_NAME)
                .values(email, "Contact")
                .returning(APP_USER.ID)
                .fetchOne()
                .getId();
        dsl.insertInto(USER_SCOPE, USER_SCOPE.USER_ID, USER_SCOPE.ROLE, USER_SCOPE.SCHOOL_ID, USER_SCOPE.EMPLOYER_ID)
                .values(user, role, school, employer)
                .execute();
    }
}

package uk.encounters.marketplace.report;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.FEEDBACK;
import static uk.encounters.marketplace.jooq.Tables.MATCHING_ROUND;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.PUPIL_FEEDBACK;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.feedback.PupilAnswer;
import uk.encounters.marketplace.hub.Coverage;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.pupil.Rollover;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.round.RoundStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;

/**
 * The hub's and a school's report set against counts made independently in SQL here, and the
 * year's figures kept through the rollover so that last year stands beside this one.
 */
class ReportsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final AcademicYear THIS_YEAR = AcademicYear.containing(TODAY);
    static long hub;
    static long alvaston;
    static long bemrose;
    static long given;

    @BeforeAll
    static void hubWithTwoSchools() {
        TestData data = new TestData(db.dsl());
        hub = data.hub("Report hub");
        long otherHub = data.hub("Elsewhere hub");
        alvaston = data.school(hub, "Alvaston Academy");
        bemrose = data.school(hub, "Bemrose School");
        // Alvaston: a Year 9 disadvantaged pupil with a talk this year; a Year 9 pupil with SEND and nothing;
        // a Year 11 pupil both disadvantaged and with SEND, a workplace visit last year and a talk this year;
        // a Year 11 pupil with a talk this year and a missed one
        long a1 = flagged(data.pupil(alvaston, 9), true, false);
        data.encounter(a1, LocalDate.of(2026, 10, 1), true);
        flagged(data.pupil(alvaston, 9), false, true);
        long a3 = flagged(data.pupil(alvaston, 11), true, true);
        data.encounter(a3, "workplace_visit", LocalDate.of(2026, 6, 1), true);
        data.encounter(a3, LocalDate.of(2026, 11, 2), true);
        long a4 = data.pupil(alvaston, 11);
        data.encounter(a4, LocalDate.of(2026, 10, 5), true);
        data.encounter(a4, LocalDate.of(2026, 10, 6), false);
        // a leaver counts nowhere this year
        long gone = data.pupil(alvaston, 11);
        data.encounter(gone, LocalDate.of(2026, 10, 1), true);
        data.archive(gone, LocalDate.of(2026, 10, 20));
        // Bemrose: a Year 7 pupil with nothing yet
        data.pupil(bemrose, 7);
        // another hub's school counts nowhere
        long elsewhere = data.school(otherHub, "Elsewhere School");
        data.encounter(data.pupil(elsewhere, 9), LocalDate.of(2026, 10, 1), true);

        // Employers: Acme gave a session (delivered); Brill is booked for later; both were asked by one
        // published round; Cog was asked in another round and declined
        long acme = data.employer(hub, "Acme Ltd");
        long brill = data.employer(hub, "Brill plc");
        long cog = data.employer(hub, "Cog & Sons");
        long acmeOffer = data.offer(acme, OfferStatus.ACTIVE, LocalDate.of(2027, 7, 1));
        long brillOffer = data.offer(brill, OfferStatus.ACTIVE, LocalDate.of(2027, 7, 1));
        long cogOffer = data.offer(cog, OfferStatus.ACTIVE, LocalDate.of(2027, 7, 1));
        long twoSessions = data.request(alvaston, 9, RequestStatus.MATCHED, LocalDate.of(2026, 9, 20));
        db.dsl()
                .update(uk.encounters.marketplace.jooq.Tables.REQUEST)
                .set(uk.encounters.marketplace.jooq.Tables.REQUEST.SESSIONS, 2)
                .where(uk.encounters.marketplace.jooq.Tables.REQUEST.ID.eq(twoSessions))
                .execute();
        long laterRequest = data.request(bemrose, 7, RequestStatus.OPEN, LocalDate.of(2026, 11, 1));
        data.request(bemrose, 7, RequestStatus.CANCELLED, LocalDate.of(2026, 11, 1));
        long first = round(LocalDate.of(2026, 9, 25));
        long second = round(LocalDate.of(2026, 10, 30));
        given = data.booking(twoSessions, acmeOffer, null, LocalDate.of(2026, 10, 1), BookingStatus.DELIVERED);
        long later = data.booking(laterRequest, brillOffer, null, LocalDate.of(2027, 1, 12), BookingStatus.CONFIRMED);
        long declined = data.booking(twoSessions, cogOffer, null, LocalDate.of(2026, 11, 3), BookingStatus.DECLINED);
        inRound(given, first);
        inRound(later, first);
        inRound(declined, second);

        // Feedback on the given session: the school 4, the employer 5; three pupils answered
        feedback(given, "school", 4);
        feedback(given, "employer", 5);
        pupilAnswer(given, "a", "yes", "yes", "no");
        pupilAnswer(given, "b", "yes", "partly", "yes");
        pupilAnswer(given, "c", "partly", "no", "no");
    }

    @Test
    void theHubsPupilFiguresAreThoseCountedInSql() {
        HubReport report = new Reports(db.dsl()).forHub(hub, THIS_YEAR, TODAY);

        Breakdown year = report.year().pupils();
        assertThat(report.year().pupilsKept()).isTrue();
        assertThat(year.all().pupils()).isEqualTo(onRoll("true")).isEqualTo(5);
        assertThat(year.all().benchmark5())
                .isEqualTo(withEncounterThisYear("true"))
                .isEqualTo(3);
        assertThat(year.disadvantaged().pupils())
                .isEqualTo(onRoll("p.disadvantaged"))
                .isEqualTo(2);
        assertThat(year.disadvantaged().benchmark5())
                .isEqualTo(withEncounterThisYear("p.disadvantaged"))
                .isEqualTo(2);
        assertThat(year.send().pupils()).isEqualTo(onRoll("p.send")).isEqualTo(2);
        assertThat(year.send().benchmark5())
                .isEqualTo(withEncounterThisYear("p.send"))
                .isEqualTo(1);
        assertThat(year.rest().pupils())
                .isEqualTo(onRoll("not p.disadvantaged and not p.send"))
                .isEqualTo(2);
        assertThat(year.rest().benchmark5())
                .isEqualTo(withEncounterThisYear("not p.disadvantaged and not p.send"))
                .isEqualTo(1);
        assertThat(year.encounters()).isEqualTo(attendedThisYear()).isEqualTo(3);
        // Benchmark 6 is due for the two Year 11 pupils; only a3 has had a workplace experience
        assertThat(year.all().benchmark6Due()).isEqualTo(2);
        assertThat(year.all().benchmark6()).isEqualTo(1);
    }

    @Test
    void eachSchoolAndYearGroupAddsUpToTheHub() {
        HubReport report = new Reports(db.dsl()).forHub(hub, THIS_YEAR, TODAY);

        assertThat(report.schools())
                .extracting(HubReport.SchoolRow::name)
                .containsExactly("Alvaston Academy", "Bemrose School");
        assertThat(report.schools().getFirst().figures().all()).isEqualTo(new Coverage(4, 0, 3, 2, 1));
        assertThat(report.schools().getLast().figures().all().pupils()).isEqualTo(1);
        assertThat(report.yearGroups()).extracting(YearGroupRow::yearGroup).containsExactly(7, 9, 11);
        assertThat(report.yearGroups().stream()
                        .mapToInt(r -> r.figures().all().pupils())
                        .sum())
                .isEqualTo(5);
    }

    @Test
    void employersSupplyAndFeedbackAreThoseCountedInSql() {
        YearFigures year = new Reports(db.dsl()).forHub(hub, THIS_YEAR, TODAY).year();

        // given: delivered, or confirmed and past; Brill's is to come and Cog's was declined
        assertThat(year.employers().sessionsGiven()).isEqualTo(1);
        assertThat(year.employers().employersEngaged()).isEqualTo(1);
        int asks = db.dsl()
                .fetchSingle(
                        "select count(*) from (select distinct b.round_id, o.employer_id from booking b"
                                + " join matching_round r on r.id = b.round_id join offer o on o.id = b.offer_id"
                                + " where r.hub_id = ? and r.status = 'published') asked",
                        hub)
                .get(0, Integer.class);
        assertThat(year.employers().asks()).isEqualTo(asks).isEqualTo(3);
        assertThat(year.employers().employersAsked()).isEqualTo(3);
        assertThat(year.employers().asksPerEmployer()).isEqualTo("1.0");
        // two sessions asked at Alvaston, one held by Acme's (Cog's declined one holds nothing); Bemrose's one
        // held by Brill's, to come; the cancelled request is not demand
        assertThat(year.supply()).isEqualTo(new Supply(3, 2, 1));
        assertThat(year.feedback().schoolRating()).isEqualTo("4.0 out of 5");
        assertThat(year.feedback().employerRating()).isEqualTo("5.0 out of 5");
        assertThat(year.feedback().pupilsAnswered()).isEqualTo(3);
        assertThat(year.feedback().percentLearntWhatWorkIsLike()).isEqualTo(67);
        assertThat(year.feedback().percentLearntWhatItTakes()).isEqualTo(33);
        assertThat(year.feedback().percentWouldConsider()).isEqualTo(33);
    }

    @Test
    void aSchoolsReportCountsItsOwnPupilsAndSessionsOnly() {
        SchoolReport report = new Reports(db.dsl()).forSchool(bemrose, THIS_YEAR, TODAY);

        assertThat(report.year().pupils().all()).isEqualTo(new Coverage(1, 0, 0, 0, 0));
        assertThat(report.year().employers().sessionsGiven()).isZero();
        assertThat(report.year().employers().asks()).as("asks are the hub's").isZero();
        assertThat(report.year().supply()).isEqualTo(new Supply(1, 1, 0));
        assertThat(report.year().feedback().pupilsAnswered()).isZero();
        SchoolReport alvastonReport = new Reports(db.dsl()).forSchool(alvaston, THIS_YEAR, TODAY);
        assertThat(alvastonReport.year().feedback().pupilsAnswered()).isEqualTo(3);
        assertThat(alvastonReport.hubName()).isEqualTo("Report hub");
    }

    @Test
    void theRolloverKeepsTheYearAsItEndedBesideTheNext() {
        // on its own database, so the other tests' pupils stay where they are
        TestData data = new TestData(db.dsl());
        long ownHub = data.hub("Rollover hub");
        long school = data.school(ownHub, "Chaddesden Park");
        long p1 = flagged(data.pupil(school, 10), true, false);
        data.encounter(p1, LocalDate.of(2027, 3, 1), true);
        long p2 = data.pupil(school, 13);
        data.encounter(p2, "workplace_visit", LocalDate.of(2026, 1, 10), true);
        data.encounter(p2, "workplace_visit", LocalDate.of(2027, 5, 10), true);
        Reports reports = new Reports(db.dsl());
        LocalDate lastDay = THIS_YEAR.lastDay();
        db.dsl()
                .update(uk.encounters.marketplace.jooq.Tables.SCHOOL)
                .set(uk.encounters.marketplace.jooq.Tables.SCHOOL.PUPILS_ROLLED_FOR, (short) THIS_YEAR.startYear())
                .where(uk.encounters.marketplace.jooq.Tables.SCHOOL.ID.eq(school))
                .execute();
        Breakdown asItEnded =
                reports.forSchool(school, THIS_YEAR, lastDay).year().pupils();

        new Rollover(db.dsl()).run(THIS_YEAR.next().firstDay());

        LocalDate september = THIS_YEAR.next().firstDay().plusDays(1);
        SchoolReport lastYear = reports.forSchool(school, THIS_YEAR, september);
        assertThat(lastYear.year().pupilsKept()).isTrue();
        assertThat(lastYear.year().pupils()).isEqualTo(asItEnded);
        assertThat(asItEnded.all()).isEqualTo(new Coverage(2, 0, 2, 1, 1));
        assertThat(lastYear.yearGroups()).extracting(YearGroupRow::yearGroup).containsExactly(10, 13);
        SchoolReport thisYear = reports.forSchool(school, THIS_YEAR.next(), september);
        assertThat(thisYear.year().pupils().all().pupils())
                .as("the Year 13 leaver is gone, the Year 10 pupil is in Year 11")
                .isEqualTo(1);
        assertThat(thisYear.yearGroups()).extracting(YearGroupRow::yearGroup).containsExactly(11);
        assertThat(thisYear.years()).extracting(YearFigures::label).containsExactly("2026/27", "2027/28");
        assertThat(thisYear.years().getFirst().pupils()).isEqualTo(asItEnded);
    }

    @Test
    void aYearBeforeAnyWereKeptSaysSoRatherThanZero() {
        SchoolReport report = new Reports(db.dsl()).forSchool(alvaston, THIS_YEAR.minus(1), TODAY);

        assertThat(report.year().pupilsKept()).isFalse();
        assertThat(report.years()).extracting(YearFigures::label).containsExactly("2025/26");
    }

    private static long flagged(long pupil, boolean disadvantaged, boolean send) {
        db.dsl()
                .update(PUPIL)
                .set(PUPIL.DISADVANTAGED, disadvantaged)
                .set(PUPIL.SEND, send)
                .where(PUPIL.ID.eq(pupil))
                .execute();
        return pupil;
    }

    private static long round(LocalDate published) {
        DSLContext dsl = db.dsl();
        return dsl.insertInto(MATCHING_ROUND)
                .set(MATCHING_ROUND.HUB_ID, hub)
                .set(MATCHING_ROUND.STATUS, RoundStatus.PUBLISHED)
                .set(MATCHING_ROUND.HORIZON_START, published)
                .set(MATCHING_ROUND.HORIZON_END, published.plusWeeks(6))
                .set(MATCHING_ROUND.PUBLISHED_AT, published.atTime(10, 0).atOffset(ZoneOffset.UTC))
                .returning(MATCHING_ROUND.ID)
                .fetchOne()
                .getId();
    }

    private static void inRound(long booking, long round) {
        db.dsl()
                .update(BOOKING)
                .set(BOOKING.ROUND_ID, round)
                .where(BOOKING.ID.eq(booking))
                .execute();
    }

    private static void feedback(long booking, String side, int rating) {
        db.dsl()
                .insertInto(FEEDBACK, FEEDBACK.BOOKING_ID, FEEDBACK.FROM_SIDE, FEEDBACK.RATING)
                .values(booking, side, (short) rating)
                .execute();
    }

    private static void pupilAnswer(
            long booking, String respondent, String workIsLike, String itTakes, String consider) {
        db.dsl()
                .insertInto(PUPIL_FEEDBACK)
                .set(PUPIL_FEEDBACK.BOOKING_ID, booking)
                .set(PUPIL_FEEDBACK.RESPONDENT_HASH, respondent)
                .set(PUPIL_FEEDBACK.LEARNT_WHAT_WORK_IS_LIKE, PupilAnswer.valueOf(workIsLike.toUpperCase()))
                .set(PUPIL_FEEDBACK.LEARNT_WHAT_IT_TAKES, PupilAnswer.valueOf(itTakes.toUpperCase()))
                .set(PUPIL_FEEDBACK.WOULD_CONSIDER, PupilAnswer.valueOf(consider.toUpperCase()))
                .execute();
    }

    /** Pupils of the hub on roll today matching {@code which} (SQL over p, the pupil). */
    private static int onRoll(String which) {
        return db.dsl()
                .fetchSingle(
                        "select count(*) from pupil p join school s on s.id = p.school_id where s.hub_id = ?"
                                + " and p.archived_on is null and (" + which + ")",
                        hub)
                .get(0, Integer.class);
    }

    private static int withEncounterThisYear(String which) {
        return db.dsl()
                .fetchSingle(
                        "select count(distinct p.id) from pupil p join school s on s.id = p.school_id"
                                + " join encounter e on e.pupil_id = p.id where s.hub_id = ? and p.archived_on is null"
                                + " and e.attended and e.occurred_on between ? and ? and (" + which + ")",
                        hub,
                        THIS_YEAR.firstDay(),
                        TODAY)
                .get(0, Integer.class);
    }

    private static int attendedThisYear() {
        return db.dsl()
                .fetchSingle(
                        "select count(*) from encounter e join pupil p on p.id = e.pupil_id join school s on s.id = p.school_id"
                                + " where s.hub_id = ? and p.archived_on is null and e.attended and e.occurred_on between ? and ?",
                        hub,
                        THIS_YEAR.firstDay(),
                        TODAY)
                .get(0, Integer.class);
    }
}

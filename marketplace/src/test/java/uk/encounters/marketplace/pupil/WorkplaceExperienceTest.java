package uk.encounters.marketplace.pupil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.booking.EmployerBooking;
import uk.encounters.marketplace.booking.SchoolBooking;
import uk.encounters.marketplace.booking.SchoolBookingRepository;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.marketplace.testing.WorkplaceData;
import uk.encounters.marketplace.testing.WorkplaceData.Where;
import uk.encounters.matcher.domain.EncounterType;

/**
 * An online visit, shadowing or placement is a workplace experience only when its offer is
 * interactive; otherwise it is an encounter with an employer. The rule's Java and SQL agree.
 */
class WorkplaceExperienceTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final LocalDate VISIT = LocalDate.of(2026, 11, 9);

    /** Every way a request and an offer can say where: the seven non-empty choices. */
    static final List<Where> WHERE = List.of(
            new Where(true, false, false),
            new Where(false, true, false),
            new Where(false, false, true),
            new Where(true, true, false),
            new Where(true, false, true),
            new Where(false, true, true),
            new Where(true, true, true));

    @Test
    void theSqlRuleAgreesWithTheJavaRuleForEveryWayABookingHappens() {
        TestData data = new TestData(db.dsl());
        WorkplaceData workplace = new WorkplaceData(db.dsl());
        long hub = data.hub("Rule hub");
        long school = data.school(hub, "Rule School");
        long employer = data.employer(hub, "Rule Employer");
        Map<Long, Boolean> javaSays = new HashMap<>();
        for (EncounterType type : List.of(EncounterType.WORKPLACE_VISIT, EncounterType.CAREERS_TALK)) {
            for (Where offered : WHERE) {
                for (Where asked : WHERE) {
                    for (boolean interactive : offered.online() ? List.of(false, true) : List.of(false)) {
                        long booking = workplace.booking(
                                workplace.request(school, 11, type.code(), asked),
                                workplace.offer(employer, type.code(), offered, interactive),
                                VISIT,
                                VISIT,
                                "all_day");
                        boolean online = EmployerBooking.Place.of(
                                        asked.inSchool(),
                                        offered.inSchool(),
                                        asked.atWorkplace(),
                                        offered.atWorkplace())
                                == EmployerBooking.Place.ONLINE;
                        javaSays.put(booking, WorkplaceExperience.counts(type, online, interactive));
                    }
                }
            }
        }

        Map<Long, Boolean> sqlSays = db.dsl()
                .select(BOOKING.ID, WorkplaceExperience.counted(BOOKING.ENCOUNTER_TYPE, BOOKING.ID))
                .from(BOOKING)
                .where(BOOKING.ID.in(javaSays.keySet()))
                .fetchMap(r -> r.value1(), r -> r.value2());

        assertThat(sqlSays).isEqualTo(javaSays);
        assertThat(Set.copyOf(javaSays.values())).as("both answers are tried").containsExactlyInAnyOrder(true, false);
    }

    @Test
    void historyWithoutABookingCountsByItsType() {
        TestData data = new TestData(db.dsl());
        long pupil = data.pupil(data.school(data.hub("History hub"), "History School"), 11);
        data.encounter(pupil, "work_shadowing", VISIT, true);
        data.encounter(pupil, "online_insight", VISIT, true);

        assertThat(db.dsl()
                        .select(
                                ENCOUNTER.ENCOUNTER_TYPE,
                                WorkplaceExperience.counted(ENCOUNTER.ENCOUNTER_TYPE, ENCOUNTER.BOOKING_ID))
                        .from(ENCOUNTER)
                        .where(ENCOUNTER.PUPIL_ID.eq(pupil))
                        .fetchMap(r -> r.value1(), r -> r.value2()))
                .isEqualTo(Map.of("work_shadowing", true, "online_insight", false));
    }

    @Test
    void anOnlineVisitWithoutTasksOrTalkingWithStaffCountsForBenchmark5AndNotBenchmark6OrHours() {
        TestData data = new TestData(db.dsl());
        WorkplaceData workplace = new WorkplaceData(db.dsl());
        long hub = data.hub("Online hub");
        long school = data.school(hub, "Online School");
        long employer = data.employer(hub, "Online Employer");
        long watched = data.pupil(school, 11);
        long tookPart = data.pupil(school, 11);
        long tour = workplace.booking(
                school, 11, employer, "workplace_visit", Where.ONLINE, false, VISIT, VISIT, "morning");
        long interactiveVisit =
                workplace.booking(school, 11, employer, "workplace_visit", Where.ONLINE, true, VISIT, VISIT, "morning");
        SchoolBookingRepository bookings = new SchoolBookingRepository(db.dsl());
        SchoolBooking watchedTour = bookings.find(school, tour).orElseThrow();
        SchoolBooking interactive = bookings.find(school, interactiveVisit).orElseThrow();
        assertThat(watchedTour.workplaceExperience()).isFalse();
        assertThat(watchedTour.onlineNotInteractive()).isTrue();
        assertThat(interactive.workplaceExperience()).isTrue();

        bookings.recordAttendance(watchedTour, Set.of(watched), Set.of(watched), Map.of());
        bookings.recordAttendance(interactive, Set.of(tookPart), Set.of(tookPart), Map.of());

        Map<Long, PupilProgress> progress = new HashMap<>();
        new ProgressRepository(db.dsl()).forSchool(school, TODAY).forEach(p -> progress.put(p.pupilId(), p));
        assertThat(progress.get(watched).hadEncounterThisYear())
                .as("Benchmark 5")
                .isTrue();
        assertThat(progress.get(watched).workplaceExperiences()).isZero();
        assertThat(progress.get(watched).benchmark6Met()).as("Benchmark 6").isFalse();
        assertThat(progress.get(watched).workplaceHours()).isEqualTo(Hours.ZERO);
        assertThat(progress.get(tookPart).workplaceExperiences()).isEqualTo(1);
        assertThat(progress.get(tookPart).benchmark6Met()).isTrue();
        assertThat(progress.get(tookPart).workplaceHours()).isEqualTo(Hours.of(3));
        assertThat(new EncounterLog(db.dsl()).forSchool(school))
                .extracting(EncounterLog.Entry::reference, EncounterLog.Entry::benchmark)
                .hasSize(2)
                .contains(tuple(reference(watched), 5), tuple(reference(tookPart), 6));
    }

    private static String reference(long pupil) {
        return db.dsl().fetchValue(PUPIL.REFERENCE, PUPIL.ID.eq(pupil));
    }
}

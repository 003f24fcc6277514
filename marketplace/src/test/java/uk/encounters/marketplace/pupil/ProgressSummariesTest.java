package uk.encounters.marketplace.pupil;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL_PROGRESS_SUMMARY;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;

/**
 * Schools' progress summaries say what judging every pupil says, and every kind of change a
 * school's figures depend on makes its summary due again, and only its own.
 */
class ProgressSummariesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    TestData data;
    ProgressSummaries summaries;
    long hub;
    long north;
    long south;

    @BeforeEach
    void twoSchools() {
        db.dsl()
                .execute("truncate hub, school, pupil, encounter, booking, booking_pupil, request, offer, employer,"
                        + " volunteer, school_progress_summary, year_group_progress_summary restart identity cascade");
        data = new TestData(db.dsl());
        summaries = new ProgressSummaries(db.dsl());
        hub = data.hub("Summary hub");
        north = data.school(hub, "North School");
        south = data.school(hub, "South School");
        for (int i = 0; i < 12; i++) {
            long pupil = data.pupil(i % 2 == 0 ? north : south, 7 + i % 7);
            if (i % 3 == 0) {
                db.dsl()
                        .update(PUPIL)
                        .set(PUPIL.DISADVANTAGED, true)
                        .where(PUPIL.ID.eq(pupil))
                        .execute();
            }
            for (int e = 0; e < i % 4; e++) {
                data.encounter(pupil, LocalDate.of(2024 + e % 3, 10, 1), e != 2);
            }
        }
        summaries.refreshDue(TODAY, Integer.MAX_VALUE);
    }

    @Test
    void aSummarySaysWhatJudgingEveryPupilSays() {
        for (long school : List.of(north, south)) {
            List<PupilProgress> pupils = new ProgressRepository(db.dsl()).forSchool(school, TODAY);
            assertThat(summaries.forHub(hub).get(school)).isEqualTo(YearGroupTally.of(pupils));
            assertThat(YearGroupProgress.fromTallies(summaries.forHub(hub).get(school)))
                    .isEqualTo(YearGroupProgress.of(pupils));
        }
        assertThat(stored(SCHOOL_PROGRESS_SUMMARY.PUPILS)).isEqualTo(12);
        assertThat(stored(SCHOOL_PROGRESS_SUMMARY.ON_TRACK)).isEqualTo((int) List.of(north, south).stream()
                .flatMap(s -> new ProgressRepository(db.dsl()).forSchool(s, TODAY).stream())
                .filter(PupilProgress::onTrack)
                .count());
        assertThat(summaries.refreshDue(TODAY, 10)).as("nothing changed since").isZero();
    }

    @Test
    void anEncounterMakesOnlyItsPupilsSchoolDue() {
        long pupil = data.pupil(north, 9);
        summaries.refreshDue(TODAY, 10);
        data.encounter(pupil, LocalDate.of(2026, 11, 2), true);
        assertThat(due()).containsExactly(north);
        assertThat(summaries.forSchool(north, TODAY))
                .as("a school's own page brings its summary up to date")
                .isEqualTo(YearGroupTally.of(new ProgressRepository(db.dsl()).forSchool(north, TODAY)));
        assertThat(due()).isEmpty();
    }

    @Test
    void choosingPupilsForABookingAndTheBookingsStatusMakeTheSchoolDue() {
        long pupil = data.pupil(south, 10);
        long employer = data.employer(hub, "Acme");
        long offer = data.offer(employer, OfferStatus.ACTIVE, TODAY.plusMonths(3));
        long request = data.request(south, 10, RequestStatus.MATCHED, TODAY);
        long booking = data.booking(request, offer, null, TODAY.plusDays(7), BookingStatus.PUBLISHED);
        summaries.refreshDue(TODAY, 10);

        data.choose(booking, pupil);
        assertThat(due()).containsExactly(south);
        summaries.refreshDue(TODAY, 10);
        assertThat(onTrack(south))
                .as("booked this year counts as this year's encounter to come")
                .isEqualTo(trueOnTrack(south));

        db.dsl()
                .update(BOOKING)
                .set(BOOKING.STATUS, BookingStatus.DECLINED)
                .where(BOOKING.ID.eq(booking))
                .execute();
        assertThat(due()).containsExactly(south);
        summaries.refreshDue(TODAY, 10);
        assertThat(onTrack(south)).isEqualTo(trueOnTrack(south));

        db.dsl()
                .update(BOOKING)
                .set(BOOKING.PUPILS, 20)
                .where(BOOKING.ID.eq(booking))
                .execute();
        assertThat(due())
                .as("a change that is not the status leaves the figures alone")
                .isEmpty();
    }

    @Test
    void aPupilMovingSchoolMakesBothDueAndANewDayMakesEveryoneDue() {
        long pupil = db.dsl()
                .select(PUPIL.ID)
                .from(PUPIL)
                .where(PUPIL.SCHOOL_ID.eq(north))
                .limit(1)
                .fetchOne(PUPIL.ID);
        db.dsl()
                .update(PUPIL)
                .set(PUPIL.SCHOOL_ID, south)
                .where(PUPIL.ID.eq(pupil))
                .execute();
        assertThat(due()).containsExactlyInAnyOrder(north, south);
        summaries.refreshDue(TODAY, 10);
        assertThat(stored(SCHOOL_PROGRESS_SUMMARY.PUPILS)).isEqualTo(12);
        assertThat(summaries.forHub(hub).get(south).stream()
                        .mapToInt(YearGroupTally::pupils)
                        .sum())
                .isEqualTo(7);

        assertThat(summaries.refreshDue(TODAY.plusDays(1), 10))
                .as("figures are for a day")
                .isEqualTo(2);
        long newSchool = data.school(hub, "New School");
        assertThat(summaries.refreshDue(TODAY.plusDays(1), 10))
                .as("a new school is summarised")
                .isEqualTo(1);
        assertThat(stored(SCHOOL_PROGRESS_SUMMARY.PUPILS)).isEqualTo(12);
        assertThat(newSchool).isPositive();
    }

    /**
     * A change committed while its school is being summarised waits for that summary, and is then
     * noted for the next: no change is lost between a summary's read and its write.
     */
    @Test
    void aChangeDuringASummaryIsNotLost() throws Exception {
        long pupil = data.pupil(north, 8);
        summaries.refreshDue(TODAY, 10);
        db.dsl()
                .update(PUPIL)
                .set(PUPIL.YEAR_GROUP, (short) 9)
                .where(PUPIL.ID.eq(pupil))
                .execute(); // north due
        CountDownLatch summarising = new CountDownLatch(1);
        CountDownLatch changed = new CountDownLatch(1);
        CompletableFuture<Void> summary =
                CompletableFuture.runAsync(() -> db.dsl().transaction(c -> {
                    // hold north's summary row, as a summary in progress does
                    c.dsl()
                            .selectFrom(SCHOOL_PROGRESS_SUMMARY)
                            .where(SCHOOL_PROGRESS_SUMMARY.SCHOOL_ID.eq(north))
                            .forUpdate()
                            .fetch();
                    summarising.countDown();
                    changed.await(300, TimeUnit.MILLISECONDS); // the change below is waiting for us
                    new ProgressSummaries(c.dsl()).refreshHub(hub, TODAY);
                }));
        summarising.await(10, TimeUnit.SECONDS);
        CompletableFuture<Void> change =
                CompletableFuture.runAsync(() -> data.encounter(pupil, LocalDate.of(2026, 11, 3), true));
        changed.countDown();
        summary.get(30, TimeUnit.SECONDS);
        change.get(30, TimeUnit.SECONDS);
        assertThat(due())
                .as("the encounter committed after the summary read its pupils")
                .containsExactly(north);
        summaries.refreshDue(TODAY, 10);
        assertThat(summaries.forHub(hub).get(north))
                .isEqualTo(YearGroupTally.of(new ProgressRepository(db.dsl()).forSchool(north, TODAY)));
    }

    /** A total the home page reads, over the hub's schools. */
    private int stored(org.jooq.TableField<?, Integer> total) {
        return db.dsl().select(DSL.sum(total)).from(SCHOOL_PROGRESS_SUMMARY).fetchOne(0, Integer.class);
    }

    private List<Long> due() {
        return db.dsl()
                .select(SCHOOL_PROGRESS_SUMMARY.SCHOOL_ID)
                .from(SCHOOL_PROGRESS_SUMMARY)
                .where(SCHOOL_PROGRESS_SUMMARY.CHANGES.ne(SCHOOL_PROGRESS_SUMMARY.SUMMARISED_CHANGES))
                .orderBy(SCHOOL_PROGRESS_SUMMARY.SCHOOL_ID)
                .fetch(SCHOOL_PROGRESS_SUMMARY.SCHOOL_ID);
    }

    private int onTrack(long school) {
        return summaries.forHub(hub).get(school).stream()
                .mapToInt(YearGroupTally::onTrack)
                .sum();
    }

    private int trueOnTrack(long school) {
        return (int) new ProgressRepository(db.dsl())
                .forSchool(school, TODAY).stream()
                        .filter(PupilProgress::onTrack)
                        .count();
    }
}

package uk.encounters.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.BOOKING_PUPIL;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.testing.TestDatabase;

/** Loading the parametric Derby-like hub (runs with or without shared/data). */
class HubLoaderTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final long SEED = 7;
    private static LoadReport report;

    @BeforeAll
    static void loadDerby() {
        report = DemoData.load(db.database(), "derby", SEED, TODAY, Optional.empty());
    }

    @Test
    void loadedRowsOfEveryTableEqualTheGeneratedCounts() {
        RowCounts generated =
                DemoData.generate("derby", SEED, TODAY, Optional.empty()).get(0).counts();

        assertThat(LoadedRows.ofHub(db.dsl(), "Derby Careers Hub")).isEqualTo(generated);
        assertThat(report.rows()).isEqualTo(generated);
        assertThat(report.area()).isEqualTo("derby");
        assertThat(report.summary()).startsWith("derby: 1 hub(s), 22 schools");
    }

    @Test
    void loadingAnAreaWhoseHubExistsIsRefusedAndWritesNothing() {
        RowCounts before = LoadedRows.all(db.dsl());

        assertThatThrownBy(() -> DemoData.load(db.database(), "derby", SEED + 1, TODAY, Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Area 'derby' cannot be loaded")
                .hasMessageContaining("'Derby Careers Hub'");
        assertThat(LoadedRows.all(db.dsl())).isEqualTo(before);
    }

    @Test
    void eachBookingIsForItsOffersTypeAndItsChosenPupilsAreFromTheRequestingCohort() {
        assertThat(db.dsl()
                        .fetchCount(
                                BOOKING.join(OFFER).on(OFFER.ID.eq(BOOKING.OFFER_ID)),
                                BOOKING.ENCOUNTER_TYPE.ne(OFFER.ENCOUNTER_TYPE)))
                .isZero();
        int chosen = db.dsl().fetchCount(BOOKING_PUPIL);
        int fromTheRequestingCohort = db.dsl()
                .fetchCount(
                        BOOKING_PUPIL
                                .join(BOOKING)
                                .on(BOOKING.ID.eq(BOOKING_PUPIL.BOOKING_ID))
                                .join(REQUEST)
                                .on(REQUEST.ID.eq(BOOKING.REQUEST_ID))
                                .join(PUPIL)
                                .on(PUPIL.ID.eq(BOOKING_PUPIL.PUPIL_ID)),
                        PUPIL.SCHOOL_ID.eq(REQUEST.SCHOOL_ID).and(PUPIL.YEAR_GROUP.eq(REQUEST.YEAR_GROUP)));
        assertThat(chosen).isPositive().isEqualTo(fromTheRequestingCohort);
    }

    @Test
    void deliveredBookingsHaveAttendanceAndHistoryNamesItsProvider() {
        assertThat(db.dsl().fetchCount(ENCOUNTER, ENCOUNTER.BOOKING_ID.isNotNull()))
                .isPositive();
        assertThat(db.dsl()
                        .fetchCount(ENCOUNTER, ENCOUNTER.BOOKING_ID.isNotNull().and(ENCOUNTER.ATTENDED.isFalse())))
                .isPositive();
        assertThat(db.dsl().fetchCount(ENCOUNTER, ENCOUNTER.BOOKING_ID.isNull().and(ENCOUNTER.PROVIDER_NAME.isNull())))
                .isZero();
        assertThat(db.dsl()
                        .fetchCount(
                                ENCOUNTER.join(BOOKING).on(BOOKING.ID.eq(ENCOUNTER.BOOKING_ID)),
                                BOOKING.STATUS.ne(BookingStatus.DELIVERED)))
                .isZero();
    }

    @Test
    void schoolsKeepTheirProfile() {
        var school = db.dsl().selectFrom(SCHOOL).orderBy(SCHOOL.URN).limit(1).fetchOne();

        assertThat(school.getUrn()).isEqualTo(900001);
        assertThat(school.getLatitude()).isBetween(52.8, 53.0);
        assertThat(school.getFreeSchoolMealsPercent()).isNotNull();
        assertThat(school.getDeprivationDecile()).isBetween((short) 1, (short) 10);
    }
}

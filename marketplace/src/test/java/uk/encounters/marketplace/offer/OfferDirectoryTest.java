package uk.encounters.marketplace.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.OFFER_AVAILABILITY;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.offer.OfferDirectory.Query;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.matcher.domain.EncounterType;

class OfferDirectoryTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    /** Offers run from 20 January to 20 July 2027. */
    static final LocalDate UNTIL = LocalDate.of(2027, 7, 20);

    static final LocalDate A_TUESDAY = LocalDate.of(2027, 3, 16);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    /** Derby city centre. */
    static final double LATITUDE = 52.9225;

    static final double LONGITUDE = -1.4746;
    static final AtomicInteger hubs = new AtomicInteger();

    final TestData data = new TestData(db.dsl());
    final OfferDirectory directory = new OfferDirectory(db.dsl());
    /** Each test searches a hub of its own. */
    final long hub = data.hub("Hub " + hubs.incrementAndGet());

    long offer(long employerId) {
        return data.offer(employerId, OfferStatus.ACTIVE, UNTIL);
    }

    long offer(String employerName) {
        return offer(data.employer(hub, employerName));
    }

    <T> long set(long offerId, Field<T> field, T value) {
        db.dsl().update(OFFER).set(field, value).where(OFFER.ID.eq(offerId)).execute();
        return offerId;
    }

    long employerAt(String name, Double latitude, Double longitude) {
        long employer = data.employer(hub, name);
        db.dsl()
                .update(EMPLOYER)
                .set(EMPLOYER.LATITUDE, latitude)
                .set(EMPLOYER.LONGITUDE, longitude)
                .where(EMPLOYER.ID.eq(employer))
                .execute();
        return employer;
    }

    void availableOnWeekday(long offerId, DayOfWeek day) {
        db.dsl()
                .insertInto(
                        OFFER_AVAILABILITY,
                        OFFER_AVAILABILITY.OFFER_ID,
                        OFFER_AVAILABILITY.WEEKDAY,
                        OFFER_AVAILABILITY.PERIOD)
                .values(offerId, (short) day.getValue(), "morning")
                .execute();
    }

    void availableOnDate(long offerId, LocalDate date) {
        db.dsl()
                .insertInto(
                        OFFER_AVAILABILITY,
                        OFFER_AVAILABILITY.OFFER_ID,
                        OFFER_AVAILABILITY.AVAILABLE_ON,
                        OFFER_AVAILABILITY.PERIOD)
                .values(offerId, date, "afternoon")
                .execute();
    }

    List<Long> found(Query query) {
        return directory.search(query).listings().stream().map(Listing::offerId).toList();
    }

    @Test
    void showsOnlyLiveOffersOfTheHubsOwnUnmergedEmployers() {
        long employer = data.employer(hub, "Castle Bakery");
        long live = offer(employer);
        data.offer(employer, OfferStatus.PENDING, UNTIL);
        data.offer(employer, OfferStatus.PAUSED, UNTIL);
        data.offer(employer, OfferStatus.WITHDRAWN, UNTIL);
        offer(data.employer(data.hub("Elsewhere " + hub), "Castle Bakery"));
        long kept = data.employer(hub, "Acme Engineering");
        long merged = data.employer(hub, "ACME Engineering Ltd");
        long fromMerged = offer(merged);
        db.dsl()
                .update(EMPLOYER)
                .set(EMPLOYER.MERGED_INTO_ID, kept)
                .where(EMPLOYER.ID.eq(merged))
                .execute();

        assertThat(found(Query.inHub(hub, TODAY))).containsExactly(live).doesNotContain(fromMerged);
    }

    @Test
    void leavesOutOffersWhoseLastDateHasPassed() {
        long running = offer("Still Going");
        data.offer(data.employer(hub, "All Over"), OfferStatus.ACTIVE, TODAY.minusDays(1));
        long lastDay = data.offer(data.employer(hub, "Last Day"), OfferStatus.ACTIVE, TODAY);

        assertThat(found(Query.inHub(hub, TODAY))).containsExactly(lastDay, running);
    }

    @Test
    void filtersByEncounterType() {
        long talk = offer("Talkers");
        long visit = set(offer("Visitors"), OFFER.ENCOUNTER_TYPE, EncounterType.WORKPLACE_VISIT.code());

        assertThat(found(Query.inHub(hub, TODAY).withType(EncounterType.WORKPLACE_VISIT)))
                .containsExactly(visit);
        assertThat(found(Query.inHub(hub, TODAY).withType(EncounterType.CAREERS_TALK)))
                .containsExactly(talk);
        assertThat(found(Query.inHub(hub, TODAY).withType(EncounterType.MENTORING)))
                .isEmpty();
    }

    @Test
    void filtersBySectorOfTheOffer() {
        long retail = set(offer("Shop"), OFFER.SECTOR, "Retail");
        offer("Factory");

        assertThat(found(Query.inHub(hub, TODAY).withSector("Retail"))).containsExactly(retail);
    }

    @Test
    void filtersByYearGroupWithinTheOffersRangeInclusive() {
        long lowerSchool = set(set(offer("Juniors"), OFFER.YEAR_GROUP_MIN, (short) 7), OFFER.YEAR_GROUP_MAX, (short) 9);
        long sixthForm = set(set(offer("Seniors"), OFFER.YEAR_GROUP_MIN, (short) 12), OFFER.YEAR_GROUP_MAX, (short) 13);
        long everyone = offer("Everyone");

        assertThat(found(Query.inHub(hub, TODAY).withYearGroup(9))).containsExactly(everyone, lowerSchool);
        assertThat(found(Query.inHub(hub, TODAY).withYearGroup(12))).containsExactly(everyone, sixthForm);
        assertThat(found(Query.inHub(hub, TODAY).withYearGroup(10))).containsExactly(everyone);
    }

    @Test
    void ordersByDistanceFromTheOriginWithUnknownPlacesLast() {
        long far = offer(employerAt("A Far", LATITUDE + 0.18, LONGITUDE));
        long unknown = offer(employerAt("B Unknown", null, null));
        long near = offer(employerAt("C Near", LATITUDE + 0.045, LONGITUDE));
        long east = offer(employerAt("D East", LATITUDE, LONGITUDE + 0.1));

        var listings = directory
                .search(Query.inHub(hub, TODAY).from(LATITUDE, LONGITUDE))
                .listings();

        assertThat(listings).extracting(Listing::offerId).containsExactly(near, east, far, unknown);
        assertThat(listings.get(0).distanceKm()).isCloseTo(5.00, within(0.01));
        assertThat(listings.get(1).distanceKm())
                .as("a degree of longitude is shorter this far north")
                .isCloseTo(6.70, within(0.01));
        assertThat(listings.get(2).distanceKm()).isCloseTo(20.02, within(0.01));
        assertThat(listings.get(3).distanceKm()).isNull();
        assertThat(listings.get(0).distance()).isEqualTo("5.0 km");
    }

    @Test
    void leavesOutOffersBeyondTheDistanceAndThoseWhosePlaceIsUnknown() {
        long near = offer(employerAt("Near", LATITUDE + 0.045, LONGITUDE));
        long east = offer(employerAt("East", LATITUDE, LONGITUDE + 0.1));
        offer(employerAt("Far", LATITUDE + 0.18, LONGITUDE));
        offer(employerAt("Unknown", null, null));

        assertThat(found(Query.inHub(hub, TODAY).from(LATITUDE, LONGITUDE).within(10.0)))
                .containsExactly(near, east);
        assertThat(found(Query.inHub(hub, TODAY).from(LATITUDE, LONGITUDE).within(6.0)))
                .containsExactly(near);
    }

    @Test
    void withoutAnOriginListsByEmployerName() {
        long zebra = offer(employerAt("Zebra Print", LATITUDE, LONGITUDE));
        long apex = offer(employerAt("Apex Joinery", LATITUDE + 1, LONGITUDE));

        var listings = directory.search(Query.inHub(hub, TODAY)).listings();

        assertThat(listings).extracting(Listing::offerId).containsExactly(apex, zebra);
        assertThat(listings).extracting(Listing::distanceKm).containsOnlyNulls();
    }

    @Test
    void findsOffersOnADateByTheirWeekday() {
        long tuesdays = offer("Tuesday Talks");
        availableOnWeekday(tuesdays, DayOfWeek.TUESDAY);
        long wednesdays = offer("Wednesday Talks");
        availableOnWeekday(wednesdays, DayOfWeek.WEDNESDAY);

        assertThat(found(Query.inHub(hub, TODAY).on(A_TUESDAY))).containsExactly(tuesdays);
        assertThat(found(Query.inHub(hub, TODAY).on(A_TUESDAY.plusDays(1)))).containsExactly(wednesdays);
        assertThat(found(Query.inHub(hub, TODAY).on(UNTIL.plusWeeks(2).with(DayOfWeek.TUESDAY))))
                .as("a Tuesday after the offer ends")
                .isEmpty();
        assertThat(found(Query.inHub(hub, TODAY)
                        .on(UNTIL.minusMonths(6).minusWeeks(1).with(DayOfWeek.TUESDAY))))
                .as("a Tuesday before it starts")
                .isEmpty();
    }

    @Test
    void findsOffersOnADateByAParticularDate() {
        long oneDay = offer("One Day Only");
        availableOnDate(oneDay, A_TUESDAY);
        offer("Never Said When");

        assertThat(found(Query.inHub(hub, TODAY).on(A_TUESDAY))).containsExactly(oneDay);
        assertThat(found(Query.inHub(hub, TODAY).on(A_TUESDAY.plusWeeks(1)))).isEmpty();
    }

    @Test
    void filtersCombine() {
        long match = set(offer(employerAt("Match", LATITUDE, LONGITUDE)), OFFER.SECTOR, "Retail");
        availableOnWeekday(match, DayOfWeek.TUESDAY);
        long wrongDay = set(offer(employerAt("Wrong Day", LATITUDE, LONGITUDE)), OFFER.SECTOR, "Retail");
        availableOnWeekday(wrongDay, DayOfWeek.FRIDAY);

        assertThat(found(Query.inHub(hub, TODAY)
                        .withType(EncounterType.CAREERS_TALK)
                        .withSector("Retail")
                        .withYearGroup(8)
                        .from(LATITUDE, LONGITUDE)
                        .within(1.0)
                        .on(A_TUESDAY)))
                .containsExactly(match);
    }

    @Test
    void listsAtMostTheLimitNearestFirstAndSaysMoreWereFound() {
        long employer = employerAt("Big Firm", LATITUDE + 0.5, LONGITUDE);
        for (int i = 0; i < OfferDirectory.LIMIT; i++) {
            offer(employer);
        }
        long nearest = offer(employerAt("Nearby Firm", LATITUDE, LONGITUDE));

        OfferDirectory.Results all = directory.search(Query.inHub(hub, TODAY).from(LATITUDE, LONGITUDE));
        OfferDirectory.Results few = directory.search(
                Query.inHub(hub, TODAY).from(LATITUDE, LONGITUDE).within(1.0));

        assertThat(all.listings()).hasSize(OfferDirectory.LIMIT);
        assertThat(all.more()).isTrue();
        assertThat(all.listings().getFirst().offerId()).isEqualTo(nearest);
        assertThat(few.listings()).extracting(Listing::offerId).containsExactly(nearest);
        assertThat(few.more()).isFalse();
    }

    @Test
    void describesAnOfferWithoutAnyonesContactDetails() {
        long employer = data.employer(hub, "Riverside Precision");
        db.dsl()
                .update(EMPLOYER)
                .set(EMPLOYER.POSTCODE, "DE24 8BY")
                .where(EMPLOYER.ID.eq(employer))
                .execute();
        long offer = offer(employer);
        db.dsl()
                .update(OFFER)
                .set(OFFER.VOLUNTEER_ID, data.volunteer(employer))
                .set(OFFER.AT_WORKPLACE, true)
                .set(OFFER.ONLINE, true)
                .set(OFFER.COST_PER_SESSION_PENCE, 4550)
                .set(OFFER.SEND_ADAPTABLE, true)
                .set(OFFER.YEAR_GROUP_MIN, (short) 10)
                .set(OFFER.YEAR_GROUP_MAX, (short) 11)
                .where(OFFER.ID.eq(offer))
                .execute();
        availableOnWeekday(offer, DayOfWeek.THURSDAY);
        availableOnWeekday(offer, DayOfWeek.MONDAY);
        availableOnDate(offer, A_TUESDAY);

        Listing listing = directory.search(Query.inHub(hub, TODAY)).listings().getFirst();

        assertThat(listing.employerName()).isEqualTo("Riverside Precision");
        assertThat(listing.postcodeDistrict()).isEqualTo("DE24");
        assertThat(listing.typeLabel()).isEqualTo("Careers talk");
        assertThat(listing.yearGroups()).isEqualTo("Years 10 to 11");
        assertThat(listing.delivery()).isEqualTo("In school, at the workplace, online");
        assertThat(listing.pupils()).isEqualTo("Up to 30");
        assertThat(listing.cost()).isEqualTo("£45.50");
        assertThat(listing.sendAdaptable()).isTrue();
        assertThat(listing.dateRange()).isEqualTo("Wed 20 Jan to Tue 20 Jul 2027");
        assertThat(listing.days()).isEqualTo("Mondays, Thursdays, Tue 16 Mar 2027");
        assertThat(listing.toString())
                .doesNotContain("@")
                .doesNotContain("Sam Volunteer")
                .doesNotContain("8BY");
    }
}

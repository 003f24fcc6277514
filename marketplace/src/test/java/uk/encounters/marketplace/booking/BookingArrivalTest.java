package uk.encounters.marketplace.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.employer.EmployerChanges;
import uk.encounters.marketplace.employer.SiteDetails;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.school.VisitorArrangementChanges;
import uk.encounters.marketplace.school.VisitorArrangements;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;

/**
 * What each side reads to arrive: the employer going to a school sees the school's arrangements
 * and the group; a school taking pupils to a workplace sees the employer's site.
 */
class BookingArrivalTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate DAY = LocalDate.of(2026, 12, 3);
    static final Actor SOMEONE = Actor.anonymous("192.0.2.9");

    final TestData data = new TestData(db.dsl());

    long school(String name, String postcode) {
        long school = data.school(data.hub("Derby " + name), name);
        db.dsl()
                .update(SCHOOL)
                .set(SCHOOL.POSTCODE, postcode)
                .where(SCHOOL.ID.eq(school))
                .execute();
        return school;
    }

    @Test
    void anEmployerGoingToASchoolSeesItsAddressArrivalTimeContactAndTheGroupButNotTheCoordinatorsNotes() {
        long school = school("Bemrose School", "DE22 3HU");
        new VisitorArrangementChanges(db.dsl())
                .save(
                        SOMEONE,
                        school,
                        new VisitorArrangements(
                                "Bemrose School\nUttoxeter New Road\nDerby DE22 3HU",
                                "Main reception",
                                "",
                                "Bring photo ID\nWear the lanyard",
                                "Mrs Shah",
                                "01332 123456",
                                LocalTime.of(8, 50),
                                LocalTime.of(12, 0),
                                LocalTime.of(13, 0),
                                LocalTime.of(15, 0)));
        long employer = data.employer(data.hub("Derby employers"), "Acme");
        long request = data.request(school, 9, RequestStatus.MATCHED, DAY.minusDays(3));
        db.dsl()
                .update(REQUEST)
                .set(REQUEST.SEND_ADJUSTMENTS, "Two pupils use wheelchairs")
                .set(REQUEST.NOTES_FOR_VOLUNTEER, "They are studying forces")
                .set(REQUEST.NOTES, "Please not the same firm as last year")
                .where(REQUEST.ID.eq(request))
                .execute();
        long booking = data.booking(
                request,
                data.offer(employer, OfferStatus.ACTIVE, DAY.plusMonths(3)),
                null,
                DAY,
                BookingStatus.PUBLISHED);

        EmployerBooking seen =
                new EmployerBookingRepository(db.dsl()).find(employer, booking).orElseThrow();

        assertThat(seen.arrival().addressLines())
                .containsExactly("Bemrose School", "Uttoxeter New Road", "Derby DE22 3HU");
        assertThat(seen.arrival().arriveBy()).isEqualTo("Arrive by 8:35am");
        assertThat(seen.arrival().sessionTimes()).isEqualTo("8:50am to midday");
        assertThat(seen.detailLines())
                .containsExactly(
                        "Address: Bemrose School, Uttoxeter New Road, Derby DE22 3HU",
                        "Arrive by 8:35am (the session runs 8:50am to midday)",
                        "Ask for: Mrs Shah, 01332 123456",
                        "Meet at: Main reception",
                        "Signing in: Bring photo ID; Wear the lanyard",
                        "SEND adjustments: Two pupils use wheelchairs",
                        "From the school: They are studying forces");
    }

    @Test
    void aSchoolThatHasSaidNothingIsFoundByNameAndPostcodeAtTheUsualTimes() {
        long school = school("Quiet School", "DE1 1AA");
        long employer = data.employer(data.hub("Derby quiet"), "Quiet Firm");
        long booking = data.booking(
                data.request(school, 8, RequestStatus.MATCHED, DAY),
                data.offer(employer, OfferStatus.ACTIVE, DAY.plusMonths(3)),
                null,
                DAY,
                BookingStatus.CONFIRMED);

        EmployerBooking seen =
                new EmployerBookingRepository(db.dsl()).find(employer, booking).orElseThrow();

        assertThat(seen.arrival().addressOnOneLine()).isEqualTo("Quiet School, DE1 1AA");
        assertThat(seen.arrival().arriveBy()).isEqualTo("Arrive by 8:45am");
        assertThat(seen.arrival().contact()).isEmpty();
        assertThat(seen.groupLines()).isEmpty();
    }

    @Test
    void aWorkplaceVisitShowsTheSchoolTheEmployersSiteContactAndArrivalTime() {
        long school = school("Visiting School", "DE3 3CC");
        long employer = data.employer(data.hub("Derby works"), "Foundry Builders Limited");
        new EmployerChanges(db.dsl())
                .setSiteDetails(
                        SOMEONE,
                        employer,
                        new SiteDetails(
                                "Foundry Builders\nUnit 4, Ascot Drive\nDerby DE24 8GW",
                                "Dan Price",
                                "07700 900123",
                                "Wait at the gatehouse; hard hats provided"));
        long offer = data.offer(employer, OfferStatus.ACTIVE, DAY.plusMonths(3));
        long request = data.request(school, 10, RequestStatus.MATCHED, DAY);
        data.atWorkplace(request, offer);
        long booking = data.booking(request, offer, null, DAY, BookingStatus.CONFIRMED);
        db.dsl()
                .update(BOOKING)
                .set(BOOKING.PERIOD, "afternoon")
                .where(BOOKING.ID.eq(booking))
                .execute();

        SchoolBooking forSchool =
                new SchoolBookingRepository(db.dsl()).find(school, booking).orElseThrow();
        EmployerBooking forEmployer =
                new EmployerBookingRepository(db.dsl()).find(employer, booking).orElseThrow();

        assertThat(forSchool.atWorkplace()).isTrue();
        assertThat(forSchool.arrival().lines())
                .containsExactly(
                        "Address: Foundry Builders, Unit 4, Ascot Drive, Derby DE24 8GW",
                        "Arrive by 1pm (the session runs 1:15pm to 3:15pm)",
                        "Ask for: Dan Price, 07700 900123",
                        "Signing in: Wait at the gatehouse; hard hats provided");
        assertThat(forEmployer.arrival().arriveBy()).isEqualTo("The group arrives by 1pm");
        assertThat(forEmployer.arrival().addressLines()).first().isEqualTo("Foundry Builders");
        assertThat(db.dsl().fetchValue(EMPLOYER.SITE_CONTACT_PHONE, EMPLOYER.ID.eq(employer)))
                .isEqualTo("07700 900123");
    }
}

package uk.encounters.marketplace.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.employer.ExistingEmployer.Reason;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;

/** Finding the one record of an organisation, whichever way it comes back. Each test uses its own names. */
class EmployerRepositoryTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static long hub;
    final EmployerRepository employers = new EmployerRepository(db.dsl());

    @BeforeAll
    static void aHubWithSchools() {
        TestData data = new TestData(db.dsl());
        hub = data.hub("Derby");
        long north = data.school(hub, "Northside Academy");
        long south = data.school(hub, "Southside School");
        db.dsl()
                .update(SCHOOL)
                .set(SCHOOL.POSTCODE, "DE22 1AA")
                .set(SCHOOL.LATITUDE, 52.94)
                .set(SCHOOL.LONGITUDE, -1.50)
                .where(SCHOOL.ID.eq(north))
                .execute();
        db.dsl()
                .update(SCHOOL)
                .set(SCHOOL.POSTCODE, "DE24 3BB")
                .set(SCHOOL.LATITUDE, 52.89)
                .set(SCHOOL.LONGITUDE, -1.45)
                .where(SCHOOL.ID.eq(south))
                .execute();
    }

    long create(String name, String email, String postcode) {
        return employers.create(hub, name, email, postcode, "small", "Manufacturing", false, 1);
    }

    @Test
    void anEmployerIsPlacedAmongTheHubsSchoolsInItsDistrictOrAtTheirMiddle() {
        long south = create("Southside Bakery Ltd", "ann@southside-bakery.example", "DE24 8BY");
        long elsewhere = create("Far Away Mills Ltd", "bo@far-away-mills.example", "NG1 1AA");
        // "%22" as a LIKE pattern would match Northside's DE22: a district keeps letters and digits only
        long odd = create("Odd Postcode Ltd", "cy@odd-postcode.example", "%22");

        assertThat(location(south)).containsExactly(52.89, -1.45);
        assertThat(location(elsewhere)).containsExactly(52.915, -1.475);
        assertThat(location(odd)).containsExactly(52.915, -1.475);
    }

    private static Double[] location(long employer) {
        var r = db.dsl().fetchSingle(EMPLOYER, EMPLOYER.ID.eq(employer));
        return new Double[] {r.getLatitude(), r.getLongitude()};
    }

    @Test
    void theSameEmailDomainIsTheSameOrganisationWhateverTheName() {
        long acme = create("Acme Engineering Ltd", "jo@acme-eng.example", "DE24 8BY");

        assertThat(employers.findExisting("ACME Group", "sam@ACME-ENG.example", "NG1 1AA"))
                .hasValue(new ExistingEmployer(acme, "Acme Engineering Ltd", Reason.SAME_EMAIL_DOMAIN));
    }

    @Test
    void aFreeMailDomainNeverJoinsTwoOrganisations() {
        create("Bright Plumbing", "bright.plumbing@gmail.com", "DE1 2AB");

        assertThat(employers.findExisting("Greenfield Gardens", "greenfield@gmail.com", "DE1 2AB"))
                .isEmpty();
        assertThat(db.dsl().fetchValue(EMPLOYER.EMAIL_DOMAIN, EMPLOYER.NAME.eq("Bright Plumbing")))
                .isNull();
    }

    @Test
    void theSameNameAtTheSamePostcodeIsTheSameOrganisation() {
        long bakery = create("Hollins Bakery Ltd", "hollins.bakery@outlook.com", "DE3 9FE");

        assertThat(employers.findExisting("HOLLINS BAKERY LIMITED", "another@hotmail.com", "de39fe"))
                .hasValue(new ExistingEmployer(bakery, "Hollins Bakery Ltd", Reason.SAME_NAME_AND_POSTCODE));
    }

    @Test
    void aNearIdenticalNameInTheSameDistrictIsTheSameOrganisation() {
        long firm = create("Riverside Precision Engineering Ltd", "office@gmail.com", "DE21 4AA");

        assertThat(employers.findExisting("Riverside Precison Engineering Limited", "r.p.e@yahoo.co.uk", "DE21 7ZZ"))
                .hasValue(
                        new ExistingEmployer(firm, "Riverside Precision Engineering Ltd", Reason.SIMILAR_NAME_NEARBY));
        assertThat(employers.findExisting("Riverside Precision Engineering Ltd", "r.p.e@yahoo.co.uk", "NG7 2RD"))
                .as("the same name in another town is another business")
                .isEmpty();
        assertThat(employers.findExisting("Riverview Precision Plastics", "r.p.e@yahoo.co.uk", "DE21 7ZZ"))
                .isEmpty();
    }

    @Test
    void aMergedRecordLeadsToTheOneThatStayed() {
        long kept = create("Castle Accountants LLP", "info@castle-acc.example", "DE1 3QQ");
        long merged = create("Castle Accountancy Services", "team@castle-accounts.example", "DE1 3QR");
        db.dsl()
                .update(EMPLOYER)
                .set(EMPLOYER.MERGED_INTO_ID, kept)
                .where(EMPLOYER.ID.eq(merged))
                .execute();

        assertThat(employers.findExisting("Castle Accountancy", "new@castle-accounts.example", "DE1 3QR"))
                .hasValue(new ExistingEmployer(kept, "Castle Accountants LLP", Reason.SAME_EMAIL_DOMAIN));
        assertThat(employers.findCurrent(merged)).get().extracting(Employer::id).isEqualTo(kept);
    }

    @Test
    void aNewOrganisationIsPlacedAmongTheSchoolsOfItsPostcodeDistrict() {
        long near = create("Southside Motors", "desk@southside-motors.example", "DE24 9XY");
        long elsewhere = create("Faraway Freight", "desk@faraway-freight.example", "S1 1AA");

        var placed = db.dsl()
                .select(EMPLOYER.LATITUDE, EMPLOYER.LONGITUDE)
                .from(EMPLOYER)
                .where(EMPLOYER.ID.eq(near))
                .fetchOne();
        assertThat(placed.value1()).isEqualTo(52.89);
        assertThat(placed.value2()).isEqualTo(-1.45);
        var hubMiddle = db.dsl()
                .select(EMPLOYER.LATITUDE)
                .from(EMPLOYER)
                .where(EMPLOYER.ID.eq(elsewhere))
                .fetchOne();
        assertThat(hubMiddle.value1()).isCloseTo(52.915, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(employers.findById(near))
                .get()
                .extracting(Employer::emailDomain)
                .isEqualTo("southside-motors.example");
    }

    @Test
    void listsPairsThatLookLikeOneOrganisationForTheCoordinator() {
        long a = create("Peak Dental Practice", "reception@peakdental.example", "DE56 1AA");
        long b = create("Peak Dental Practise Ltd", "reception@gmail.com", "DE56 2BB");
        long c = create("Peak District Tours", "hello@peaktours.example", "DE56 3CC");
        long d = create("Peak Dental Care", "nurse@peakdental.example", "S10 1AA");

        var pairs = new EmployerRepository(db.dsl())
                .findLikelyDuplicates(hub).stream()
                        .filter(p -> p.first().name().startsWith("Peak"))
                        .toList();

        assertThat(pairs)
                .extracting(
                        p -> java.util.Set.of(p.first().id(), p.second().id()),
                        EmployerRepository.LikelyDuplicate::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(java.util.Set.of(a, b), Reason.SIMILAR_NAME_NEARBY),
                        org.assertj.core.groups.Tuple.tuple(java.util.Set.of(a, d), Reason.SAME_EMAIL_DOMAIN));
        assertThat(pairs).noneMatch(p -> p.first().id() == c || p.second().id() == c);
    }

    @Test
    void summariesFilterByNameAndCountOpenOffersAndActiveVolunteers() {
        LocalDate today = LocalDate.of(2026, 11, 23);
        TestData data = new TestData(db.dsl());
        long kiln = create("Kiln Street Pottery", "kiln@kilnstreet.example", "DE1 4KS");
        long merged = create("Kiln St Pottery", "shop@kilnstreet-shop.example", "DE1 4KT");
        create("100% Kiln Supplies", "sales@kiln-supplies.example", "DE1 4KU");
        db.dsl()
                .update(EMPLOYER)
                .set(EMPLOYER.MERGED_INTO_ID, kiln)
                .where(EMPLOYER.ID.eq(merged))
                .execute();
        data.offer(kiln, OfferStatus.ACTIVE, today.plusMonths(2));
        data.offer(kiln, OfferStatus.ACTIVE, today.minusDays(1));
        data.offer(kiln, OfferStatus.PENDING, today.plusMonths(2));
        data.volunteer(kiln);
        long left = data.volunteer(kiln);
        db.dsl()
                .update(VOLUNTEER)
                .set(VOLUNTEER.ACTIVE, false)
                .where(VOLUNTEER.ID.eq(left))
                .execute();

        assertThat(employers.findSummaries(hub, "KILN STREET", today, 10))
                .containsExactly(new EmployerSummary(
                        kiln,
                        "Kiln Street Pottery",
                        "DE1 4KS",
                        "Manufacturing",
                        "small",
                        false,
                        false,
                        null,
                        1,
                        1,
                        0,
                        null));
        assertThat(employers.findSummaries(hub, "kiln", today, 10))
                .extracting(EmployerSummary::name)
                .as("merged records are left out")
                .containsExactly("100% Kiln Supplies", "Kiln Street Pottery");
        assertThat(employers.findSummaries(hub, "100%", today, 10))
                .extracting(EmployerSummary::name)
                .containsExactly("100% Kiln Supplies");
        assertThat(employers.findSummaries(hub, "_iln", today, 10))
                .as("_ and % are characters, not wildcards")
                .isEmpty();
        assertThat(employers.findSummaries(hub, "", today, 1)).hasSize(1);
    }
}

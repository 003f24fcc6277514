package uk.encounters.web.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.USER_SCOPE;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Passwords;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.employer.EmployerRepository;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** The coordinator's organisations page and merging, through real HTTP and real PostgreSQL. Each test uses its own names. */
class HubEmployerRoutesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final String PASSWORD = "quarry lemon bicycle anchor";

    static RunningApp app;
    static long derby;
    static long nottingham;
    static long school;
    static long cora;
    final TestData data = new TestData(db.dsl());

    @BeforeAll
    static void twoHubsACoordinatorOfEachAndACareersLeader() {
        TestData data = new TestData(db.dsl());
        derby = data.hub("Derby Careers Hub");
        nottingham = data.hub("Nottingham Careers Hub");
        school = data.school(derby, "Noel-Baker Academy");
        AccountRepository accounts = new AccountRepository(db.dsl());
        String hash = new Passwords().hash(PASSWORD);
        cora = accounts.create("cora@derby.example", "Cora Ordinator", hash, Scope.coordinator(derby));
        accounts.create("nia@nottingham.example", "Nia Ordinator", hash, Scope.coordinator(nottingham));
        accounts.create("cal@noel-baker.example", "Cal Leader", hash, Scope.careersLeader(school));
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static Visitor signedIn(String email) {
        return new Visitor(app).signIn(email, PASSWORD);
    }

    static long organisation(long hubId, String name, String email, String postcode) {
        return new EmployerRepository(db.dsl())
                .create(hubId, name, email, postcode, "small", "Manufacturing", false, 1);
    }

    static HttpResponse<String> merge(Visitor visitor, long hubId, long from, long into) {
        return visitor.post(
                "/hubs/" + hubId + "/employers/merge",
                Map.of("from", String.valueOf(from), "into", String.valueOf(into)));
    }

    static String employersPage(long hubId) {
        return "/hubs/" + hubId + "/employers";
    }

    @Test
    void aCoordinatorMergesALikelyDuplicateAndEverythingMovesToTheOrganisationKept() {
        long kept = organisation(derby, "Acme Engineering Ltd", "jo@acme-eng.example", "DE24 8BY");
        long dup = organisation(derby, "ACME Engineering Group", "sam@acme-eng.example", "DE21 4AA");
        long talk = data.offer(dup, OfferStatus.ACTIVE, TODAY.plusMonths(3));
        long sam = data.volunteer(dup);
        long pat = data.volunteer(dup);
        long booking = data.booking(
                data.request(school, 9, RequestStatus.MATCHED, TODAY),
                talk,
                sam,
                TODAY.plusWeeks(2),
                BookingStatus.CONFIRMED);
        new AccountRepository(db.dsl()).create("sam@acme-eng.example", "Sam", null, Scope.employer(dup));
        Visitor coordinator = signedIn("cora@derby.example");

        String page = coordinator.get(employersPage(derby)).body();
        assertThat(page)
                .contains("Likely duplicates")
                .contains("same email domain (acme-eng.example)")
                .contains("Keep Acme Engineering Ltd, merge ACME Engineering Group into it")
                .contains("Keep ACME Engineering Group, merge Acme Engineering Ltd into it")
                .contains("<form method=\"post\" action=\"/hubs/" + derby + "/employers/merge\" class=\"merge-pair\">")
                .doesNotContain("name=\"X-XSRF-TOKEN\" value=\"\"");

        HttpResponse<String> merged = merge(coordinator, derby, dup, kept);

        assertThat(merged.statusCode()).isEqualTo(302);
        assertThat(merged.headers().firstValue("location")).hasValue(employersPage(derby));
        assertThat(coordinator.get(employersPage(derby)).body())
                .contains(
                        "Merged ACME Engineering Group into Acme Engineering Ltd: 1 offer, 2 volunteers, 1 booking and 1 person moved.")
                .doesNotContain("Keep Acme Engineering Ltd, merge ACME Engineering Group into it");
        assertThat(db.dsl().fetchValue(OFFER.EMPLOYER_ID, OFFER.ID.eq(talk))).isEqualTo(kept);
        assertThat(db.dsl().fetchValues(VOLUNTEER.EMPLOYER_ID, VOLUNTEER.ID.in(sam, pat)))
                .containsOnly(kept);
        assertThat(db.dsl().fetchValue(BOOKING.OFFER_ID, BOOKING.ID.eq(booking)))
                .isEqualTo(talk);
        assertThat(db.dsl().fetchCount(USER_SCOPE, USER_SCOPE.EMPLOYER_ID.eq(dup)))
                .isZero();
        assertThat(db.dsl().fetchValue(EMPLOYER.MERGED_INTO_ID, EMPLOYER.ID.eq(dup)))
                .isEqualTo(kept);
        var audit = db.dsl()
                .fetchSingle(AUDIT_LOG, AUDIT_LOG.ACTION.eq("employers_merged").and(AUDIT_LOG.SUBJECT_ID.eq(kept)));
        assertThat(audit.getActorUserId()).isEqualTo(cora);
        assertThat(audit.getDetail().data()).contains("\"merged_from\": " + dup);
        assertThat(coordinator.get("/employers/" + dup).headers().firstValue("location"))
                .as("an old link opens the organisation kept")
                .hasValue("/employers/" + kept);
    }

    @Test
    void mergingAcrossHubsOrIntoItselfSaysWhatIsWrongAndChangesNothing() {
        long signs = organisation(derby, "Solo Signs", "info@solo-signs.example", "DE1 2SS");
        long elsewhere = organisation(nottingham, "Solo Signs Nottingham", "info@solo-signs-notts.example", "NG1 1SS");
        int merges = db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("employers_merged"));
        Visitor coordinator = signedIn("cora@derby.example");
        coordinator.get(employersPage(derby));

        HttpResponse<String> acrossHubs = merge(coordinator, derby, signs, elsewhere);
        assertThat(acrossHubs.statusCode()).isEqualTo(422);
        assertThat(acrossHubs.body())
                .contains("There is a problem")
                .contains(
                        "<a href=\"#into\">That organisation is not in this hub, or has already been merged into another</a>");

        HttpResponse<String> intoItself = merge(coordinator, derby, signs, signs);
        assertThat(intoItself.statusCode()).isEqualTo(422);
        assertThat(intoItself.body())
                .contains("an organisation cannot be merged into itself")
                .contains("<option value=\"" + signs + "\" selected>Solo Signs, DE1 2SS</option>");

        HttpResponse<String> empty = coordinator.post("/hubs/" + derby + "/employers/merge", Map.of());
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body())
                .contains("Select the organisation to merge")
                .contains("Select the organisation to keep");

        assertThat(db.dsl().fetchValues(EMPLOYER.MERGED_INTO_ID, EMPLOYER.ID.in(signs, elsewhere)))
                .containsOnlyNulls();
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("employers_merged")))
                .isEqualTo(merges);
    }

    @Test
    void aMergeTheMarketplaceRefusesIsExplainedOnTheFormAndSavesNothing() {
        long kept = organisation(derby, "Harbour Insurance", "desk@harbour-ins.example", "DE22 3HI");
        long dup = organisation(derby, "Harbour Insurance Brokers", "desk@harbour-brokers.example", "DE22 3HJ");
        long pat = volunteer(kept, "pat@harbour.example");
        long patAgain = volunteer(dup, "pat@harbour.example");
        long keptTalk = data.offer(kept, OfferStatus.ACTIVE, TODAY.plusMonths(3));
        long dupTalk = data.offer(dup, OfferStatus.ACTIVE, TODAY.plusMonths(3));
        data.booking(
                data.request(school, 8, RequestStatus.MATCHED, TODAY),
                keptTalk,
                pat,
                TODAY.plusWeeks(1),
                BookingStatus.CONFIRMED);
        data.booking(
                data.request(school, 11, RequestStatus.MATCHED, TODAY),
                dupTalk,
                patAgain,
                TODAY.plusWeeks(1),
                BookingStatus.CONFIRMED);
        Visitor coordinator = signedIn("cora@derby.example");
        coordinator.get(employersPage(derby));

        HttpResponse<String> refused = merge(coordinator, derby, dup, kept);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("pat@harbour.example").contains("booked at the same time");
        assertThat(db.dsl().fetchValue(OFFER.EMPLOYER_ID, OFFER.ID.eq(dupTalk))).isEqualTo(dup);
        assertThat(db.dsl().fetchValue(EMPLOYER.MERGED_INTO_ID, EMPLOYER.ID.eq(dup)))
                .isNull();
    }

    @Test
    void theListFiltersByNameAndLinksToEachOrganisationsPage() {
        long kites = organisation(derby, "Zephyr Kites", "hello@zephyr-kites.example", "DE3 0ZK");
        long lamps = organisation(derby, "Quartz Lamps", "hello@quartz-lamps.example", "DE3 0QL");
        data.offer(kites, OfferStatus.ACTIVE, TODAY.plusMonths(2));
        Visitor coordinator = signedIn("cora@derby.example");

        String page = coordinator.get(employersPage(derby) + "?q=zEPHYR").body();

        assertThat(page)
                .contains("<a href=\"/employers/" + kites + "\">Zephyr Kites</a></td><td>DE3 0ZK</td>"
                        + "<td>Manufacturing</td><td>small</td>")
                .doesNotContain("<a href=\"/employers/" + lamps + "\">");
        assertThat(coordinator.get(employersPage(derby)).body()).contains("<a href=\"/employers/" + lamps + "\">");
        assertThat(coordinator.get("/employers/" + kites).statusCode()).isEqualTo(200);
    }

    @Test
    void aCoordinatorOfAnotherHubIsRefused() {
        long one = organisation(derby, "Twin Bakery", "a@twin-bakery.example", "DE5 1TB");
        long two = organisation(derby, "Twin Bakery Cafe", "b@twin-bakery.example", "DE5 1TC");
        Visitor other = signedIn("nia@nottingham.example");

        assertThat(other.get(employersPage(derby)).statusCode()).isEqualTo(403);
        other.get("/account");
        assertThat(merge(other, derby, two, one).statusCode()).isEqualTo(403);
        assertThat(db.dsl().fetchValue(EMPLOYER.MERGED_INTO_ID, EMPLOYER.ID.eq(two)))
                .isNull();
    }

    @Test
    void aCareersLeaderIsRefused() {
        long one = organisation(derby, "Crown Dental", "a@crown-dental.example", "DE6 1CD");
        long two = organisation(derby, "Crown Dental Care", "b@crown-dental.example", "DE6 1CE");
        Visitor leader = signedIn("cal@noel-baker.example");

        assertThat(leader.get(employersPage(derby)).statusCode()).isEqualTo(403);
        leader.get("/account");
        assertThat(merge(leader, derby, two, one).statusCode()).isEqualTo(403);
        assertThat(db.dsl().fetchValue(EMPLOYER.MERGED_INTO_ID, EMPLOYER.ID.eq(two)))
                .isNull();
    }

    static long volunteer(long employerId, String email) {
        return db.dsl()
                .insertInto(VOLUNTEER, VOLUNTEER.EMPLOYER_ID, VOLUNTEER.NAME, VOLUNTEER.EMAIL)
                .values(employerId, "Pat Volunteer", email)
                .returning(VOLUNTEER.ID)
                .fetchOne()
                .getId();
    }
}

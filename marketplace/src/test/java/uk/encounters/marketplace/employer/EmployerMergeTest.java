package uk.encounters.marketplace.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER_HUB_PRESENCE;
import static uk.encounters.marketplace.jooq.Tables.OFFER;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.USER_SCOPE;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;

class EmployerMergeTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate DAY = LocalDate.of(2027, 2, 10);
    static long hub;
    static long school;
    static long coordinator;
    final TestData data = new TestData(db.dsl());

    @BeforeAll
    static void aHub() {
        TestData data = new TestData(db.dsl());
        hub = data.hub("Derby");
        school = data.school(hub, "Northside Academy");
        coordinator = new AccountRepository(db.dsl()).create("coord@hub.example", "Cora", null, Scope.coordinator(hub));
    }

    long volunteer(long employerId, String email, LocalDate checkedUntil) {
        return db.dsl()
                .insertInto(
                        VOLUNTEER,
                        VOLUNTEER.EMPLOYER_ID,
                        VOLUNTEER.NAME,
                        VOLUNTEER.EMAIL,
                        VOLUNTEER.SAFEGUARDING_CHECKED_UNTIL)
                .values(employerId, "Someone", email, checkedUntil)
                .returning(VOLUNTEER.ID)
                .fetchOne()
                .getId();
    }

    EmployerMerge.Moved merge(long from, long into) {
        return db.dsl().transactionResult(c -> new EmployerMerge(c.dsl()).merge(from, into, coordinator, "192.0.2.1"));
    }

    @Test
    void everyOfferVolunteerBookingPersonAndPreferenceMovesAndNothingIsLost() {
        long kept = data.employer(hub, "Acme Engineering Ltd");
        long dup = data.employer(hub, "ACME Engineering Limited");
        db.dsl()
                .update(EMPLOYER)
                .set(EMPLOYER.EMAIL_DOMAIN, "acme.example")
                .where(EMPLOYER.ID.eq(dup))
                .execute();
        data.presence(dup, hub, true, 4);
        data.presence(kept, hub, false, 2);
        long jo = volunteer(kept, "jo@acme.example", DAY.plusYears(1));
        long joAgain = volunteer(dup, "JO@acme.example", DAY.plusYears(2));
        long sam = volunteer(dup, "sam@acme.example", null);
        long talk = data.offer(dup, OfferStatus.ACTIVE, DAY.plusMonths(3));
        db.dsl()
                .update(OFFER)
                .set(OFFER.VOLUNTEER_ID, joAgain)
                .where(OFFER.ID.eq(talk))
                .execute();
        long request = data.request(school, 9, RequestStatus.MATCHED, DAY);
        long booking = data.booking(request, talk, joAgain, DAY, BookingStatus.CONFIRMED);
        long preferring = data.request(school, 10, RequestStatus.OPEN, DAY);
        db.dsl()
                .update(REQUEST)
                .set(REQUEST.PREFERRED_EMPLOYER_ID, dup)
                .where(REQUEST.ID.eq(preferring))
                .execute();
        AccountRepository accounts = new AccountRepository(db.dsl());
        long both = accounts.create("jo@acme.example", "Jo", null, Scope.employer(kept));
        accounts.addScope(both, Scope.employer(dup));
        long onlyDup = accounts.create("sam@acme.example", "Sam", null, Scope.employer(dup));

        EmployerMerge.Moved moved = merge(dup, kept);

        assertThat(moved).isEqualTo(new EmployerMerge.Moved(1, 2, 1, 1, 1, 1));
        assertThat(db.dsl().fetchValue(OFFER.EMPLOYER_ID, OFFER.ID.eq(talk))).isEqualTo(kept);
        assertThat(db.dsl().fetchValue(OFFER.VOLUNTEER_ID, OFFER.ID.eq(talk)))
                .as("Jo is one volunteer now")
                .isEqualTo(jo);
        assertThat(db.dsl().fetchValue(BOOKING.VOLUNTEER_ID, BOOKING.ID.eq(booking)))
                .isEqualTo(jo);
        assertThat(db.dsl().fetchValue(BOOKING.STATUS, BOOKING.ID.eq(booking))).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(db.dsl().fetch(VOLUNTEER, VOLUNTEER.EMPLOYER_ID.eq(kept)))
                .extracting(r -> r.getId())
                .containsExactlyInAnyOrder(jo, sam);
        assertThat(db.dsl().fetchValue(VOLUNTEER.SAFEGUARDING_CHECKED_UNTIL, VOLUNTEER.ID.eq(jo)))
                .as("the later check is kept")
                .isEqualTo(DAY.plusYears(2));
        assertThat(db.dsl().fetchValue(REQUEST.PREFERRED_EMPLOYER_ID, REQUEST.ID.eq(preferring)))
                .isEqualTo(kept);
        assertThat(accounts.findById(both).orElseThrow().scopes()).containsExactly(Scope.employer(kept));
        assertThat(accounts.findById(onlyDup).orElseThrow().scopes()).containsExactly(Scope.employer(kept));
        var survivor = db.dsl().fetchSingle(EMPLOYER, EMPLOYER.ID.eq(kept));
        assertThat(survivor.getEmailDomain()).isEqualTo("acme.example");
        var presence = db.dsl().fetchSingle(EMPLOYER_HUB_PRESENCE, EMPLOYER_HUB_PRESENCE.EMPLOYER_ID.eq(kept));
        assertThat(presence.getMaxAsksPerMonth()).as("the stricter wish wins").isEqualTo((short) 2);
        assertThat(presence.getCornerstone())
                .as("a cornerstone mark on either holds")
                .isTrue();
        assertThat(db.dsl().fetchValue(EMPLOYER.MERGED_INTO_ID, EMPLOYER.ID.eq(dup)))
                .isEqualTo(kept);
        assertThat(db.dsl().fetchCount(USER_SCOPE, USER_SCOPE.EMPLOYER_ID.eq(dup)))
                .isZero();

        var audit = db.dsl()
                .fetchSingle(AUDIT_LOG, AUDIT_LOG.ACTION.eq("employers_merged").and(AUDIT_LOG.SUBJECT_ID.eq(kept)));
        assertThat(audit.getActorUserId()).isEqualTo(coordinator);
        assertThat(audit.getDetail().data()).contains("\"merged_from\": " + dup).contains("\"volunteers_folded\": 1");
    }

    @Test
    void recordsMergedEarlierIntoTheLoserFollowItToTheSurvivor() {
        long first = data.employer(hub, "Castle Cakes");
        long second = data.employer(hub, "Castle Cakes Ltd");
        long third = data.employer(hub, "Castle Cake Co");

        merge(third, second);
        merge(second, first);

        assertThat(db.dsl().fetchValue(EMPLOYER.MERGED_INTO_ID, EMPLOYER.ID.eq(third)))
                .isEqualTo(first);
        assertThat(new EmployerRepository(db.dsl()).findCurrent(third))
                .get()
                .extracting(Employer::id)
                .isEqualTo(first);
    }

    @Test
    void refusesSelfAlreadyMergedAndOtherHubs() {
        long a = data.employer(hub, "Solo Signs");
        long b = data.employer(hub, "Solo Signs Ltd");
        long elsewhere = data.employer(data.hub("Nottingham"), "Solo Signs");

        assertThatThrownBy(() -> merge(a, a))
                .isInstanceOf(EmployerMerge.Refused.class)
                .hasMessageContaining("itself");
        assertThatThrownBy(() -> merge(a, elsewhere))
                .isInstanceOf(EmployerMerge.Refused.class)
                .hasMessageContaining("same Careers Hub");
        merge(b, a);
        assertThatThrownBy(() -> merge(b, a))
                .isInstanceOf(EmployerMerge.Refused.class)
                .hasMessageContaining("already");
        assertThatThrownBy(() -> merge(a, 987_654_321L)).isInstanceOf(EmployerMerge.Refused.class);
    }

    @Test
    void aMergeThatWouldDoubleBookOnePersonIsRefusedNamingThemAndSavesNothing() {
        long kept = data.employer(hub, "Harbour Insurance");
        long dup = data.employer(hub, "Harbour Insurance Ltd");
        long pat = volunteer(kept, "pat@harbour.example", null);
        long patAgain = volunteer(dup, "pat@harbour.example", null);
        long keptTalk = data.offer(kept, OfferStatus.ACTIVE, DAY.plusMonths(3));
        long dupTalk = data.offer(dup, OfferStatus.ACTIVE, DAY.plusMonths(3));
        data.booking(data.request(school, 8, RequestStatus.MATCHED, DAY), keptTalk, pat, DAY, BookingStatus.CONFIRMED);
        data.booking(
                data.request(school, 11, RequestStatus.MATCHED, DAY), dupTalk, patAgain, DAY, BookingStatus.CONFIRMED);

        assertThatThrownBy(() -> merge(dup, kept))
                .isInstanceOf(EmployerMerge.Refused.class)
                .hasMessageContaining("pat@harbour.example")
                .hasMessageContaining("booked at the same time");

        assertThat(db.dsl().fetchValue(OFFER.EMPLOYER_ID, OFFER.ID.eq(dupTalk))).isEqualTo(dup);
        assertThat(db.dsl().fetchValue(EMPLOYER.MERGED_INTO_ID, EMPLOYER.ID.eq(dup)))
                .isNull();
        assertThat(db.dsl().fetchCount(VOLUNTEER, VOLUNTEER.ID.eq(patAgain))).isOne();
    }
}

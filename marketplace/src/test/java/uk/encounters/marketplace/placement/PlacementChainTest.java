package uk.encounters.marketplace.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.PLACEMENT;
import static uk.encounters.marketplace.jooq.Tables.PLACEMENT_SIGN_OFF;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.LoginTokenRepository.Purpose;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.booking.SchoolBooking;
import uk.encounters.marketplace.booking.SchoolBookingChanges;
import uk.encounters.marketplace.booking.SchoolBookingRepository;
import uk.encounters.marketplace.employer.EmployerMerge;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.placement.PlacementChecks.Outcome;
import uk.encounters.marketplace.placement.PlacementReadiness.State;
import uk.encounters.marketplace.placement.PlacementRepository.PlacementLine;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.ExampleLinks;
import uk.encounters.marketplace.testing.SamplePaperwork;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;

/**
 * A placement per pupil chosen for work experience, where it stands, and the school's check of the
 * host's paperwork: the steps before a placement is ready.
 */
class PlacementChainTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final ZoneId UK = ZoneId.of("Europe/London");
    static final LocalDate TODAY = LocalDate.of(2027, 5, 3);
    static final LocalDate STARTS = LocalDate.of(2027, 6, 14);
    static final LocalDate ENDS = LocalDate.of(2027, 6, 25);

    final TestData data = new TestData(db.dsl());
    final Clock clock = Clock.fixed(TODAY.atTime(9, 0).atZone(UK).toInstant(), UK);
    final PlacementRepository placements = new PlacementRepository(db.dsl(), clock);
    final PlacementChecks checks = new PlacementChecks(db.dsl(), clock);
    final PlacementAnswers answers = new PlacementAnswers(db.dsl(), clock);
    final SchoolBookingChanges changes = new SchoolBookingChanges(db.dsl(), clock, ExampleLinks.cancellations(clock));

    /** A school with three Year 10 pupils and a host with a fortnight's work-experience booking for them. */
    record Fixture(long hub, long school, long host, long booking, List<Long> pupils, Actor leader) {

        SchoolBooking booking(SchoolBookingRepository bookings) {
            return bookings.find(school, booking).orElseThrow();
        }
    }

    Fixture fixture(String name) {
        long hub = data.hub(name + " hub");
        long school = data.school(hub, name + " Academy");
        long host = data.employer(hub, name + " Logistics");
        long booking = data.workExperienceBooking(school, host, STARTS, ENDS, 3);
        List<Long> pupils = List.of(data.pupil(school, 10), data.pupil(school, 10), data.pupil(school, 10));
        long user = new AccountRepository(db.dsl())
                .create(name.toLowerCase() + "-leader@example.org", "Sam Leader", null, Scope.careersLeader(school));
        return new Fixture(hub, school, host, booking, pupils, new Actor(user, "198.51.100.9"));
    }

    void choose(Fixture f, Long... pupils) {
        changes.choosePupils(f.leader(), f.booking(new SchoolBookingRepository(db.dsl())), Set.of(pupils));
    }

    long declare(Fixture f, LocalDate insuranceEnds) {
        return SamplePaperwork.declared(db.dsl(), f.host(), TODAY.minusDays(10), insuranceEnds, TODAY.minusMonths(2));
    }

    /** The checks recorded for the school's placements (the database is shared by the class's tests). */
    int signOffs(Fixture f) {
        return db.dsl()
                .fetchCount(
                        PLACEMENT_SIGN_OFF
                                .join(PLACEMENT)
                                .on(PLACEMENT.ID.eq(PLACEMENT_SIGN_OFF.PLACEMENT_ID))
                                .join(PUPIL)
                                .on(PUPIL.ID.eq(PLACEMENT.PUPIL_ID)),
                        PUPIL.SCHOOL_ID.eq(f.school()));
    }

    List<Long> ids(List<PlacementLine> lines) {
        return lines.stream().map(l -> l.placement().pupilId()).sorted().toList();
    }

    @Test
    void choosingWhoGoesOnWorkExperienceMakesAPlacementEachAndChangingItWithdrawsOnlyThoseDropped() {
        Fixture f = fixture("Choosing");
        choose(f, f.pupils().get(0), f.pupils().get(1));

        List<PlacementLine> made = placements.forSchool(f.school());
        assertThat(ids(made)).containsExactly(f.pupils().get(0), f.pupils().get(1));
        Placement first = made.getFirst().placement();
        assertThat(first.source()).isEqualTo(PlacementSource.BOOKED);
        assertThat(first.employerId()).isEqualTo(f.host());
        assertThat(first.startsOn()).isEqualTo(STARTS);
        assertThat(first.endsOn()).isEqualTo(ENDS);
        assertThat(placements.forEmployer(f.host())).hasSize(2);
        assertThat(placements.forHub(f.hub())).hasSize(2);

        choose(f, f.pupils().get(1), f.pupils().get(2));
        assertThat(ids(placements.forSchool(f.school())))
                .containsExactly(f.pupils().get(1), f.pupils().get(2));
        // the dropped pupil's placement is kept, withdrawn, and comes back (the same row) if they are chosen again
        assertThat(db.dsl().fetchCount(PLACEMENT, PLACEMENT.BOOKING_ID.eq(f.booking())))
                .isEqualTo(3);
        long keptId = db.dsl()
                .fetchValue(PLACEMENT.ID, PLACEMENT.PUPIL_ID.eq(f.pupils().get(0)));
        choose(f, f.pupils().get(0));
        assertThat(placements.forSchool(f.school()))
                .extracting(l -> l.placement().id())
                .containsExactly(keptId);
    }

    @Test
    void aTalkBookingMakesNoPlacementAndADeclinedBookingsPlacementsDropOff() {
        Fixture f = fixture("Declined");
        long talkRequest = data.request(f.school(), 10, RequestStatus.MATCHED, STARTS);
        long talkOffer = data.offer(f.host(), OfferStatus.ACTIVE, ENDS);
        long talk = data.booking(talkRequest, talkOffer, null, STARTS, BookingStatus.CONFIRMED);
        changes.choosePupils(
                f.leader(),
                new SchoolBookingRepository(db.dsl()).find(f.school(), talk).orElseThrow(),
                Set.of(f.pupils().get(0)));
        assertThat(placements.forSchool(f.school())).isEmpty();

        choose(f, f.pupils().get(0));
        assertThat(placements.forSchool(f.school())).hasSize(1);
        changes.decline(f.leader(), f.booking(new SchoolBookingRepository(db.dsl())), "Exams moved to that week");
        assertThat(placements.forSchool(f.school())).as("no longer going ahead").isEmpty();
    }

    @Test
    void eachPlacementInAListStandsOnItsOwnHostsLatestPaperwork() {
        Fixture f = fixture("Two hosts");
        choose(f, f.pupils().get(0));
        long otherHost = data.employer(f.hub(), "Two hosts Bakery");
        long otherBooking = data.workExperienceBooking(f.school(), otherHost, STARTS, ENDS, 1);
        changes.choosePupils(
                f.leader(),
                new SchoolBookingRepository(db.dsl())
                        .find(f.school(), otherBooking)
                        .orElseThrow(),
                Set.of(f.pupils().get(1)));
        // the first host declared twice: cover too short, then renewed; the bakery never
        declare(f, STARTS.plusDays(4));
        declare(f, LocalDate.of(2028, 3, 31));

        Map<Long, State> paperwork = placements.forSchool(f.school()).stream()
                .collect(Collectors.toMap(
                        l -> l.placement().employerId(),
                        l -> l.readiness().steps().getFirst().state()));
        assertThat(paperwork).containsOnly(Map.entry(f.host(), State.DONE), Map.entry(otherHost, State.TO_DO));
    }

    @Test
    void aPlacementIsReadyOnlyWhenThePaperworkHoldsOnEveryDayAndTheSchoolApprovedWhatIsInForce() {
        Fixture f = fixture("Ready");
        choose(f, f.pupils().get(0));
        PlacementLine line = placements.forSchool(f.school()).getFirst();
        assertThat(line.readiness().steps())
                .extracting(PlacementReadiness.Step::state)
                .containsExactly(State.TO_DO, State.WAITING, State.TO_DO, State.TO_DO, State.LATER);
        assertThat(line.readiness().nextStep().next()).isEqualTo(PlacementParty.HOST);
        assertThat(line.readiness().ready()).isFalse();

        // insured until the middle of the placement: not enough
        long shortCover = declare(f, STARTS.plusDays(4));
        line = placements.forSchool(f.school()).getFirst();
        assertThat(line.readiness().steps().getFirst().state()).isEqualTo(State.RUNS_OUT);
        assertThat(line.readiness().steps().getFirst().detail())
                .contains("the insurance ends on Fri 18 Jun 2027")
                .contains("before the placement ends on Fri 25 Jun 2027");
        Placement placement = line.placement();
        assertThat(checks.decide(
                        f.leader(), f.school(), List.of(placement.id()), shortCover, SignOffDecision.APPROVED, ""))
                .isEqualTo(Outcome.DOES_NOT_HOLD);
        assertThat(signOffs(f)).isZero();

        long renewed = declare(f, LocalDate.of(2028, 3, 31));
        line = placements.forSchool(f.school()).getFirst();
        assertThat(line.readiness().steps())
                .extracting(PlacementReadiness.Step::state)
                .startsWith(State.DONE, State.TO_DO);
        assertThat(line.readiness().nextStep().next()).isEqualTo(PlacementParty.SCHOOL);
        // checked against what the page showed: the earlier declaration is no longer in force
        assertThat(checks.decide(
                        f.leader(), f.school(), List.of(placement.id()), shortCover, SignOffDecision.APPROVED, ""))
                .isEqualTo(Outcome.DECLARED_AGAIN);

        int audited = db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("placement_checked"));
        assertThat(checks.decide(
                        f.leader(), f.school(), List.of(placement.id()), renewed, SignOffDecision.APPROVED, ""))
                .isEqualTo(Outcome.RECORDED);
        line = placements.forSchool(f.school()).getFirst();
        assertThat(line.readiness().steps().get(1).detail()).isEqualTo("Approved by Sam Leader on Mon 3 May 2027");
        // then the parent's agreement and the pupil's checklist; the reflection comes afterwards
        assertThat(line.readiness().nextStep().step()).isEqualTo(PlacementStep.PARENT_AGREEMENT);
        assertThat(line.readiness().nextStep().next()).isEqualTo(PlacementParty.SCHOOL);
        Actor visitor = Actor.anonymous("203.0.113.5");
        answers.agree(visitor, placement.id(), AgreementDecision.AGREED, "Jo Smith", "mother", false);
        answers.completeInduction(visitor, placement.id(), EnumSet.allOf(InductionPoint.class));
        line = placements.forSchool(f.school()).getFirst();
        assertThat(line.readiness().ready()).isTrue();
        assertThat(line.readiness().steps().getLast().state()).isEqualTo(State.LATER);
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("placement_checked")))
                .isEqualTo(audited + 1);

        // the host declares again: the school's approval was of the old declaration, so it checks again
        declare(f, LocalDate.of(2028, 4, 30));
        line = placements.forSchool(f.school()).getFirst();
        assertThat(line.readiness().ready()).isFalse();
        assertThat(line.readiness().steps().get(1).state()).isEqualTo(State.TO_DO);
        assertThat(line.readiness().steps().get(1).detail()).startsWith("The host declared again on");
    }

    @Test
    void sentBackWaitsForTheHostWithTheReasonAndABookingsPupilsAreCheckedTogether() {
        Fixture f = fixture("Together");
        choose(f, f.pupils().toArray(Long[]::new));
        long declaration = declare(f, LocalDate.of(2028, 3, 31));
        List<Long> all = placements.forSchool(f.school()).stream()
                .map(l -> l.placement().id())
                .toList();

        assertThat(checks.decide(
                        f.leader(),
                        f.school(),
                        all,
                        declaration,
                        SignOffDecision.SENT_BACK,
                        "  The risk assessment does not cover the warehouse floor. "))
                .isEqualTo(Outcome.RECORDED);
        for (PlacementLine line : placements.forSchool(f.school())) {
            PlacementReadiness.Step check = line.readiness().steps().get(1);
            assertThat(check.state()).isEqualTo(State.SENT_BACK);
            assertThat(check.next()).isEqualTo(PlacementParty.HOST);
            assertThat(check.detail())
                    .isEqualTo("Sent back on Mon 3 May 2027: The risk assessment does not cover the warehouse floor.");
        }
        List<HostedPlacement> hosted = HostedPlacement.of(placements.forEmployer(f.host()));
        assertThat(hosted).singleElement().satisfies(h -> {
            assertThat(h.pupils()).isEqualTo(3);
            assertThat(h.ready()).isZero();
            assertThat(h.waiting().state()).isEqualTo(State.SENT_BACK);
        });

        assertThatThrownBy(
                        () -> checks.decide(f.leader(), f.school(), all, declaration, SignOffDecision.SENT_BACK, " "))
                .isInstanceOf(IllegalArgumentException.class);
        // a check, once made, stands as made: checking again adds a row
        assertThatThrownBy(() -> db.dsl()
                        .update(PLACEMENT_SIGN_OFF)
                        .set(PLACEMENT_SIGN_OFF.REASON, "changed")
                        .where(PLACEMENT_SIGN_OFF.PLACEMENT_ID.eq(all.getFirst()))
                        .execute())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("never changed");
        assertThat(signOffs(f)).isEqualTo(3);
    }

    @Test
    void anotherSchoolsPlacementIsNotCheckedAndNothingIsHalfRecorded() {
        Fixture ours = fixture("Ours");
        Fixture theirs = fixture("Theirs");
        choose(ours, ours.pupils().get(0));
        choose(theirs, theirs.pupils().get(0));
        long declaration = declare(ours, LocalDate.of(2028, 3, 31));
        long own = placements.forSchool(ours.school()).getFirst().placement().id();
        long other =
                placements.forSchool(theirs.school()).getFirst().placement().id();

        assertThat(checks.decide(
                        ours.leader(), ours.school(), List.of(own, other), declaration, SignOffDecision.APPROVED, ""))
                .isEqualTo(Outcome.NOT_GOING_AHEAD);
        assertThat(signOffs(ours)).isZero();
        assertThat(signOffs(theirs)).isZero();
        assertThat(placements.find(ours.school(), other)).isEmpty();
    }

    @Test
    void aMergeMovesTheHostsPlacementsAndRemovingAPupilsRecordRemovesTheirs() {
        Fixture f = fixture("Merged");
        choose(f, f.pupils().get(0), f.pupils().get(1));
        long declaration = declare(f, LocalDate.of(2028, 3, 31));
        long first = placements.forSchool(f.school()).getFirst().placement().id();
        checks.decide(f.leader(), f.school(), List.of(first), declaration, SignOffDecision.APPROVED, "");
        long kept = data.employer(f.hub(), "Merged Logistics Ltd");

        new EmployerMerge(db.dsl()).merge(Actor.anonymous("192.0.2.1"), f.host(), kept);
        assertThat(placements.forEmployer(kept)).hasSize(2);
        assertThat(placements.forEmployer(f.host())).isEmpty();

        long pupil = placements.forSchool(f.school()).getFirst().placement().pupilId();
        db.dsl()
                .deleteFrom(uk.encounters.marketplace.jooq.Tables.BOOKING_PUPIL)
                .where(uk.encounters.marketplace.jooq.Tables.BOOKING_PUPIL.PUPIL_ID.eq(pupil))
                .execute();
        db.dsl().deleteFrom(PUPIL).where(PUPIL.ID.eq(pupil)).execute();
        assertThat(db.dsl().fetchCount(PLACEMENT, PLACEMENT.PUPIL_ID.eq(pupil))).isZero();
        assertThat(placements.forSchool(f.school())).hasSize(1);
    }

    @Test
    void aParentsNewestAnswerStandsAndThePupilsChecklistAndReflectionAreGivenOnce() {
        Fixture f = fixture("Answers");
        choose(f, f.pupils().get(0));
        Placement placement = placements.forSchool(f.school()).getFirst().placement();
        Actor visitor = Actor.anonymous("203.0.113.5");

        answers.agree(visitor, placement.id(), AgreementDecision.REFUSED, "Jo Smith", "mother", false);
        PlacementReadiness.Step agreement =
                placements.readiness(placement).steps().get(2);
        assertThat(agreement.state()).isEqualTo(State.REFUSED);
        assertThat(agreement.next()).isEqualTo(PlacementParty.SCHOOL);
        assertThat(agreement.detail()).startsWith("Refused by Jo Smith (mother) on Mon 3 May 2027");

        // she changes her mind on the school's paper form: both answers kept, the newest stands
        answers.agree(f.leader(), placement.id(), AgreementDecision.AGREED, "Jo Smith", "mother", true);
        agreement = placements.readiness(placement).steps().get(2);
        assertThat(agreement.state()).isEqualTo(State.DONE);
        assertThat(agreement.detail())
                .isEqualTo("Agreed by Jo Smith (mother) on Mon 3 May 2027, on a paper form recorded by Sam Leader");
        assertThat(db.dsl()
                        .fetchCount(
                                uk.encounters.marketplace.jooq.Tables.PLACEMENT_AGREEMENT,
                                uk.encounters.marketplace.jooq.Tables.PLACEMENT_AGREEMENT.PLACEMENT_ID.eq(
                                        placement.id())))
                .isEqualTo(2);

        assertThatThrownBy(() -> answers.completeInduction(visitor, placement.id(), EnumSet.of(InductionPoint.DRESS)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(answers.completeInduction(visitor, placement.id(), EnumSet.allOf(InductionPoint.class)))
                .isTrue();
        assertThat(answers.completeInduction(visitor, placement.id(), EnumSet.allOf(InductionPoint.class)))
                .as("once")
                .isFalse();
        assertThat(answers.reflect(visitor, placement.id(), "Packed orders", "Accuracy matters", WouldConsider.MAYBE))
                .isTrue();
        assertThat(answers.reflect(visitor, placement.id(), "Again", "Again", WouldConsider.NO))
                .isFalse();
        PlacementProgress progress = placements.progress(placement.id());
        assertThat(progress.reflection().whatTheyDid()).isEqualTo("Packed orders");
        assertThat(progress.reflection().wouldConsider()).isEqualTo(WouldConsider.MAYBE);
        assertThat(placements.readiness(placement).steps().getLast().detail())
                .isEqualTo("Written on Mon 3 May 2027; would consider this work: maybe");
    }

    @Test
    void aPlacementsLinksOpenItAloneForTheirOnePurposeUntilTheDayAfterItEnds() {
        Fixture f = fixture("Links");
        choose(f, f.pupils().get(0), f.pupils().get(1));
        List<Placement> both = placements.forSchool(f.school()).stream()
                .map(PlacementLine::placement)
                .toList();
        Placement placement = both.get(0);
        PlacementLinks links = new PlacementLinks(db.dsl(), clock);
        String parent = links.make(f.leader(), placement, Purpose.PLACEMENT_AGREEMENT);

        assertThat(links.opens(parent, Purpose.PLACEMENT_AGREEMENT, placement.id()))
                .isTrue();
        assertThat(links.opens(parent, Purpose.PLACEMENT_PUPIL, placement.id()))
                .as("one purpose")
                .isFalse();
        assertThat(links.opens(parent, Purpose.PLACEMENT_AGREEMENT, both.get(1).id()))
                .as("one placement")
                .isFalse();
        assertThat(links.opens(parent + "x", Purpose.PLACEMENT_AGREEMENT, placement.id()))
                .isFalse();
        assertThat(placements.readiness(placement).steps().get(2).next()).isEqualTo(PlacementParty.PARENT);

        Clock lastDay = Clock.fixed(ENDS.atTime(23, 30).atZone(UK).toInstant(), UK);
        Clock dayAfter = Clock.fixed(ENDS.plusDays(1).atTime(0, 1).atZone(UK).toInstant(), UK);
        assertThat(new PlacementLinks(db.dsl(), lastDay).opens(parent, Purpose.PLACEMENT_AGREEMENT, placement.id()))
                .isTrue();
        assertThat(new PlacementLinks(db.dsl(), dayAfter).opens(parent, Purpose.PLACEMENT_AGREEMENT, placement.id()))
                .isFalse();
        assertThat(db.dsl()
                        .fetchExists(
                                uk.encounters.marketplace.jooq.Tables.LOGIN_TOKEN,
                                uk.encounters.marketplace.jooq.Tables.LOGIN_TOKEN.TOKEN_HASH.eq(parent)))
                .as("only its hash is kept")
                .isFalse();
    }
}

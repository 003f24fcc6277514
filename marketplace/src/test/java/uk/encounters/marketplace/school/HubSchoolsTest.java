package uk.encounters.marketplace.school;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.calendar.Horizon;
import uk.encounters.marketplace.calendar.SchoolCalendar;
import uk.encounters.marketplace.register.DeprivationFile;
import uk.encounters.marketplace.register.EstablishmentRegister;
import uk.encounters.marketplace.register.RegisterExcerpt;
import uk.encounters.marketplace.register.RegisterFile;
import uk.encounters.marketplace.request.RequestChanges;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.round.RoundRepository;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;

class HubSchoolsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final Actor COORDINATOR = Actor.anonymous("192.0.2.1");
    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final int LITTLEOVER = 112956;
    static final int DERBY_COLLEGE = 133585;
    static final int KINGSMEAD = 135345;
    static final int LORD_STREET_NURSERY = 112471;

    static HubSchools schools;
    static TestData data;

    @BeforeAll
    static void registerLoaded() {
        new EstablishmentRegister(db.dsl())
                .load(Actor.anonymous(null), RegisterFile.read(RegisterExcerpt.derby()), "gias-derby.csv");
        schools = new HubSchools(db.dsl());
        data = new TestData(db.dsl());
    }

    @Test
    void aSchoolJoinsWithWhatTheRegisterSaysOfIt() {
        long hub = data.hub("Joining hub");

        var added = schools.add(COORDINATOR, hub, LITTLEOVER);

        assertThat(added).isInstanceOf(HubSchools.Added.Done.class);
        var school =
                db.dsl().selectFrom(SCHOOL).where(SCHOOL.URN.eq(LITTLEOVER)).fetchSingle();
        assertThat(school.getHubId()).isEqualTo(hub);
        assertThat(school.getName()).isEqualTo("Littleover Community School");
        assertThat(school.getPhase()).isEqualTo(SchoolPhase.SECONDARY);
        assertThat(school.getPostcode()).isEqualTo("DE23 4BZ");
        assertThat(school.getLatitude()).isNotNull();
        assertThat(schools.members(hub)).singleElement().satisfies(m -> {
            assertThat(m.name()).isEqualTo("Littleover Community School");
            assertThat(m.pupils()).isZero();
            assertThat(m.careersLeaders()).isZero();
        });
        assertThat(db.dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("school_added")))
                .isPositive();

        assertThat(schools.add(COORDINATOR, hub, LITTLEOVER)).isInstanceOf(HubSchools.Added.AlreadyHere.class);
        long other = data.hub("Neighbouring hub");
        assertThat(schools.add(COORDINATOR, other, LITTLEOVER))
                .isEqualTo(new HubSchools.Added.InAnotherHub("Littleover Community School", "Joining hub"));
    }

    @Test
    void collegesAndSpecialSchoolsJoinAsWhatTheyAre() {
        long hub = data.hub("Colleges hub");

        schools.add(COORDINATOR, hub, DERBY_COLLEGE);
        schools.add(COORDINATOR, hub, KINGSMEAD);

        assertThat(schools.members(hub))
                .extracting(HubSchools.Member::phase)
                .containsExactly(SchoolPhase.FURTHER_EDUCATION, SchoolPhase.SPECIAL);
    }

    @Test
    void nonSecondaryAndUnknownEstablishmentsAreRefusedAndNothingIsSaved() {
        long hub = data.hub("Refusing hub");

        assertThat(schools.add(COORDINATOR, hub, LORD_STREET_NURSERY))
                .isInstanceOfSatisfying(
                        HubSchools.Added.Refused.class,
                        r -> assertThat(r.reason()).contains("nursery"));
        assertThat(schools.add(COORDINATOR, hub, 999_999)).isInstanceOf(HubSchools.Added.NotInRegister.class);
        assertThat(schools.members(hub)).isEmpty();
    }

    @Test
    void aSchoolThatLeavesKeepsItsHistoryAndAnotherHubCanTakeIt() {
        long hub = data.hub("Leaving hub");
        long schoolId = ((HubSchools.Added.Done) schools.add(COORDINATOR, hub, 112991)).schoolId();
        long pupil = data.pupil(schoolId, 9);
        long open = data.request(schoolId, 9, RequestStatus.OPEN, TODAY.plusDays(14));
        long matched = data.request(schoolId, 10, RequestStatus.MATCHED, TODAY.plusDays(14));

        assertThat(schools.leaving(hub, schoolId, TODAY))
                .hasValueSatisfying(l -> assertThat(l.openRequests()).isEqualTo(1));
        assertThat(schools.remove(COORDINATOR, hub, schoolId, TODAY)).isEmpty();

        var school = db.dsl().selectFrom(SCHOOL).where(SCHOOL.ID.eq(schoolId)).fetchSingle();
        assertThat(school.getHubId()).isNull();
        assertThat(school.getLeftHubId()).isEqualTo(hub);
        assertThat(school.getLeftHubOn()).isEqualTo(TODAY);
        assertThat(requestStatus(open)).isEqualTo(RequestStatus.CANCELLED);
        assertThat(requestStatus(matched)).isEqualTo(RequestStatus.MATCHED);
        assertThat(pupil).isPositive();
        assertThat(schools.members(hub)).isEmpty();
        assertThat(schools.leavers(hub)).extracting(HubSchools.Leaver::id).containsExactly(schoolId);
        // no round would match what it asks now, so nothing it asks is posted
        assertThat(new RequestChanges(db.dsl()).postPlan(COORDINATOR, schoolId, List.of()))
                .isEmpty();

        long next = data.hub("Next hub");
        assertThat(schools.add(COORDINATOR, next, 112991)).isInstanceOf(HubSchools.Added.Done.class);
        var moved = db.dsl().selectFrom(SCHOOL).where(SCHOOL.ID.eq(schoolId)).fetchSingle();
        assertThat(moved.getHubId()).isEqualTo(next);
        assertThat(moved.getLeftHubId()).isNull();
        assertThat(new RequestChanges(db.dsl()).postPlan(COORDINATOR, schoolId, List.of()))
                .contains(List.of());
        assertThat(schools.leavers(hub)).isEmpty();
    }

    @Test
    void theIndicesOfDeprivationMakeASchoolInADeprivedNeighbourhoodAColdSpot() {
        long hub = data.hub("Deprivation hub");
        long noelBaker = ((HubSchools.Added.Done) schools.add(COORDINATOR, hub, 143853)).schoolId();
        assertThat(decileOf(noelBaker)).as("no indices loaded yet").isNull();

        new EstablishmentRegister(db.dsl())
                .loadDeprivation(COORDINATOR, DeprivationFile.read(RegisterExcerpt.derbyDeprivation()), "imd.csv");

        assertThat(decileOf(noelBaker)).isEqualTo((short) 2);
        assertThat(ColdSpot.is(2)).isTrue();
        long leesBrook = ((HubSchools.Added.Done) schools.add(COORDINATOR, data.hub("Later hub"), 143934)).schoolId();
        assertThat(decileOf(leesBrook)).isEqualTo((short) 6);
        assertThat(new EstablishmentRegister(db.dsl()).deprivationLoad())
                .hasValueSatisfying(l -> assertThat(l.neighbourhoods()).isEqualTo(151));
    }

    private static Short decileOf(long schoolId) {
        return db.dsl().fetchValue(SCHOOL.DEPRIVATION_DECILE, SCHOOL.ID.eq(schoolId));
    }

    @Test
    void noSchoolLeavesWhileTheHubsRoundIsOpenNorFromAHubItIsNotIn() {
        long hub = data.hub("Round hub");
        long schoolId = ((HubSchools.Added.Done) schools.add(COORDINATOR, hub, 136634)).schoolId();
        new RoundRepository(db.dsl())
                .create(hub, Horizon.schoolWeeks(SchoolCalendar.ENGLAND, TODAY, 6), "weekly", null);

        assertThat(schools.remove(COORDINATOR, hub, schoolId, TODAY)).contains(HubSchools.Blocked.ROUND_OPEN);
        assertThat(schools.remove(COORDINATOR, data.hub("Stranger hub"), schoolId, TODAY))
                .contains(HubSchools.Blocked.NOT_IN_HUB);
        assertThat(db.dsl().fetchValue(SCHOOL.HUB_ID, SCHOOL.ID.eq(schoolId))).isEqualTo(hub);
    }

    private static RequestStatus requestStatus(long requestId) {
        return db.dsl().fetchValue(REQUEST.STATUS, REQUEST.ID.eq(requestId));
    }
}

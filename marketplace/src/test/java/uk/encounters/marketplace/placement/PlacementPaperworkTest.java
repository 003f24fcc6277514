package uk.encounters.marketplace.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.PLACEMENT_DECLARATION;
import static uk.encounters.marketplace.jooq.Tables.PLACEMENT_DOCUMENT;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditEntry;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.employer.EmployerMerge;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.testing.SamplePaperwork;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;

/** Declaring an organisation's placement paperwork: each time a new row, the files kept, audited. */
class PlacementPaperworkTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 2);
    static final ZoneId UK = ZoneId.of("Europe/London");

    final TestData data = new TestData(db.dsl());
    final PlacementPaperwork paperwork = new PlacementPaperwork(
            db.dsl(), Clock.fixed(TODAY.atTime(9, 0).atZone(UK).toInstant(), UK));

    long employer(String name) {
        return data.employer(data.hub(name + " hub"), name);
    }

    Actor contact(long employerId) {
        long user = new AccountRepository(db.dsl())
                .create("contact" + employerId + "@example.org", "Ash Contact", null, Scope.employer(employerId));
        return new Actor(user, "198.51.100.7");
    }

    static PlacementDocument certificate() {
        return PlacementDocument.of(DocumentKind.INSURANCE_CERTIFICATE, "insurance-2026.pdf", SamplePaperwork.pdf());
    }

    @Test
    void declaringStoresTheFilesAndTheDeclarationAndAuditsIt() {
        long employer = employer("Acme Engineering");
        Actor ash = contact(employer);
        PlacementDocument assessment =
                PlacementDocument.of(DocumentKind.RISK_ASSESSMENT, "risk.png", SamplePaperwork.png());
        PlacementDeclaration declared = new PlacementDeclaration(
                "Zurich Insurance",
                "EL-123456",
                LocalDate.of(2027, 1, 5),
                null,
                LocalDate.of(2026, 9, 1),
                "Pupils are inducted on the first morning.",
                "Dan Price",
                "01332 123456",
                "9:00 to 15:30",
                "Safety boots provided");

        long id = paperwork.declare(ash, employer, declared, List.of(certificate(), assessment));

        Declaration current = paperwork.current(employer).orElseThrow();
        assertThat(current.id()).isEqualTo(id);
        assertThat(current.insuranceCertificate().fileName()).isEqualTo("insurance-2026.pdf");
        assertThat(current.insuranceCertificate().type()).isEqualTo(DocumentType.PDF);
        assertThat(current.riskAssessmentFile().type()).isEqualTo(DocumentType.PNG);
        assertThat(current.riskAnswers()).isNull();
        assertThat(current.declaredBy()).isEqualTo("Ash Contact");
        assertThat(db.dsl()
                        .fetchValue(
                                PLACEMENT_DOCUMENT.SHA256,
                                PLACEMENT_DOCUMENT.ID.eq(
                                        current.insuranceCertificate().id())))
                .hasSize(64);
        assertThat(new PlacementDocumentRepository(db.dsl())
                        .findContent(employer, current.riskAssessmentFile().id())
                        .orElseThrow()
                        .content())
                .isEqualTo(SamplePaperwork.png());
        assertThat(paperwork.standing(employer, TODAY).summary()).isEqualTo("current until Tue 5 Jan 2027");

        AuditEntry entry = new AuditLog(db.dsl()).findRecent(1).getFirst();
        assertThat(entry.action()).isEqualTo("placement_paperwork_declared");
        assertThat(entry.subjectId()).isEqualTo(employer);
        assertThat(entry.actorUserId()).isEqualTo(ash.userId());
        assertThat(entry.detail()).contains("\"risk_assessment\": \"file\"").doesNotContain("Dan Price");
    }

    @Test
    void declaringAgainAddsARowKeepsTheFilesNotReplacedAndTheHistory() {
        long employer = employer("Brook Bakery");
        Actor ash = contact(employer);
        long first = paperwork.declare(
                ash,
                employer,
                SamplePaperwork.declaration(LocalDate.of(2027, 1, 5), LocalDate.of(2026, 9, 1)),
                List.of(certificate()));
        long auditBefore = db.dsl().fetchCount(AUDIT_LOG);

        // the same policy, a new supervisor: the certificate is kept
        PlacementDeclaration again = new PlacementDeclaration(
                "Zurich Insurance",
                "EL-123456",
                LocalDate.of(2027, 1, 5),
                SamplePaperwork.answers(),
                LocalDate.of(2026, 10, 1),
                "",
                "Priya Shah",
                "01332 654321",
                "8:30 to 15:00",
                "Own clothes");
        PlacementDocument policy =
                PlacementDocument.of(DocumentKind.HEALTH_SAFETY_POLICY, "policy.jpg", SamplePaperwork.jpeg());
        long second = paperwork.declare(ash, employer, again, List.of(policy));

        List<Declaration> history = paperwork.history(employer);
        assertThat(history).extracting(Declaration::id).containsExactly(second, first);
        assertThat(history.get(0).supervisorName()).isEqualTo("Priya Shah");
        assertThat(history.get(1).supervisorName()).isEqualTo("Dan Price");
        assertThat(history.get(0).insuranceCertificate().id())
                .isEqualTo(history.get(1).insuranceCertificate().id());
        assertThat(history.get(0).healthSafetyStatement()).isNull();
        assertThat(history.get(0).healthSafetyPolicy().fileName()).isEqualTo("policy.jpg");
        assertThat(history.get(0).riskAnswers().present())
                .extracting(RiskAnswers.Answer::hazard)
                .containsExactly(Hazard.MANUAL_HANDLING);
        assertThat(db.dsl().fetchCount(PLACEMENT_DOCUMENT, PLACEMENT_DOCUMENT.EMPLOYER_ID.eq(employer)))
                .isEqualTo(2);
        assertThat(db.dsl().fetchCount(AUDIT_LOG)).isEqualTo(auditBefore + 1);
    }

    @Test
    void expiredInsuranceIsRefusedAndNothingIsSaved() {
        long employer = employer("Canal Garage");
        PlacementDeclaration expired = SamplePaperwork.declaration(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 9, 1));

        assertThat(expired.problems(TODAY, Optional.empty(), Set.of(DocumentKind.INSURANCE_CERTIFICATE)))
                .extracting(PlacementDeclaration.Problem::part, PlacementDeclaration.Problem::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                PlacementDeclaration.Part.INSURANCE_EXPIRES_ON,
                                "This insurance expired on Sun 1 Nov 2026: give the details of the policy that covers you now"));
        assertThatThrownBy(() -> paperwork.declare(contact(employer), employer, expired, List.of(certificate())))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(db.dsl().fetchCount(PLACEMENT_DOCUMENT, PLACEMENT_DOCUMENT.EMPLOYER_ID.eq(employer)))
                .isZero();
        assertThat(db.dsl().fetchCount(PLACEMENT_DECLARATION, PLACEMENT_DECLARATION.EMPLOYER_ID.eq(employer)))
                .isZero();
        assertThat(paperwork.standing(employer, TODAY).state()).isEqualTo(PaperworkStanding.State.MISSING);
    }

    @Test
    void whatADeclarationLacksIsNamedPartByPart() {
        PlacementDeclaration bare = new PlacementDeclaration(
                "Zurich Insurance",
                "EL-1",
                LocalDate.of(2027, 1, 5),
                null,
                LocalDate.of(2025, 10, 1),
                "",
                "Dan Price",
                "01332 123456",
                "9:00 to 15:30",
                "Own clothes");

        assertThat(bare.problems(TODAY, Optional.empty(), Set.of()))
                .extracting(PlacementDeclaration.Problem::part)
                .containsExactly(
                        PlacementDeclaration.Part.INSURANCE_CERTIFICATE,
                        PlacementDeclaration.Part.RISK_ASSESSMENT_FILE,
                        PlacementDeclaration.Part.RISK_ASSESSED_ON,
                        PlacementDeclaration.Part.HEALTH_SAFETY);
    }

    @Test
    void aNewPolicyNeedsItsOwnCertificate() {
        long employer = employer("Derwent Dairy");
        paperwork.declare(
                contact(employer),
                employer,
                SamplePaperwork.declaration(LocalDate.of(2027, 1, 5), LocalDate.of(2026, 9, 1)),
                List.of(certificate()));
        PlacementDeclaration renewed = SamplePaperwork.declaration(LocalDate.of(2028, 1, 5), LocalDate.of(2026, 9, 1));

        assertThat(renewed.problems(TODAY, paperwork.current(employer), Set.of()))
                .extracting(PlacementDeclaration.Problem::message)
                .containsExactly(
                        "The policy has changed since you sent insurance-2026.pdf: choose the certificate of this one");
    }

    @Test
    void aPresentHazardNeedsItsControl() {
        RiskAnswers uncontrolled = new RiskAnswers(java.util.Arrays.stream(Hazard.values())
                .map(h -> new RiskAnswers.Answer(h, h == Hazard.WORK_AT_HEIGHT, ""))
                .toList());
        PlacementDeclaration declared = new PlacementDeclaration(
                "Zurich Insurance",
                "EL-1",
                LocalDate.of(2027, 1, 5),
                uncontrolled,
                TODAY,
                "Statement",
                "Dan Price",
                "01332 123456",
                "9:00 to 15:30",
                "Own clothes");

        assertThat(declared.problems(TODAY, Optional.empty(), Set.of(DocumentKind.INSURANCE_CERTIFICATE)))
                .extracting(PlacementDeclaration.Problem::hazard, PlacementDeclaration.Problem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        Hazard.WORK_AT_HEIGHT, "Say how you control work at height for a pupil"));
    }

    @Test
    void anotherOrganisationsFileIsNotFound() {
        long ours = employer("Elm Solicitors");
        long theirs = employer("Fern Florists");
        paperwork.declare(
                contact(theirs),
                theirs,
                SamplePaperwork.declaration(LocalDate.of(2027, 1, 5), LocalDate.of(2026, 9, 1)),
                List.of(certificate()));
        long theirFile =
                paperwork.current(theirs).orElseThrow().insuranceCertificate().id();

        PlacementDocumentRepository documents = new PlacementDocumentRepository(db.dsl());
        assertThat(documents.findContent(ours, theirFile)).isEmpty();
        assertThat(documents.findContent(theirs, theirFile)).isPresent();
    }

    @Test
    void theDatabaseNeverChangesNorRemovesPaperwork() {
        long employer = employer("Grange Farm");
        long id =
                SamplePaperwork.declared(db.dsl(), employer, TODAY, LocalDate.of(2027, 1, 5), LocalDate.of(2026, 9, 1));

        assertThatThrownBy(() -> db.dsl()
                        .update(PLACEMENT_DECLARATION)
                        .set(PLACEMENT_DECLARATION.INSURANCE_EXPIRES_ON, LocalDate.of(2030, 1, 1))
                        .where(PLACEMENT_DECLARATION.ID.eq(id))
                        .execute())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("never changed");
        assertThatThrownBy(() -> db.dsl()
                        .update(PLACEMENT_DOCUMENT)
                        .set(PLACEMENT_DOCUMENT.CONTENT, SamplePaperwork.png())
                        .where(PLACEMENT_DOCUMENT.EMPLOYER_ID.eq(employer))
                        .execute())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> db.dsl()
                        .deleteFrom(PLACEMENT_DECLARATION)
                        .where(PLACEMENT_DECLARATION.ID.eq(id))
                        .execute())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("never deleted");
    }

    @Test
    void aMergeMovesThePaperworkToTheRecordKept() {
        long hub = data.hub("Merge hub");
        long kept = data.employer(hub, "Hollies Care");
        long merged = data.employer(hub, "Hollies Care Ltd");
        SamplePaperwork.declared(db.dsl(), merged, TODAY, LocalDate.of(2027, 1, 5), LocalDate.of(2026, 9, 1));

        new EmployerMerge(db.dsl()).merge(Actor.anonymous("192.0.2.1"), merged, kept);

        assertThat(paperwork.current(kept)).isPresent();
        assertThat(paperwork.current(merged)).isEmpty();
        assertThat(db.dsl().fetchCount(PLACEMENT_DOCUMENT, PLACEMENT_DOCUMENT.EMPLOYER_ID.eq(kept)))
                .isEqualTo(1);
    }

    @Test
    void anOrganisationHostsPlacementsWhenItOffersWorkExperienceOrHasAPlacementBooked() {
        long hub = data.hub("Hosting hub");
        long school = data.school(hub, "Hosting School");
        long talksOnly = data.employer(hub, "Talks Only");
        data.offer(talksOnly, OfferStatus.ACTIVE, LocalDate.of(2027, 6, 30));
        long offering = data.employer(hub, "Offering Placements");
        data.workExperienceOffer(offering, OfferStatus.ACTIVE, LocalDate.of(2027, 6, 30));
        long hosted = data.employer(hub, "Hosted Once");
        long withdrawn = data.workExperienceOffer(hosted, OfferStatus.WITHDRAWN, LocalDate.of(2027, 6, 30));

        assertThat(paperwork.hostsPlacements(talksOnly)).isFalse();
        assertThat(paperwork.hostsPlacements(offering)).isTrue();
        assertThat(paperwork.hostsPlacements(hosted))
                .as("its only offer withdrawn")
                .isFalse();

        long request = data.openRequest(school, 10, "work_experience", 2, null, false, LocalDate.of(2026, 6, 1));
        db.dsl()
                .insertInto(BOOKING)
                .set(BOOKING.REQUEST_ID, request)
                .set(BOOKING.OFFER_ID, withdrawn)
                .set(BOOKING.ENCOUNTER_TYPE, "work_experience")
                .set(BOOKING.STARTS_ON, LocalDate.of(2026, 6, 15))
                .set(BOOKING.ENDS_ON, LocalDate.of(2026, 6, 19))
                .set(BOOKING.PERIOD, "all_day")
                .set(BOOKING.PUPILS, 2)
                .set(BOOKING.STATUS, BookingStatus.DELIVERED)
                .execute();
        assertThat(paperwork.hostsPlacements(hosted)).as("a placement given").isTrue();
    }
}

package uk.encounters.marketplace.employer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.EMPLOYER;
import static uk.encounters.marketplace.jooq.Tables.LOGIN_TOKEN;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.USER_SCOPE;
import static uk.encounters.marketplace.jooq.Tables.VOLUNTEER;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.AccountMail;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.employer.BankPlan.Match;
import uk.encounters.marketplace.employer.BankPlan.VolunteerMatch;
import uk.encounters.marketplace.jooq.tables.records.LoginTokenRecord;
import uk.encounters.marketplace.outbox.LinkSlots;
import uk.encounters.marketplace.outbox.OutboxMessage;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;

/** The employer bank import: lines grouped into organisations, compared with the hub, saved in one go. */
class EmployerBankImportTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final AccountMail MAIL = new AccountMail() {
        @Override
        public OutboxMessage invitation(String email, String name, String invitedTo, long linkId) {
            return new OutboxMessage("invitation:" + linkId, "invitation", email, "Invited", invitedTo, null);
        }

        @Override
        public OutboxMessage passwordReset(String email, long linkId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OutboxMessage magicLink(String email, long linkId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OutboxMessage organisationInvitation(
                String email, String name, String hubName, List<OrganisationToAccept> organisations) {
            return new OutboxMessage(
                    "organisation-invitation:" + organisations.getFirst().linkId(),
                    "account",
                    email,
                    "Accept?",
                    hubName + ": "
                            + organisations.stream()
                                    .map(o -> o.name() + " " + LinkSlots.slot(o.linkId()))
                                    .collect(Collectors.joining(", ")),
                    null,
                    List.of(),
                    organisations.stream().map(OrganisationToAccept::linkId).toList());
        }
    };

    final TestData data = new TestData(db.dsl());
    final EmployerBankImport bank = new EmployerBankImport(db.dsl(), Clock.systemUTC(), MAIL);
    static long hub;
    static long kiln;
    static Actor coordinator;

    @BeforeAll
    static void aHubWithOneOrganisation() {
        TestData data = new TestData(db.dsl());
        hub = data.hub("Derby");
        long school = data.school(hub, "Northside Academy");
        db.dsl()
                .update(SCHOOL)
                .set(SCHOOL.LATITUDE, 52.92)
                .set(SCHOOL.LONGITUDE, -1.47)
                .where(SCHOOL.ID.eq(school))
                .execute();
        kiln = new EmployerRepository(db.dsl())
                .create(
                        hub,
                        "Kiln Street Pottery Ltd",
                        "jo@kilnstreet.example",
                        "DE1 4KS",
                        "small",
                        "Manufacturing",
                        false,
                        1);
        db.dsl()
                .insertInto(VOLUNTEER, VOLUNTEER.EMPLOYER_ID, VOLUNTEER.NAME, VOLUNTEER.EMAIL)
                .values(kiln, "Jo Potter", "jo@kilnstreet.example")
                .execute();
        long coordinatorId = new AccountRepository(db.dsl())
                .create("coord" + hub + "@hub.example", "Cora", null, Scope.coordinator(hub));
        coordinator = new Actor(coordinatorId, "192.0.2.1");
    }

    static BankLine line(int n, String organisation, String postcode, String contact, String volunteer, String agency) {
        return new BankLine(
                n,
                organisation,
                postcode,
                "Manufacturing",
                "small",
                contact.isEmpty() ? "" : "Contact Person",
                contact,
                volunteer.isEmpty() ? "" : "Volunteer Person",
                volunteer,
                volunteer.isEmpty() ? null : LocalDate.of(2028, 1, 31),
                agency);
    }

    String email(String local) {
        return local + hub + "@example.org";
    }

    @Test
    void linesOfOneOrganisationGroupAndTheHubsOwnAreFoundByNameAndPostcodeOrByNameAlone() {
        List<BankLine> lines = List.of(
                line(2, "Alvaston Engineering Ltd", "DE24 0AB", email("ann"), email("bob"), ""),
                line(3, "alvaston engineering", "DE24 0AB", email("ann"), email("cat"), ""),
                line(4, "KILN STREET POTTERY", "DE1 4KS", "", "jo@kilnstreet.example", ""),
                line(5, "Kiln Street Pottery", "DE22 1AA", "", email("new"), ""));

        BankPlan plan = bank.plan(hub, lines);

        assertThat(plan.organisations()).hasSize(3);
        assertThat(plan.lines())
                .extracting(p -> p.organisation().match())
                .containsExactly(Match.NEW, Match.NEW, Match.SAME_NAME_AND_POSTCODE, Match.SAME_NAME_ONLY);
        assertThat(plan.lines().get(1).sameOrganisationAs()).contains(2);
        assertThat(plan.lines())
                .extracting(BankPlan.Planned::volunteer)
                .containsExactly(VolunteerMatch.NEW, VolunteerMatch.NEW, VolunteerMatch.KNOWN, VolunteerMatch.NEW);
        assertThat(plan.hasProblems()).isFalse();
    }

    @Test
    void savingCreatesNewOrganisationsAddsNewVolunteersAndInvitesOnlyNewOrganisationsContacts() {
        List<BankLine> lines = List.of(
                line(2, "Derby Chamber of Commerce", "DE1 3AA", email("chamber"), "", ""),
                line(
                        3,
                        "Derwent Valley Engineering Ltd",
                        "DE24 8BY",
                        email("ann"),
                        email("bob"),
                        "Derby Chamber of Commerce"),
                line(
                        4,
                        "Derwent Valley Engineering Ltd",
                        "DE24 8BY",
                        email("ann"),
                        email("cat"),
                        "Derby Chamber of Commerce"),
                line(
                        5,
                        "Kiln Street Pottery",
                        "DE1 4KS",
                        email("kilncontact"),
                        email("dee"),
                        "Derby Chamber of Commerce"));

        EmployerBankImport.Imported imported = bank.save(coordinator, hub, lines, 1);

        assertThat(imported).isEqualTo(new EmployerBankImport.Imported(2, 1, 0, 3, 0, 2, 0));
        var derwent = db.dsl()
                .selectFrom(EMPLOYER)
                .where(EmployerRepository.presentIn(hub))
                .and(EMPLOYER.NAME.eq("Derwent Valley Engineering Ltd"))
                .fetchSingle();
        var chamber = db.dsl()
                .selectFrom(EMPLOYER)
                .where(EmployerRepository.presentIn(hub))
                .and(EMPLOYER.NAME.eq("Derby Chamber of Commerce"))
                .fetchSingle();
        assertThat(chamber.getKind()).isEqualTo("agency");
        assertThat(derwent.getViaAgencyId()).isEqualTo(chamber.getId());
        assertThat(derwent.getLatitude()).as("located from the hub's schools").isNotNull();
        assertThat(db.dsl().fetchCount(VOLUNTEER, VOLUNTEER.EMPLOYER_ID.eq(derwent.getId())))
                .isEqualTo(2);
        assertThat(db.dsl()
                        .select(EMPLOYER.VIA_AGENCY_ID)
                        .from(EMPLOYER)
                        .where(EMPLOYER.ID.eq(kiln))
                        .fetchOne(EMPLOYER.VIA_AGENCY_ID))
                .as("an organisation already in the hub did not come via the list")
                .isNull();
        assertThat(db.dsl().fetchCount(VOLUNTEER, VOLUNTEER.EMPLOYER_ID.eq(kiln)))
                .isEqualTo(2);
        assertThat(db.dsl()
                        .select(OUTBOX.RECIPIENT)
                        .from(OUTBOX)
                        .where(OUTBOX.RECIPIENT.endsWith(hub + "@example.org"))
                        .fetch(OUTBOX.RECIPIENT))
                .as("the existing organisation's contact is not invited")
                .containsExactlyInAnyOrder(email("chamber"), email("ann"));
        var audit = db.dsl()
                .selectFrom(AUDIT_LOG)
                .where(AUDIT_LOG.ACTION.eq("employer_bank_imported"))
                .and(AUDIT_LOG.SUBJECT_ID.eq(hub))
                .fetchSingle();
        assertThat(audit.getDetail().data()).contains("\"organisations_added\": 2", "\"skipped\": 1");
    }

    @Test
    void aContactWhoAlreadyHasAnAccountIsAskedToAcceptEachNewOrganisationByItsOwnLinkAndGivenNoneYet() {
        long known = new AccountRepository(db.dsl()).createWithoutScope(email("known"), "Known Person");

        EmployerBankImport.Imported imported = bank.save(
                coordinator,
                hub,
                List.of(
                        line(2, "Markeaton Bakery", "DE22 3AB", email("known"), "", ""),
                        line(3, "Markeaton Bakery", "DE22 3AB", email("known"), email("baker"), ""),
                        line(4, "Mackworth Joinery", "DE22 4AB", email("known"), "", "")),
                0);

        assertThat(imported.contactsInvited()).isZero();
        assertThat(imported.contactsWithAccounts()).isEqualTo(1);
        assertThat(db.dsl().fetchCount(USER_SCOPE, USER_SCOPE.USER_ID.eq(known)))
                .as("nothing granted until they accept")
                .isZero();
        long bakery = employerNamed("Markeaton Bakery");
        long joinery = employerNamed("Mackworth Joinery");
        var links = db.dsl()
                .selectFrom(LOGIN_TOKEN)
                .where(LOGIN_TOKEN.USER_ID.eq(known))
                .orderBy(LOGIN_TOKEN.ID)
                .fetch();
        assertThat(links)
                .as("one link per organisation, bound to it and to their account")
                .extracting(LoginTokenRecord::getPurpose, LoginTokenRecord::getSubjectId)
                .containsExactly(tuple("organisation_invitation", bakery), tuple("organisation_invitation", joinery));
        assertThat(links)
                .extracting(LoginTokenRecord::getTokenHash)
                .as("made when the message is sent, not before")
                .containsOnlyNulls();
        var message = db.dsl()
                .selectFrom(OUTBOX)
                .where(OUTBOX.RECIPIENT.eq(email("known")))
                .fetchSingle();
        assertThat(message.getLinkTokenIds())
                .containsExactly(links.get(0).getId(), links.get(1).getId());
        assertThat(message.getBodyText())
                .startsWith("Derby: ")
                .contains("Markeaton Bakery {link:" + links.get(0).getId() + "}")
                .contains("Mackworth Joinery {link:" + links.get(1).getId() + "}");
        var asked = db.dsl()
                .selectFrom(AUDIT_LOG)
                .where(AUDIT_LOG.ACTION.eq("organisation_invitation_sent"))
                .and(AUDIT_LOG.SUBJECT_ID.eq(known))
                .fetchSingle();
        assertThat(asked.getActorUserId()).isEqualTo(coordinator.userId());
        assertThat(asked.getDetail().data()).contains(String.valueOf(bakery), String.valueOf(joinery));
    }

    private long employerNamed(String name) {
        return db.dsl()
                .select(EMPLOYER.ID)
                .from(EMPLOYER)
                .where(EmployerRepository.presentIn(hub))
                .and(EMPLOYER.NAME.eq(name))
                .fetchSingle(EMPLOYER.ID);
    }

    @Test
    void anUnknownAgencyStopsTheWholeImport() {
        List<BankLine> lines = List.of(
                line(2, "Mickleover Bakery", "DE3 0AB", email("baker"), "", ""),
                line(4, "Allestree Plumbing", "DE22 2AA", email("plumb"), "", "Nobody Agency"));

        BankPlan plan = bank.plan(hub, lines);

        assertThat(plan.lines()).extracting(BankPlan.Planned::ok).containsExactly(true, false);
        assertThat(plan.lines().get(1).problem()).contains("No organisation", "Nobody Agency");
        assertThatThrownBy(() -> bank.save(coordinator, hub, lines, 0)).isInstanceOf(EmployerBankImport.Refused.class);
        assertThat(db.dsl().fetchCount(EMPLOYER, EMPLOYER.NAME.eq("Mickleover Bakery")))
                .as("nothing saved")
                .isZero();
        assertThat(db.dsl().fetchCount(OUTBOX, OUTBOX.RECIPIENT.eq(email("baker"))))
                .isZero();
    }
}

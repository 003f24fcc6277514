package uk.encounters.marketplace.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jooq.Record3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.testing.SamplePaperwork;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;

/** Each step of a placement reminds the next person once: the school, the host and the hub. */
class PlacementRemindersTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final ZoneId UK = ZoneId.of("Europe/London");
    static final LocalDate TODAY = LocalDate.of(2027, 6, 9);
    static final Clock CLOCK = Clock.fixed(TODAY.atTime(9, 0).atZone(UK).toInstant(), UK);

    static final PlacementPages PAGES = new PlacementPages() {
        @Override
        public String placement(long schoolId, long placementId) {
            return "https://encounters.example/schools/" + schoolId + "/placements/" + placementId;
        }

        @Override
        public String hubPlacements(long hubId) {
            return "https://encounters.example/hubs/" + hubId + "/placements";
        }

        @Override
        public String offerForm(String postcode, long hubId) {
            return "https://encounters.example/offer-a-talk?near=" + postcode + "&area=" + hubId;
        }

        @Override
        public String paperwork(long employerId) {
            return "https://encounters.example/employers/" + employerId + "/placement-paperwork";
        }
    };

    final TestData data = new TestData(db.dsl());
    final PlacementReminders reminders = new PlacementReminders(db.dsl(), PAGES, "Employer Encounters", CLOCK);

    record Hub(long hub, long school, long host, Actor leader, List<Long> placements) {}

    /** A school placing {@code pupils} pupils at a host from {@code starts} for a week, with its people. */
    Hub hub(String name, LocalDate starts, int pupils) {
        long hub = data.hub(name + " hub");
        long school = data.school(hub, name + " Academy");
        long host = data.employer(hub, name + " Logistics");
        AccountRepository accounts = new AccountRepository(db.dsl());
        String domain = name.toLowerCase() + ".example";
        long leader = accounts.create("leader@" + domain, "Sam Leader", null, Scope.careersLeader(school));
        accounts.create("coordinator@" + domain, "Cora", null, Scope.coordinator(hub));
        accounts.create("contact@" + domain, "Ash", null, Scope.employer(host));
        data.placed(school, host, starts, starts.plusDays(4), pupils);
        List<Long> ids = new PlacementRepository(db.dsl(), CLOCK)
                .forSchool(school).stream().map(l -> l.placement().id()).toList();
        return new Hub(hub, school, host, new Actor(leader, null), ids);
    }

    List<Record3<String, String, String>> messagesTo(String recipient) {
        return db.dsl()
                .select(OUTBOX.KIND, OUTBOX.SUBJECT, OUTBOX.BODY_TEXT)
                .from(OUTBOX)
                .where(OUTBOX.RECIPIENT.eq(recipient))
                .orderBy(OUTBOX.ID)
                .fetch();
    }

    @Test
    void aWeekBeforeTheStartTheSchoolAndTheHubGetThePlacementsNotReadyOnce() {
        Hub h = hub("Soon", TODAY.plusDays(5), 2);
        reminders.run();

        var leader = messagesTo("leader@soon.example");
        assertThat(leader).extracting(Record3::value1).contains("placements_not_ready");
        var notReady = leader.stream()
                .filter(m -> m.value1().equals("placements_not_ready"))
                .findFirst()
                .orElseThrow();
        assertThat(notReady.value2()).isEqualTo("2 work-experience placements not ready, starting Mon 14 Jun 2027");
        assertThat(notReady.value3())
                .startsWith("Hello Sam Leader,")
                .contains("at Soon Logistics: The host's paperwork, Not given yet")
                .contains("(waiting for the host)")
                .contains(PAGES.placement(h.school(), h.placements().getFirst()));
        assertThat(messagesTo("coordinator@soon.example"))
                .extracting(Record3::value2)
                .containsExactly("2 work-experience placements not ready, starting Mon 14 Jun 2027");
        assertThat(messagesTo("coordinator@soon.example").getFirst().value3()).contains(PAGES.hubPlacements(h.hub()));

        assertThat(reminders.run()).as("each once").isZero();
    }

    @Test
    void aDeclarationToCheckTellsTheSchoolAndASentBackCheckTellsTheHostWhy() {
        Hub h = hub("Check", TODAY.plusDays(33), 2);
        long declaration =
                SamplePaperwork.declared(db.dsl(), h.host(), TODAY, LocalDate.of(2028, 3, 31), TODAY.minusMonths(1));
        reminders.run();
        assertThat(messagesTo("leader@check.example"))
                .extracting(Record3::value2)
                .containsExactly("Check Logistics's placement paperwork is ready for you to check");
        assertThat(messagesTo("contact@check.example")).isEmpty();

        new PlacementChecks(db.dsl(), CLOCK)
                .decide(
                        h.leader(),
                        h.school(),
                        h.placements(),
                        declaration,
                        SignOffDecision.SENT_BACK,
                        "The risk assessment does not cover the loading bay.");
        reminders.run();
        var host = messagesTo("contact@check.example");
        assertThat(host).hasSize(1).first().satisfies(m -> {
            assertThat(m.value2()).isEqualTo("Check Academy sent your placement paperwork back");
            assertThat(m.value3())
                    .contains("the placement Mon 12 Jul to Fri 16 Jul 2027 and sent it back")
                    .contains("  The risk assessment does not cover the loading bay.")
                    .contains(PAGES.paperwork(h.host()));
        });
        assertThat(reminders.run()).isZero();

        // the host declares again: the school is asked to check the new one
        SamplePaperwork.declared(db.dsl(), h.host(), TODAY, LocalDate.of(2028, 3, 31), TODAY.minusDays(1));
        reminders.run();
        assertThat(messagesTo("leader@check.example")).hasSize(2);
    }

    @Test
    void aHostWhosePaperworkRunsOutBeforeAPlacementEndsIsAskedToRenewIt() {
        Hub h = hub("Renew", TODAY.plusDays(19), 1);
        SamplePaperwork.declared(db.dsl(), h.host(), TODAY.minusMonths(6), TODAY.plusDays(21), TODAY.minusMonths(6));
        reminders.run();
        assertThat(messagesTo("contact@renew.example"))
                .extracting(Record3::value2)
                .containsExactly("Renew your placement paperwork");
        assertThat(messagesTo("contact@renew.example").getFirst().value3())
                .contains("It runs out on Wed 30 Jun 2027, before a placement you host ends on Fri 2 Jul 2027");
        assertThat(reminders.run()).isZero();
    }

    @Test
    void aHostNobodySignsInForIsRemindedAtTheAddressTheSchoolGaveWithALinkMadeOnce() {
        long hub = data.hub("Corner hub");
        long school = data.school(hub, "Corner Academy");
        long pupil = data.pupil(school, 10);
        AccountRepository accounts = new AccountRepository(db.dsl());
        Actor leader = new Actor(
                accounts.create("leader@corner.example", "Sam Leader", null, Scope.careersLeader(school)), null);
        SelfFoundPlacements.Recorded recorded = new SelfFoundPlacements(db.dsl(), PAGES, "Employer Encounters", CLOCK)
                .record(
                        leader,
                        school,
                        pupil,
                        new SelfFoundPlacements.Host(null, "Corner Shop", "DE23 6AB", "Retail", "micro"),
                        new SelfFoundPlacements.Contact("Pat Owner", "pat@cornershop.example", ""),
                        TODAY.plusDays(12),
                        TODAY.plusDays(16));
        long declaration = SamplePaperwork.declared(
                db.dsl(), recorded.employerId(), TODAY, LocalDate.of(2028, 3, 31), TODAY.minusMonths(1));
        new PlacementChecks(db.dsl(), CLOCK)
                .decide(
                        leader,
                        school,
                        List.of(recorded.placementId()),
                        declaration,
                        SignOffDecision.SENT_BACK,
                        "The insurer's name does not match the certificate.");
        int links = db.dsl()
                .fetchCount(
                        uk.encounters.marketplace.jooq.Tables.LOGIN_TOKEN,
                        uk.encounters.marketplace.jooq.Tables.LOGIN_TOKEN.SUBJECT_ID.eq(recorded.placementId()));

        reminders.run();
        var sentBack = db.dsl()
                .select(OUTBOX.SUBJECT, OUTBOX.BODY_TEXT, OUTBOX.LINK_TOKEN_IDS)
                .from(OUTBOX)
                .where(OUTBOX.RECIPIENT.eq("pat@cornershop.example"))
                .and(OUTBOX.KIND.eq("placement_sent_back"))
                .fetchSingle();
        assertThat(sentBack.value1()).isEqualTo("Corner Academy sent your placement paperwork back");
        assertThat(sentBack.value2())
                .startsWith("Hello Pat Owner,")
                .contains("The insurer's name does not match the certificate.")
                .contains("{link:" + sentBack.value3()[0] + "}");
        reminders.run();
        assertThat(db.dsl()
                        .fetchCount(
                                uk.encounters.marketplace.jooq.Tables.LOGIN_TOKEN,
                                uk.encounters.marketplace.jooq.Tables.LOGIN_TOKEN.SUBJECT_ID.eq(
                                        recorded.placementId())))
                .as("one link for the message, made once")
                .isEqualTo(links + 1);
    }
}

package uk.encounters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.APP_USER;
import static uk.encounters.marketplace.jooq.Tables.AUDIT_LOG;
import static uk.encounters.marketplace.jooq.Tables.MATCHING_ROUND;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;
import static uk.encounters.marketplace.jooq.Tables.RATE_LIMIT;
import static uk.encounters.web.Waiting.awaitTrue;
import static uk.encounters.web.Waiting.pause;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.DatabaseSettings;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.marketplace.outbox.OutboxMessage;
import uk.encounters.marketplace.round.Round;
import uk.encounters.marketplace.round.RoundLock;
import uk.encounters.marketplace.round.RoundRepository;
import uk.encounters.marketplace.round.RoundSolver;
import uk.encounters.marketplace.round.RoundStatus;
import uk.encounters.marketplace.testing.RoundHub;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.matcher.solver.MatchingWeights;
import uk.encounters.web.mail.FakeSmtpServer;
import uk.encounters.web.mail.MessageId;

/**
 * Scale-out: two app instances, each with its own Vert.x, connection pool, round solver and
 * outbox worker (two processes, as far as they can tell), on one database and one mail server,
 * behind a round-robin proxy without sticky sessions. Sessions and CSRF tokens work whichever
 * instance answers, one solve per hub runs, and every outbox message is sent once.
 */
class TwoInstancesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final List<AutoCloseable> running = new ArrayList<>();
    static FakeSmtpServer smtp;
    static RunningApp first;
    static RunningApp second;
    static RoundRobinProxy proxy;

    @BeforeAll
    static void twoInstancesBehindAProxy() throws IOException {
        smtp = FakeSmtpServer.start();
        running.add(smtp);
        // what both instances are configured with in production: one SESSION_SECRET (RunningApp's), behind a proxy
        Map<String, String> environment =
                Map.of("TRUST_PROXY", "true", "SMTP_HOST", "127.0.0.1", "SMTP_PORT", String.valueOf(smtp.port()));
        first = instance(environment);
        second = instance(environment);
        proxy = RoundRobinProxy.start(
                List.of(first.server().actualPort(), second.server().actualPort()));
        running.add(proxy);
    }

    private static RunningApp instance(Map<String, String> environment) {
        Database database = Database.open(db.settings());
        running.add(database);
        RunningApp app = RunningApp.start(database, RoundHub.TODAY, environment);
        running.add(app);
        return app;
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : running.reversed()) {
            closeable.close();
        }
    }

    @Test
    void aSignedInSessionAndItsFormsWorkWhicheverInstanceAnswers() {
        RoundHub hub = RoundHub.create(db.dsl(), "Sessions Hub");
        Accounts.create(db.dsl(), "cora@sessions.example", "Cora Sessions", Scope.coordinator(hub.id()));
        Visitor cora = new Visitor(proxy.url(""));
        List<Integer> instances = new ArrayList<>();

        HttpResponse<String> form = cora.get("/sign-in");
        instances.add(instance(form));
        // the sign-in form's token was issued by the other instance
        HttpResponse<String> signedIn =
                cora.post("/sign-in", Map.of("email", "cora@sessions.example", "password", Accounts.PASSWORD));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        instances.add(instance(signedIn));
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> account = cora.get("/account");
            assertThat(account.statusCode()).isEqualTo(200);
            assertThat(account.body()).contains("Cora Sessions", "Sessions Hub");
            instances.add(instance(account));
        }

        // a form from one instance, posted to the other, and its flash message read back on the first
        HttpResponse<String> people = cora.get("/hubs/" + hub.id() + "/people");
        assertThat(people.statusCode()).isEqualTo(200);
        instances.add(instance(people));
        HttpResponse<String> invited = cora.post(
                "/hubs/" + hub.id() + "/careers-leaders",
                Map.of(
                        "school",
                        String.valueOf(hub.northSchool()),
                        "name",
                        "Lee Leader",
                        "email",
                        "lee@north.example"));
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(302);
        instances.add(instance(invited));
        assertThat(db.dsl().fetchExists(APP_USER, APP_USER.EMAIL.eq("lee@north.example")))
                .isTrue();
        HttpResponse<String> after = cora.get("/hubs/" + hub.id() + "/people");
        assertThat(after.body()).contains("Lee Leader is now a careers leader at North Academy.");
        instances.add(instance(after));

        // signing out on one instance ends the session on both
        HttpResponse<String> signedOut = cora.post("/sign-out", Map.of());
        assertThat(signedOut.statusCode()).isEqualTo(302);
        instances.add(instance(signedOut));
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> account = cora.get("/account");
            assertThat(account.statusCode()).isEqualTo(302);
            assertThat(account.headers().firstValue("location"))
                    .hasValueSatisfying(l -> assertThat(l).startsWith("/sign-in"));
            instances.add(instance(account));
        }

        assertThat(instances)
                .as("each request went to the other instance than the one before")
                .hasSize(12)
                .containsOnly(0, 1);
        for (int i = 1; i < instances.size(); i++) {
            assertThat(instances.get(i)).as("request %d", i).isNotEqualTo(instances.get(i - 1));
        }
    }

    @Test
    void behindTheProxyTheSignInLimitCountsTheAddressTheProxySawNotTheOneTheClientClaims() {
        db.dsl().deleteFrom(RATE_LIMIT).execute();
        try {
            Visitor forger = new Visitor(proxy.url(""));
            forger.get("/sign-in");
            List<Integer> statuses = new ArrayList<>();
            for (int i = 1; i <= 31; i++) {
                // a new claimed address and a new account each time, so only the real address can hold it back
                forger.withHeader("X-Forwarded-For", "198.51.100." + i);
                statuses.add(forger.post(
                                "/sign-in",
                                Map.of("email", "nobody" + i + "@spray.example", "password", "not the password"))
                        .statusCode());
            }
            assertThat(statuses.subList(0, 30)).containsOnly(401);
            assertThat(statuses.get(30))
                    .as("the 31st attempt from one address in 15 minutes")
                    .isEqualTo(429);
            assertThat(db.dsl()
                            .selectDistinct(AUDIT_LOG.IP_ADDRESS)
                            .from(AUDIT_LOG)
                            .where(AUDIT_LOG.ACTION.eq("sign_in_failed"))
                            .fetch(AUDIT_LOG.IP_ADDRESS))
                    .as("the audit log has the address the proxy saw")
                    .containsExactly("127.0.0.1");
        } finally {
            db.dsl().deleteFrom(RATE_LIMIT).execute();
        }
    }

    @Test
    void twoCoordinatorsStartingTheHubsRoundOnBothInstancesAtOnceGetOneSolve() throws Exception {
        RoundHub hub = RoundHub.create(db.dsl(), "Solving Hub");
        Accounts.create(db.dsl(), "ann@solving.example", "Ann Solving", Scope.coordinator(hub.id()));
        Accounts.create(db.dsl(), "bob@solving.example", "Bob Solving", Scope.coordinator(hub.id()));
        String roundPage = "/hubs/" + hub.id() + "/round";
        List<Visitor> coordinators = List.of(
                new Visitor(proxy.url("")).signIn("ann@solving.example", Accounts.PASSWORD),
                new Visitor(proxy.url("")).signIn("bob@solving.example", Accounts.PASSWORD));
        coordinators.forEach(c -> assertThat(c.get(roundPage).body()).contains("Run matching"));

        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<HttpResponse<String>>> runs = coordinators.stream()
                .map(c -> CompletableFuture.supplyAsync(() -> {
                    await(together);
                    return c.post("/hubs/" + hub.id() + "/rounds", runForm(60));
                }))
                .toList();
        List<HttpResponse<String>> answers =
                runs.stream().map(CompletableFuture::join).toList();

        assertThat(answers)
                .extracting(TwoInstancesTest::instance)
                .as("one request to each instance")
                .containsExactlyInAnyOrder(0, 1);
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(302);
        List<String> locations = answers.stream()
                .map(a -> a.headers().firstValue("location").orElseThrow())
                .toList();
        assertThat(locations)
                .as("one solve started, the other told it runs already")
                .filteredOn(l -> l.matches("/hubs/" + hub.id() + "/rounds/\\d+"))
                .hasSize(1);
        assertThat(locations).filteredOn(roundPage::equals).hasSize(1);
        int solver = locations.get(0).equals(roundPage) ? 1 : 0;
        String roundPath = locations.get(solver);
        long roundId = Long.parseLong(roundPath.substring(roundPath.lastIndexOf('/') + 1));
        Visitor turnedAway = coordinators.get(1 - solver);
        assertThat(turnedAway.get(roundPage).body()).contains("being matched already");

        assertThat(db.dsl()
                        .selectFrom(MATCHING_ROUND)
                        .where(MATCHING_ROUND.HUB_ID.eq(hub.id()))
                        .fetch())
                .as("one round for the hub, solving")
                .singleElement()
                .satisfies(r -> assertThat(r.getId()).isEqualTo(roundId))
                .satisfies(r -> assertThat(r.getStatus()).isEqualTo(RoundStatus.SOLVING));
        assertThat(RoundLock.isHeld(db.dsl(), hub.id())).isTrue();

        // the coordinator turned away stops it from the instance that is not solving
        HttpResponse<String> page;
        do {
            page = turnedAway.get(roundPath);
            assertThat(page.body()).contains("Matching");
        } while (instance(page) != instance(answers.get(solver)));
        HttpResponse<String> stop = turnedAway.post(roundPath + "/stop", Map.of());
        assertThat(instance(stop)).isNotEqualTo(instance(answers.get(solver)));
        assertThat(turnedAway.get(roundPath).body()).contains("Stopping: the best plan found so far is kept.");
        awaitTrue(
                "the solving instance stops and keeps its plan",
                Duration.ofSeconds(20),
                () -> new RoundRepository(db.dsl())
                        .find(hub.id(), roundId)
                        .orElseThrow()
                        .status()
                        .equals(RoundStatus.PROPOSED));
        Round stopped = new RoundRepository(db.dsl()).find(hub.id(), roundId).orElseThrow();
        assertThat(stopped.stopRequested()).isTrue();
        assertThat(stopped.elapsed()).as("stopped well before its minute").isLessThan(Duration.ofSeconds(45));
        awaitTrue("the hub's lock is free", Duration.ofSeconds(5), () -> !RoundLock.isHeld(db.dsl(), hub.id()));
    }

    @Tag("fault")
    @Test
    void aRoundWhoseInstanceDiesMidSolveIsMarkedInterruptedByTheOthersAndRunsAgain() throws Exception {
        RoundHub hub = RoundHub.create(db.dsl(), "Crash Hub");
        Accounts.create(db.dsl(), "cai@crash.example", "Cai Crash", Scope.coordinator(hub.id()));
        Visitor cai = new Visitor(proxy.url("")).signIn("cai@crash.example", Accounts.PASSWORD);
        DatabaseSettings shared = db.settings();
        Database doomedPool = Database.open(new DatabaseSettings(
                shared.jdbcUrl() + (shared.jdbcUrl().contains("?") ? "&" : "?") + "ApplicationName=doomed-instance",
                shared.user(),
                shared.password(),
                shared.maximumPoolSize()));
        RunningApp doomed = RunningApp.start(doomedPool, RoundHub.TODAY, Map.of("TRUST_PROXY", "true"));
        // the same browser session, on an instance the proxy does not know yet
        Visitor direct = new Visitor(doomed).withCookie("encounters_session", cai.cookie("encounters_session"));
        direct.get("/hubs/" + hub.id() + "/round");
        String roundPath = direct.post("/hubs/" + hub.id() + "/rounds", runForm(120))
                .headers()
                .firstValue("location")
                .orElseThrow();
        long roundId = Long.parseLong(roundPath.substring(roundPath.lastIndexOf('/') + 1));
        assertThat(cai.get(roundPath).body()).contains("Matching");

        // the process dies: PostgreSQL sees every connection of it go, the hub's lock with them
        db.dsl()
                .select(DSL.field("pg_terminate_backend(pid)"))
                .from("pg_stat_activity")
                .where("application_name = 'doomed-instance'")
                .fetch();
        doomed.close();
        doomedPool.close();
        awaitTrue("the hub's lock is free", Duration.ofSeconds(10), () -> !RoundLock.isHeld(db.dsl(), hub.id()));

        awaitTrue(
                "another instance marks the round interrupted",
                RoundSolver.RECOVERY_INTERVAL.multipliedBy(3),
                () -> !new RoundRepository(db.dsl())
                        .find(hub.id(), roundId)
                        .orElseThrow()
                        .solving());
        String page = cai.get(roundPath).body();
        assertThat(page).contains("The solve was interrupted (the app stopped); run it again.", "Run matching");
        cai.get("/hubs/" + hub.id() + "/round");
        HttpResponse<String> again = cai.post("/hubs/" + hub.id() + "/rounds", runForm(2));
        assertThat(again.headers().firstValue("location")).hasValue(roundPath);
        awaitTrue(
                "the round is proposed",
                Duration.ofSeconds(60),
                () -> new RoundRepository(db.dsl())
                        .find(hub.id(), roundId)
                        .orElseThrow()
                        .status()
                        .equals(RoundStatus.PROPOSED));
    }

    @Test
    void everyOutboxMessageIsSentOnceWithBothInstancesSending() {
        // a relay that takes a little while per message, so a backlog outlasts one worker's poll
        smtp.delayEachMessage(Duration.ofMillis(20));
        RoundHub hub = RoundHub.create(db.dsl(), "Outbox Hub");
        Accounts.create(db.dsl(), "olu@outbox.example", "Olu Outbox", Scope.coordinator(hub.id()));
        Visitor olu = new Visitor(proxy.url("")).signIn("olu@outbox.example", Accounts.PASSWORD);
        String roundPath = olu.post("/hubs/" + hub.id() + "/rounds", runForm(2))
                .headers()
                .firstValue("location")
                .orElseThrow();
        long roundId = Long.parseLong(roundPath.substring(roundPath.lastIndexOf('/') + 1));
        awaitTrue(
                "the round is proposed",
                Duration.ofSeconds(60),
                () -> new RoundRepository(db.dsl())
                        .find(hub.id(), roundId)
                        .orElseThrow()
                        .status()
                        .equals(RoundStatus.PROPOSED));
        olu.get(roundPath);
        assertThat(olu.post(roundPath + "/publish", Map.of("confirm", "yes")).statusCode())
                .isEqualTo(302);
        assertThat(db.dsl().fetchCount(OUTBOX, OUTBOX.IDEMPOTENCY_KEY.startsWith("round:" + roundId + ":")))
                .as("the round's digests")
                .isPositive();
        int bulk = 300;
        db.dsl().transaction(tx -> {
            Outbox outbox = new Outbox(tx.dsl());
            for (int i = 0; i < bulk; i++) {
                outbox.enqueue(new OutboxMessage(
                        "scale-out:" + i,
                        "test",
                        "person" + i + "@example.org",
                        "Message " + i,
                        "Message " + i + ".",
                        null));
            }
        });

        Outbox outbox = new Outbox(db.dsl());
        awaitTrue("every message is sent", Duration.ofSeconds(30), () -> outbox.countPending() == 0);
        pause(Duration.ofMillis(500));

        List<String> queued =
                db.dsl().select(OUTBOX.IDEMPOTENCY_KEY).from(OUTBOX).fetch(OUTBOX.IDEMPOTENCY_KEY);
        assertThat(queued).hasSizeGreaterThan(bulk);
        assertThat(smtp.received())
                .extracting(mail -> mail.header("Message-ID"))
                .as("each message received exactly once")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(queued.stream()
                        .map(k -> MessageId.forKey(k, "localhost").value())
                        .toList());
        assertThat(db.dsl()
                        .selectDistinct(OUTBOX.CLAIMED_BY)
                        .from(OUTBOX)
                        .where(OUTBOX.IDEMPOTENCY_KEY.startsWith("scale-out:"))
                        .fetch(OUTBOX.CLAIMED_BY))
                .as("both instances' workers took part")
                .hasSize(2);
    }

    private static Map<String, String> runForm(int seconds) {
        Map<String, String> form = new HashMap<>(Map.of("seconds", String.valueOf(seconds)));
        List<Long> defaults = List.copyOf(MatchingWeights.DEFAULTS.values());
        for (int i = 0; i < defaults.size(); i++) {
            form.put("weight" + i, String.valueOf(defaults.get(i)));
        }
        return form;
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int instance(HttpResponse<?> response) {
        return Integer.parseInt(
                response.headers().firstValue(RoundRobinProxy.INSTANCE_HEADER).orElseThrow());
    }
}

package uk.encounters.web.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;

import java.time.LocalDate;
import java.util.Map;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.marketplace.outbox.OutboxMessage;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;

/** The app wired as Main wires it, scraped on its metrics port as Prometheus would. */
class MetricsEndpointTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final String PROGRESS = "/schools/:schoolId/progress";

    static AppMetrics metrics;
    static Database pooled;
    static RunningApp app;
    static long school;

    @BeforeAll
    static void start() {
        TestData data = new TestData(db.dsl());
        school = data.school(data.hub("Derby Careers Hub"), "Da Vinci Academy");
        Accounts.create(db.dsl(), "lee@davinci.example", "Lee", Scope.careersLeader(school));
        putInTheOutbox();
        metrics = new AppMetrics();
        pooled = Database.open(db.settings(), metrics.connectionPool());
        app = RunningApp.start(pooled, TODAY, Map.of(), metrics);
    }

    /** Three messages due (one written 2 hours ago), one backing off after a failure, one given up on, one sent. */
    static void putInTheOutbox() {
        Outbox outbox = new Outbox(db.dsl());
        for (String key : new String[] {"due-1", "due-2", "due-3", "backing-off", "given-up", "sent"}) {
            outbox.enqueue(new OutboxMessage(key, "test", "someone@example.org", "Subject", "Body", null));
        }
        db.dsl()
                .update(OUTBOX)
                .set(OUTBOX.CREATED_AT, DSL.currentOffsetDateTime().minus(DSL.field("interval '2 hours'")))
                .where(OUTBOX.IDEMPOTENCY_KEY.eq("due-1"))
                .execute();
        db.dsl()
                .update(OUTBOX)
                .set(OUTBOX.AVAILABLE_AT, DSL.currentOffsetDateTime().plus(DSL.field("interval '10 minutes'")))
                .set(OUTBOX.ATTEMPTS, 1)
                .where(OUTBOX.IDEMPOTENCY_KEY.eq("backing-off"))
                .execute();
        db.dsl()
                .update(OUTBOX)
                .set(OUTBOX.AVAILABLE_AT, DSL.field("'infinity'::timestamptz", OUTBOX.AVAILABLE_AT.getType()))
                .set(OUTBOX.ATTEMPTS, 15)
                .where(OUTBOX.IDEMPOTENCY_KEY.eq("given-up"))
                .execute();
        db.dsl()
                .update(OUTBOX)
                .set(OUTBOX.SENT_AT, DSL.currentOffsetDateTime())
                .where(OUTBOX.IDEMPOTENCY_KEY.eq("sent"))
                .execute();
    }

    @AfterAll
    static void stop() {
        app.close();
        pooled.close();
    }

    @Test
    void httpLatencyIsCountedByRoutePatternWithHistogramBuckets() {
        Visitor lee = new Visitor(app).signIn("lee@davinci.example", Accounts.PASSWORD);
        for (int i = 0; i < 3; i++) {
            assertThat(lee.get("/schools/" + school + "/progress").statusCode()).isEqualTo(200);
        }
        assertThat(lee.get("/schools/999999/progress").statusCode())
                .as("not Lee's school")
                .isEqualTo(403);

        PrometheusScrape scrape = PrometheusScrape.of(app.metricsUrl());

        assertThat(scrape.contentType()).startsWith("text/plain");
        Map<String, String> progressOk = Map.of("route", PROGRESS, "method", "GET", "code", "200");
        assertThat(scrape.value("vertx_http_server_response_time_seconds_count", progressOk))
                .isEqualTo(3);
        assertThat(scrape.value("vertx_http_server_requests_total", progressOk)).isEqualTo(3);
        assertThat(scrape.value("vertx_http_server_response_time_seconds_sum", progressOk))
                .isPositive();
        assertThat(scrape.value(
                        "vertx_http_server_response_time_seconds_bucket",
                        Map.of("route", PROGRESS, "code", "200", "le", "+Inf")))
                .isEqualTo(3);
        assertThat(scrape.find(
                        "vertx_http_server_response_time_seconds_bucket", Map.of("route", PROGRESS, "code", "200")))
                .extracting(s -> s.labels().get("le"))
                .contains("0.1", "0.25", "1.0");
        assertThat(scrape.value(
                        "vertx_http_server_response_time_seconds_count", Map.of("route", PROGRESS, "code", "403")))
                .isEqualTo(1);
        // the path's ids never become labels: one series per route, however many schools
        assertThat(scrape.samples())
                .noneMatch(s -> s.labels().values().stream().anyMatch(v -> v.contains("/schools/" + school)));
    }

    @Test
    void thePublicPortAnswersNotFoundForMetrics() {
        var page = app.get("/metrics");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("jvm_").contains("Page not found");
        assertThat(PrometheusScrape.of(app.metricsUrl())
                        .value("vertx_http_server_requests_total", Map.of("route", AccessLog.UNMATCHED, "code", "404")))
                .isPositive();
    }

    @Test
    void aRequestRefusedBeforeItsRouteIsCountedWithoutOne() {
        var refused =
                new Visitor(app).postExactly("/sign-in", Map.of("email", "lee@davinci.example", "password", "guess"));

        assertThat(refused.statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(PrometheusScrape.of(app.metricsUrl())
                        .value(
                                "vertx_http_server_requests_total",
                                Map.of("route", "", "method", "POST", "code", "403")))
                .isEqualTo(1);
    }

    @Test
    void theConnectionPoolReportsItsConnectionsWaitsAndTimeouts() throws InterruptedException {
        app.get("/ready");
        Map<String, String> pool = Map.of("pool", "encounters");
        // Hikari reloads its pool statistics at most once a second: a scrape may see them from before
        PrometheusScrape scrape = PrometheusScrape.of(app.metricsUrl());
        for (int i = 0; i < 40 && !(scrape.value("hikaricp_connections", pool) > 0); i++) {
            Thread.sleep(50);
            scrape = PrometheusScrape.of(app.metricsUrl());
        }

        assertThat(scrape.value("hikaricp_connections_max", pool))
                .isEqualTo(db.settings().maximumPoolSize());
        assertThat(scrape.value("hikaricp_connections", pool)).isPositive();
        // pending is a moment's reading, and the app's background passes take connections too
        assertThat(scrape.find("hikaricp_connections_pending", pool)).hasSize(1);
        assertThat(scrape.find("hikaricp_connections_active", pool)).hasSize(1);
        assertThat(scrape.value("hikaricp_connections_acquire_seconds_count", pool))
                .isPositive();
        assertThat(scrape.value("hikaricp_connections_timeout_total", pool)).isZero();
    }

    @Test
    void theOutboxBacklogGaugesMatchTheMessagesWaiting() throws InterruptedException {
        PrometheusScrape scrape = awaitScrape("encounters_outbox_due_messages");

        assertThat(scrape.value("encounters_outbox_due_messages")).isEqualTo(3);
        assertThat(scrape.value("encounters_outbox_gave_up_messages")).isEqualTo(1);
        assertThat(scrape.value("encounters_outbox_oldest_unsent_age_seconds")).isBetween(7_190.0, 7_400.0);
    }

    @Test
    void theJvmAndProcessBasicsAreReported() {
        PrometheusScrape scrape = PrometheusScrape.of(app.metricsUrl());

        assertThat(scrape.find("jvm_memory_used_bytes", Map.of("area", "heap"))).isNotEmpty();
        assertThat(scrape.value("jvm_threads_live_threads")).isPositive();
        assertThat(scrape.value("process_cpu_usage")).isNotNegative();
        assertThat(scrape.value("process_uptime_seconds")).isPositive();
        assertThat(scrape.value("process_files_open_files")).isPositive();
        assertThat(scrape.find("jvm_gc_pause_seconds_count", Map.of())).isNotNull();
    }

    /** The backlog is refreshed on a timer from the start: wait for the first refresh, not for a scrape to trigger one. */
    private static PrometheusScrape awaitScrape(String gauge) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            PrometheusScrape scrape = PrometheusScrape.of(app.metricsUrl());
            if (!Double.isNaN(scrape.value(gauge))) {
                return scrape;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(gauge + " was never refreshed");
    }
}

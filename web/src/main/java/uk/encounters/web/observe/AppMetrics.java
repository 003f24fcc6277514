package uk.encounters.web.observe;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The process's metrics, in one Prometheus registry: Vert.x's HTTP server (latency by route
 * pattern, never by raw path, so ids in paths do not multiply the series), worker pools, the JVM
 * and the process; the connection pool, matching rounds and the outbox add theirs. Made once per
 * process by {@code Main}, before Vert.x and the pool, which report to it from their start.
 *
 * <p>Not Micrometer's global registry: OptaPlanner reports there, tagged with a fresh id per
 * solve, which would grow without bound.
 */
public final class AppMetrics {

    /** HTTP latency buckets: enough to read p50 and p99 against a 100 ms target, few enough per route. */
    static final Duration[] LATENCY_BUCKETS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000)
            .map(Duration::ofMillis)
            .toArray(Duration[]::new);

    static final String HTTP_SERVER_LATENCY = "vertx.http.server.response.time";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Vert.x keeps its registries in a static map by name: one name per Vert.x, so two apps in one JVM (tests) stay apart. */
    private final String vertxRegistryName = "encounters-" + UUID.randomUUID();

    public AppMetrics() {
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(HTTP_SERVER_LATENCY)) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(Stream.of(LATENCY_BUCKETS)
                                .mapToDouble(Duration::toNanos)
                                .toArray())
                        .build()
                        .merge(config);
            }
        });
        new FileDescriptorMetrics().bindTo(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * A Vert.x that reports here: the HTTP server labelled by method, status code and route pattern
     * ({@link Label#HTTP_ROUTE}: the pattern of each route the request matched, which our
     * {@code Routes} registers one per path), its pools, and the JVM (memory, GC, threads, CPU, uptime).
     */
    public Vertx vertx(VertxOptions options) {
        MicrometerMetricsOptions metrics = new MicrometerMetricsOptions()
                .setEnabled(true)
                .setRegistryName(vertxRegistryName)
                .setJvmMetricsEnabled(true)
                .addLabels(Label.HTTP_ROUTE)
                .addDisabledMetricsCategory(MetricsDomain.EVENT_BUS)
                .addDisabledMetricsCategory(MetricsDomain.DATAGRAM_SOCKET);
        return Vertx.builder()
                .with(options.setMetricsOptions(metrics))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
    }

    /** For {@code Database.open}: HikariCP's own Micrometer tracker (connections, waits, timeouts). */
    public MetricsTrackerFactory connectionPool() {
        return new MicrometerMetricsTrackerFactory(registry);
    }
}

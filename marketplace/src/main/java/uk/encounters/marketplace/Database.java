package uk.encounters.marketplace;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Arrays;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;
import org.jooq.DSLContext;
import org.jooq.ExecuteListener;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

/**
 * The one piece that owns the connection pool, applies the migrations and hands out a
 * {@link DSLContext}. Everything that talks to PostgreSQL gets its {@code DSLContext} from here.
 */
public final class Database implements AutoCloseable {

    /**
     * How PostgreSQL plans this app's queries, set on each new connection (docs/architecture.md,
     * "Database settings"). The queries are short and many run at once, so: no JIT compiling, which took
     * longer than the queries it compiled; no parallel workers, whose start-up cost more than they
     * saved with every core busy serving other requests; and random reads priced as the cached
     * reads they are, so a hub's rows are found through its indexes instead of by reading a
     * national table from end to end.
     */
    static final String SESSION_SETTINGS =
            "SET jit = off; SET max_parallel_workers_per_gather = 0; " + "SET random_page_cost = 1.1";

    /** How long a caller waits for a connection from a busy pool before its request fails (503). */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);
    /** While PostgreSQL is unreachable, how often a background check asks the pool for a connection again. */
    static final Duration RETRY_INTERVAL = Duration.ofMillis(500);

    private final HikariDataSource pool;
    private final FailFastDataSource dataSource;
    private final DSLContext dsl;

    private Database(HikariDataSource pool) {
        this.pool = pool;
        this.dataSource = new FailFastDataSource(pool, RETRY_INTERVAL);
        this.dsl = DSL.using(new DefaultConfiguration()
                .set(dataSource)
                .set(SQLDialect.POSTGRES)
                .set(new Settings().withRenderSchema(false).withExecuteLogging(false))
                // a query cut off by a server going away is the first sign of an outage
                .set(ExecuteListener.onException(ctx -> dataSource.noticeFailure(ctx.exception()))));
    }

    /** Opens a pool; it connects lazily, so this works while PostgreSQL is still starting or down. */
    public static Database open(DatabaseSettings settings) {
        return open(settings, null);
    }

    /**
     * Opens a pool that reports its connections, waits and timeouts to {@code poolMetrics} (the app
     * passes Hikari's Micrometer tracker; this module stays free of any metrics library). Given at the
     * opening because Hikari takes one tracker per pool and refuses a second.
     */
    public static Database open(DatabaseSettings settings, MetricsTrackerFactory poolMetrics) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maximumPoolSize());
        config.setPoolName("encounters");
        config.setConnectionInitSql(SESSION_SETTINGS);
        // Start without a connection: readiness, not start-up, reports a database that is down.
        config.setInitializationFailTimeout(-1);
        // Fail a request fast when the database is gone instead of queueing it for 30 s; while it
        // stays gone, FailFastDataSource turns callers away without even this wait.
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(1_000);
        if (poolMetrics != null) {
            config.setMetricsTrackerFactory(poolMetrics);
        }
        return new Database(new HikariDataSource(config));
    }

    /**
     * Brings the schema up to date with migrations/; safe to run on every start.
     *
     * @throws MigrationFailure when a migration fails, or the history is one this version must not
     *                          build on (newer than it, failed part-way, or changed since applied)
     */
    public MigrateResult migrate() {
        return SchemaUpgrade.apply(flyway());
    }

    /** True when PostgreSQL answers and every migration this build knows of is applied. */
    public boolean isReady() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(1)) {
                return false;
            }
        } catch (SQLException e) {
            return false;
        }
        try {
            MigrationInfoService info = flyway().info();
            return info.pending().length == 0
                    && Arrays.stream(info.applied()).noneMatch(m -> m.getState().isFailed());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * True when a failure means PostgreSQL could not be reached (no connection within the pool's
     * timeout, or a connection-class SQLSTATE 08xxx / 57P0x shutdown), as opposed to a bad query.
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * True while PostgreSQL is known to be unreachable. Work that must not wait even for one
     * connection attempt (a session written while a response goes out) gives up at once.
     */
    public boolean isUnreachable() {
        return dataSource.isOpen();
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** Connections from the pool; while PostgreSQL is unreachable, a failure at once (see {@link FailFastDataSource}). */
    public DataSource dataSource() {
        return dataSource;
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .connectRetries(0)
                // Another instance may be migrating under Flyway's advisory lock: wait for it (a try a second)
                // up to 15 minutes, not Flyway's default 50 s, since a migration of a national database can
                // take minutes.
                .lockRetryCount(900)
                .load();
    }

    @Override
    public void close() {
        pool.close();
    }
}

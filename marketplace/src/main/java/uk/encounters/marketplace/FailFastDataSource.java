package uk.encounters.marketplace;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * The pool, except that while PostgreSQL is known to be unreachable every caller fails at once
 * instead of waiting for the pool's connection timeout: a page answers 503 in a millisecond, and
 * nothing that must not wait (a session written while a response goes out) holds up the server.
 *
 * <p>It opens when the pool times out because connecting failed, or as soon as a query is cut off
 * by the server going away (shutdown, crash, lost connection). While it is open a background
 * thread asks the pool for a connection every {@code retryInterval}; the first it gets closes it.
 * A pool that is merely busy (every connection lent out, no failed connect attempt) never opens
 * it: that is load, not an outage.
 */
final class FailFastDataSource implements DataSource {

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(FailFastDataSource.class);

    private final HikariDataSource pool;
    private final Duration retryInterval;
    private final AtomicBoolean reconnecting = new AtomicBoolean();
    /** When PostgreSQL was found unreachable (System.nanoTime), or 0 while it is reachable. */
    private volatile long unreachableSince;

    FailFastDataSource(HikariDataSource pool, Duration retryInterval) {
        this.pool = pool;
        this.retryInterval = retryInterval;
    }

    @Override
    public Connection getConnection() throws SQLException {
        long since = unreachableSince;
        if (since != 0) {
            throw new SQLTransientConnectionException(
                    "PostgreSQL has been unreachable for "
                            + Duration.ofNanos(System.nanoTime() - since).toMillis() + " ms; not waiting for the pool",
                    "08001");
        }
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            if (connectFailed(e)) {
                open(e);
            }
            throw e;
        }
    }

    /** True while callers are turned away without trying. */
    boolean isOpen() {
        return unreachableSince != 0;
    }

    /**
     * A query failed: if the server went away under it (SQLSTATE 57P01-57P03 shutting down or
     * starting, 08003/08006 connection lost), turn callers away until the pool connects again. A
     * single killed backend costs little: the background check connects again at once.
     */
    void noticeFailure(Throwable failure) {
        if (unreachableSince == 0 && serverWentAway(failure)) {
            open(failure);
        }
    }

    private void open(Throwable cause) {
        if (unreachableSince == 0) {
            unreachableSince = System.nanoTime();
            log.warn(
                    "PostgreSQL is unreachable ({}): failing database work at once until it answers again",
                    cause.getMessage());
        }
        keepReconnecting();
    }

    private void keepReconnecting() {
        if (unreachableSince != 0 && !pool.isClosed() && reconnecting.compareAndSet(false, true)) {
            Thread.ofVirtual().name("postgres-reconnect").start(this::reconnect);
        }
    }

    /** Asks the pool for a connection until it gets one (the pool itself keeps trying to connect, with backoff). */
    private void reconnect() {
        try {
            while (unreachableSince != 0 && !pool.isClosed()) {
                try (Connection connection = pool.getConnection()) {
                    long since = unreachableSince;
                    unreachableSince = 0;
                    log.info(
                            "PostgreSQL answers again after {} ms",
                            Duration.ofNanos(System.nanoTime() - since).toMillis());
                } catch (SQLException e) {
                    Thread.sleep(retryInterval);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            reconnecting.set(false);
            keepReconnecting(); // opened again just as this one finished
        }
    }

    /**
     * The pool gave up because connecting failed (its timeout carries the last connect failure, a
     * connection-class SQLSTATE), not because every connection was busy (no cause).
     */
    private static boolean connectFailed(SQLException e) {
        return e instanceof SQLTransientConnectionException
                && e.getCause() != null
                && Database.isUnavailable(e.getCause());
    }

    private static boolean serverWentAway(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && !(t instanceof SQLTransientConnectionException)
                    && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("57P0") || state.equals("08003") || state.equals("08006")) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("Connections come from the pool, with its own credentials");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool.isWrapperFor(type);
    }
}

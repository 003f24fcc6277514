package uk.encounters.marketplace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server started inside this process for the demo, when no DATABASE_URL is set.
 * Its data directory is kept between runs, so what users changed survives a restart.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private final io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres(io.zonky.test.db.postgres.embedded.EmbeddedPostgres server) {
        this.server = server;
    }

    public static EmbeddedPostgres start(Path dataDirectory, int port) {
        return start(dataDirectory, port, false);
    }

    /** A server whose data is deleted when it stops, for tests. */
    public static EmbeddedPostgres startThrowaway() {
        try {
            return start(Files.createTempDirectory("encounters-pg"), 0, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedPostgres start(Path dataDirectory, int port, boolean deleteDataOnStop) {
        try {
            Files.createDirectories(dataDirectory);
            var builder = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(deleteDataOnStop);
            if (port > 0) {
                builder.setPort(port);
            }
            return new EmbeddedPostgres(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** Settings for a database on this server (the server's own {@code postgres} database by default). */
    public DatabaseSettings settings(String database) {
        return new DatabaseSettings(
                "jdbc:postgresql://localhost:" + server.getPort() + "/" + database,
                "postgres",
                null,
                DatabaseSettings.DEFAULT_POOL_SIZE);
    }

    /** Creates a database on this server unless it exists; names are plain identifiers only. */
    public void createDatabaseIfMissing(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " in the embedded PostgreSQL", e);
        }
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

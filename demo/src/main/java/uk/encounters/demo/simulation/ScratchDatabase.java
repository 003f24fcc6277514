package uk.encounters.demo.simulation;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.DatabaseSettings;

/**
 * A database made for one simulation on the server the app uses, migrated, and dropped when
 * closed, also when the run fails or is interrupted (a shutdown hook drops what is left).
 */
public final class ScratchDatabase implements AutoCloseable {

    private final DatabaseSettings server;
    private final String name;
    private final Database database;
    private final Thread dropOnExit;
    private boolean dropped;

    private ScratchDatabase(DatabaseSettings server, String name, Database database) {
        this.server = server;
        this.name = name;
        this.database = database;
        this.dropOnExit = new Thread(this::drop, "drop-" + name);
        Runtime.getRuntime().addShutdownHook(dropOnExit);
    }

    /**
     * @param server any database on the server, to connect to while creating and dropping
     * @param label  what the database is for, part of its name ("solver", "fcfs")
     */
    public static ScratchDatabase create(DatabaseSettings server, String label) {
        String name = ("encounters_sim_" + label + "_"
                        + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_]", "_");
        execute(server, "create database " + name);
        Database database = Database.open(on(server, name).withPoolSize(4));
        ScratchDatabase scratch = new ScratchDatabase(server, name, database);
        try {
            database.migrate();
            return scratch;
        } catch (RuntimeException e) {
            scratch.close();
            throw e;
        }
    }

    public Database database() {
        return database;
    }

    public String name() {
        return name;
    }

    /** Settings for another database on the same server: the URL with its database name replaced. */
    static DatabaseSettings on(DatabaseSettings server, String database) {
        String url = server.jdbcUrl();
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash < 0 ? 0 : slash);
        String hostPart = slash < 0 ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, slash);
        String rest = query < 0 ? "" : url.substring(query);
        return new DatabaseSettings(
                hostPart + "/" + database + rest, server.user(), server.password(), server.maximumPoolSize());
    }

    private static void execute(DatabaseSettings server, String sql) {
        Properties properties = new Properties();
        if (server.user() != null) properties.setProperty("user", server.user());
        if (server.password() != null) properties.setProperty("password", server.password());
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), properties);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not run '" + sql + "' on " + server.describe() + ": " + e.getMessage(), e);
        }
    }

    private synchronized void drop() {
        if (dropped) {
            return;
        }
        dropped = true;
        database.close();
        execute(server, "drop database if exists " + name + " with (force)");
    }

    @Override
    public void close() {
        drop();
        try {
            Runtime.getRuntime().removeShutdownHook(dropOnExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs (and finds it dropped)
        }
    }
}

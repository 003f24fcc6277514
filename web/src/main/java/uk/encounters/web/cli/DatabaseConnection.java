package uk.encounters.web.cli;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import java.io.PrintStream;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.DatabaseSettings;
import uk.encounters.marketplace.EmbeddedPostgres;
import uk.encounters.web.WebConfig;

/**
 * The database this run uses: the one DATABASE_URL names, or else an embedded PostgreSQL whose
 * data stays under DATA_DIR/pg between runs.
 */
final class DatabaseConnection implements AutoCloseable {

    static final String EMBEDDED_DATABASE = "encounters";

    private final Database database;
    private final DatabaseSettings settings;
    private final EmbeddedPostgres embedded;

    private DatabaseConnection(Database database, DatabaseSettings settings, EmbeddedPostgres embedded) {
        this.database = database;
        this.settings = settings;
        this.embedded = embedded;
    }

    static DatabaseConnection open(WebConfig config, PrintStream out) {
        return open(config, out, null);
    }

    /** @param poolMetrics where the pool reports, when the app serves metrics; null for commands that do not */
    static DatabaseConnection open(WebConfig config, PrintStream out, MetricsTrackerFactory poolMetrics) {
        if (config.databaseUrl().isPresent()) {
            DatabaseSettings settings = DatabaseSettings.fromUrl(
                    config.databaseUrl().get(),
                    config.databaseUser().orElse(null),
                    config.databasePassword().orElse(null));
            out.println("Database: " + settings.describe() + " (from DATABASE_URL)");
            return new DatabaseConnection(Database.open(settings, poolMetrics), settings, null);
        }
        var dataDirectory = config.dataDirectory().resolve("pg").toAbsolutePath();
        out.println("Database: starting the embedded PostgreSQL with its data in " + dataDirectory
                + " (set DATABASE_URL to use your own)");
        EmbeddedPostgres embedded = EmbeddedPostgres.start(dataDirectory, 0);
        embedded.createDatabaseIfMissing(EMBEDDED_DATABASE);
        DatabaseSettings settings = embedded.settings(EMBEDDED_DATABASE);
        out.println("Database: " + settings.describe());
        return new DatabaseConnection(Database.open(settings, poolMetrics), settings, embedded);
    }

    Database database() {
        return database;
    }

    /** Where the database is: other databases on the same server (a simulation's scratch ones) are reached from it. */
    DatabaseSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        database.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}

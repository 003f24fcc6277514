package uk.encounters.marketplace.testing;

import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.DatabaseSettings;

/**
 * A freshly created and migrated PostgreSQL database for one test class, dropped afterwards.
 * Register it as a static field:
 * {@code @RegisterExtension static final TestDatabase db = new TestDatabase();}
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback {

    /** Migrate to the latest version; {@code ""}: not at all; otherwise up to this version. */
    private final String migrateTo;

    private String name;
    private DatabaseSettings settings;
    private Database database;

    public TestDatabase() {
        this(null);
    }

    private TestDatabase(String migrateTo) {
        this.migrateTo = migrateTo;
    }

    /** A database as an older release left it, migrated only up to {@code version}: the next start upgrades it. */
    public static TestDatabase migratedTo(String version) {
        return new TestDatabase(version);
    }

    /** A database with no schema at all, e.g. to restore a backup into. */
    public static TestDatabase empty() {
        return new TestDatabase("");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        TestPostgresServer server = TestPostgresServer.get();
        name = "enc_"
                + context.getRequiredTestClass()
                        .getSimpleName()
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9]", "") + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        if (name.length() > 60) {
            name = name.substring(0, 50) + name.substring(name.length() - 9);
        }
        server.execute("create database " + name);
        settings = server.settingsFor(name);
        database = Database.open(settings);
        if (migrateTo == null) {
            database.migrate();
        } else if (!migrateTo.isEmpty()) {
            Flyway.configure()
                    .dataSource(database.dataSource())
                    .locations("classpath:db/migration")
                    .target(migrateTo)
                    .load()
                    .migrate();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (database != null) {
            database.close();
        }
        if (name != null) {
            TestPostgresServer.get().execute("drop database if exists " + name + " with (force)");
        }
    }

    public Database database() {
        return database;
    }

    public DSLContext dsl() {
        return database.dsl();
    }

    public DatabaseSettings settings() {
        return settings;
    }
}

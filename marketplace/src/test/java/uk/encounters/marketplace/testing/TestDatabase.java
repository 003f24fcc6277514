package uk.encounters.marketplace.testing;

import java.util.Locale;
import java.util.UUID;
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

    private String name;
    private DatabaseSettings settings;
    private Database database;

    @Override
    public void beforeAll(ExtensionContext context) {
        TestPostgresServer server = TestPostgresServer.get();
        name = "enc_" + context.getRequiredTestClass().getSimpleName().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "") + "_" + UUID.randomUUID().toString().substring(0, 8);
        if (name.length() > 60) {
            name = name.substring(0, 50) + name.substring(name.length() - 9);
        }
        server.execute("create database " + name);
        settings = server.settingsFor(name);
        database = Database.open(settings);
        database.migrate();
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

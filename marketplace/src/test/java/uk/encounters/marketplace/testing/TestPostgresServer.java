package uk.encounters.marketplace.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import uk.encounters.marketplace.DatabaseSettings;
import uk.encounters.marketplace.EmbeddedPostgres;

/**
 * The PostgreSQL server the tests of this JVM run against, chosen once: the server behind
 * TEST_DATABASE_URL when set; a Testcontainers container when a Docker engine answers;
 * otherwise an embedded PostgreSQL. Tests get their own database on it (see {@link TestDatabase}).
 */
final class TestPostgresServer {

    private static TestPostgresServer instance;

    private final DatabaseSettings admin;
    private final String description;

    private TestPostgresServer(DatabaseSettings admin, String description) {
        this.admin = admin;
        this.description = description;
    }

    static synchronized TestPostgresServer get() {
        if (instance == null) {
            instance = choose();
            System.out.println("Tests use PostgreSQL from " + instance.description);
        }
        return instance;
    }

    private static TestPostgresServer choose() {
        String url = System.getenv("TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            return new TestPostgresServer(
                    DatabaseSettings.fromUrl(
                            url, System.getenv("TEST_DATABASE_USER"), System.getenv("TEST_DATABASE_PASSWORD")),
                    "TEST_DATABASE_URL");
        }
        if (dockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:18-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new TestPostgresServer(
                    new DatabaseSettings(container.getJdbcUrl(), container.getUsername(), container.getPassword(), 2),
                    "a Testcontainers container");
        }
        EmbeddedPostgres embedded = EmbeddedPostgres.startThrowaway();
        Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
        return new TestPostgresServer(embedded.settings("postgres"), "an embedded PostgreSQL");
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Settings for another database on the same server. */
    DatabaseSettings settingsFor(String database) {
        String url = admin.jdbcUrl();
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash);
        String rest = query < 0 ? "" : url.substring(query);
        return new DatabaseSettings(url.substring(0, slash + 1) + database + rest, admin.user(), admin.password(), 4);
    }

    void execute(String sql) {
        Properties props = new Properties();
        if (admin.user() != null) props.setProperty("user", admin.user());
        if (admin.password() != null) props.setProperty("password", admin.password());
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), props);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run on the test server: " + sql, e);
        }
    }
}

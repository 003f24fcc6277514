package uk.encounters.marketplace;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where the database is and how to sign in to it. Accepts a JDBC URL
 * ({@code jdbc:postgresql://host:5432/db}) or the URL form most hosts hand out
 * ({@code postgres://user:secret@host:5432/db}); a user or password given separately wins.
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int maximumPoolSize) {

    public static final int DEFAULT_POOL_SIZE = 10;

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + redact(jdbcUrl));
        }
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("maximumPoolSize must be at least 1");
        }
    }

    public static DatabaseSettings fromUrl(String url, String user, String password) {
        if (url.startsWith("jdbc:")) {
            return new DatabaseSettings(url, user, password, DEFAULT_POOL_SIZE);
        }
        if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
            throw new IllegalArgumentException(
                    "DATABASE_URL must start with jdbc:postgresql://, postgres:// or postgresql://");
        }
        URI uri = URI.create(url);
        String urlUser = null;
        String urlPassword = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            urlUser = decode(parts[0]);
            urlPassword = parts.length > 1 ? decode(parts[1]) : null;
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query;
        return new DatabaseSettings(
                jdbc, user != null ? user : urlUser, password != null ? password : urlPassword, DEFAULT_POOL_SIZE);
    }

    public DatabaseSettings withPoolSize(int size) {
        return new DatabaseSettings(jdbcUrl, user, password, size);
    }

    /** The URL without anything secret in it, for logs and start-up messages. */
    public String describe() {
        return redact(jdbcUrl) + (user == null ? "" : " as " + user);
    }

    private static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("//[^/@]*@", "//***@");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + describe() + "]";
    }
}

package uk.encounters.benchmark;

import java.util.Optional;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.DatabaseSettings;

/** The database a measuring command reads, named by DATABASE_URL, DATABASE_USER and DATABASE_PASSWORD. */
public final class BenchmarkDatabase {

    private BenchmarkDatabase() {}

    /**
     * Opens it with a small pool, or says on standard error what to set and gives nothing.
     *
     * @param command the command's name, as its messages start
     * @param what what the database must be, e.g. "to a seeded database"
     */
    public static Optional<Database> open(String command, String what) {
        String url = System.getenv("DATABASE_URL");
        if (url == null || url.isBlank()) {
            System.err.println(command + ": set DATABASE_URL (and DATABASE_USER, DATABASE_PASSWORD) " + what + ".");
            return Optional.empty();
        }
        return Optional.of(Database.open(
                DatabaseSettings.fromUrl(url, System.getenv("DATABASE_USER"), System.getenv("DATABASE_PASSWORD"))
                        .withPoolSize(4)));
    }
}

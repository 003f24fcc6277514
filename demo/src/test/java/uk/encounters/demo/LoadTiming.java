package uk.encounters.demo;

import java.time.LocalDate;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.DatabaseSettings;

/**
 * Measures generating and loading an area into a database of your choosing, by hand (not a
 * test: surefire never runs it). Give it an empty database:
 * <pre>
 * createdb -h 127.0.0.1 -U postgres enc_timing
 * java -cp ... uk.encounters.demo.LoadTiming \
 *     'jdbc:postgresql://127.0.0.1:5432/enc_timing?user=postgres' england 42 2026-11-23
 * dropdb -h 127.0.0.1 -U postgres enc_timing
 * </pre>
 */
public final class LoadTiming {

    private LoadTiming() {}

    public static void main(String[] args) {
        String url = args[0];
        String area = args.length > 1 ? args[1] : "derby";
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        LocalDate today = args.length > 3 ? LocalDate.parse(args[3]) : LocalDate.now();
        try (Database database = Database.open(DatabaseSettings.fromUrl(url, null, null))) {
            database.migrate();
            LoadReport report = DemoData.load(database, area, seed, today, SharedData.locate());
            System.out.println(report.summary());
            System.out.println(report.rows());
        }
    }
}

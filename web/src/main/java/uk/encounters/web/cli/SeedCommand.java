package uk.encounters.web.cli;

import static uk.encounters.marketplace.jooq.Tables.HUB;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import uk.encounters.demo.DemoData;
import uk.encounters.demo.LoadReport;
import uk.encounters.demo.SharedData;
import uk.encounters.marketplace.Database;
import uk.encounters.web.WebConfig;

/** Loads generated hubs for `encounters seed` and the first run of `encounters demo`. */
final class SeedCommand {

    private final Database database;
    private final Optional<Path> sharedData;
    private final Clock clock;
    private final PrintStream out;

    SeedCommand(Database database, WebConfig config, Clock clock, PrintStream out) {
        this.database = database;
        this.sharedData = config.sharedDataDirectory().or(SharedData::locate);
        this.clock = clock;
        this.out = out;
    }

    static List<String> areas() {
        return DemoData.areas();
    }

    void seed(String area, long seed) {
        out.println("Loading " + area + " (seed " + seed + ") from "
                + sharedData
                        .map(p -> "the public data in " + p.toAbsolutePath().normalize())
                        .orElse("realistic parameters (no public data folder found)")
                + "...");
        LoadReport report = DemoData.load(database, area, seed, LocalDate.now(clock), sharedData);
        out.println("Loaded " + report.summary());
    }

    /** The demo loads its hub once; later runs keep what users changed. True when it loaded it now. */
    boolean seedUnlessAnyHubExists(String area, long seed) {
        if (database.dsl().fetchExists(HUB)) {
            out.println("A hub is already loaded; keeping the data as it is.");
            return false;
        }
        seed(area, seed);
        return true;
    }
}

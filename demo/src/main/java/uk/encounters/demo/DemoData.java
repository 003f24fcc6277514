package uk.encounters.demo;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import uk.encounters.marketplace.Database;

/**
 * The entry points for demo and benchmark data: which areas exist, generating an area's hubs,
 * and loading them. Everything is deterministic in (area, seed, today) and the data folder.
 *
 * <pre>{@code
 * LoadReport report = DemoData.load(db, "derby", 42, LocalDate.now(), SharedData.locate());
 * }</pre>
 */
public final class DemoData {

    private DemoData() {}

    /** The area names {@link #load} accepts: derby, blackpool, doncaster, norwich, west-somerset, england. */
    public static List<String> areas() {
        return DemoArea.names();
    }

    /**
     * Generates the hubs of an area without writing anything. England's hubs hold their
     * employers and offers in memory (pupils are always made on demand); fine for a benchmark,
     * but {@link #load} is the lighter way to write it.
     *
     * @param sharedData the public data folder (see {@link SharedData#locate()}); empty to build
     *                   the parametric Derby-like hub, the only area possible without it
     * @throws IllegalArgumentException for an unknown area, or one that needs the data when there is none
     */
    public static List<DemoHub> generate(String area, long seed, LocalDate today, Optional<Path> sharedData) {
        HubGenerator generator = new HubGenerator(seed, today);
        return profiles(area, seed, sharedData).stream()
                .map(generator::generate)
                .toList();
    }

    /**
     * Generates an area and loads it into {@code database}, one transaction per hub.
     *
     * @param sharedData the public data folder (see {@link SharedData#locate()}); empty to build
     *                   the parametric Derby-like hub, the only area possible without it
     * @throws IllegalArgumentException for an unknown area, or one that needs the data when there is none
     * @throws IllegalStateException    when one of the area's hubs or schools is already in the database
     */
    public static LoadReport load(
            Database database, String area, long seed, LocalDate today, Optional<Path> sharedData) {
        return new HubLoader(database)
                .load(DemoArea.named(area).code(), profiles(area, seed, sharedData), new HubGenerator(seed, today));
    }

    private static List<HubProfile> profiles(String area, long seed, Optional<Path> sharedData) {
        DemoArea demoArea = DemoArea.named(area);
        return demoArea.hubs(sharedData.map(SharedData::at), seed);
    }
}

package uk.encounters.benchmark.instance;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.encounters.demo.DemoArea;
import uk.encounters.demo.DemoHub;
import uk.encounters.demo.HubGenerator;
import uk.encounters.demo.SharedData;

/**
 * The East Midlands: its ten local authorities' hubs of the England demo area (one hub per local
 * authority, employers scaled from England's business counts by their share of pupils). 293
 * state-funded secondary schools and about 90 special schools and alternative provision, so a
 * round of the size a regional coordinator would face.
 */
final class Region {

    /** Old LA codes: Derby, Derbyshire, Leicester, Leicestershire, Rutland, Lincolnshire,
     *  Nottingham, Nottinghamshire, North and West Northamptonshire. */
    static final Set<String> EAST_MIDLANDS =
            Set.of("831", "830", "856", "855", "857", "925", "892", "891", "940", "941");

    private Region() {}

    /** Generates only the region's hubs: all of England's would be many times the work and memory. */
    static List<DemoHub> eastMidlands(long seed, LocalDate today, Optional<Path> sharedData) {
        Path data = sharedData.orElseThrow(() -> new IllegalStateException(
                "region-week is made from the public data in shared/data, which was not found (set SHARED_DATA_DIR)"));
        HubGenerator generator = new HubGenerator(seed, today);
        return DemoArea.ENGLAND.hubs(Optional.of(SharedData.at(data)), seed).stream()
                .filter(hub -> EAST_MIDLANDS.contains(hub.schools().get(0).localAuthorityCode()))
                .map(generator::generate)
                .toList();
    }
}

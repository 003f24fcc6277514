package uk.encounters.web.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import uk.encounters.demo.SharedData;
import uk.encounters.demo.simulation.Arm;
import uk.encounters.demo.simulation.Behaviour;
import uk.encounters.demo.simulation.EventHabits;
import uk.encounters.demo.simulation.SchoolYearSimulation;
import uk.encounters.demo.simulation.ScratchDatabase;
import uk.encounters.demo.simulation.SimulationReport;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.matcher.solver.MatchingWeights;
import uk.encounters.web.WebConfig;
import uk.encounters.web.WebServer;
import uk.encounters.web.account.Links;

/**
 * {@code encounters simulate}: a school year of weekly rounds on a generated hub, played three
 * ways (the product, the status quo, and first come, first served with the product's
 * suggestions), each in a scratch database on the server the app uses, for every seed and supply
 * factor asked for. The year is this school year, played from its first September week.
 */
final class SimulateCommand {

    static final int DEFAULT_SECONDS = 5;

    private final WebConfig config;
    private final Clock clock;
    private final PrintStream out;

    SimulateCommand(WebConfig config, Clock clock, PrintStream out) {
        this.config = config;
        this.clock = clock;
        this.out = out;
    }

    int run(CommandLine line) {
        String area = line.option("area").orElse(Main.DEMO_AREA);
        if (!SeedCommand.areas().contains(area)) {
            throw new IllegalArgumentException("--area must be one of: " + String.join(", ", SeedCommand.areas()));
        }
        AcademicYear year = AcademicYear.containing(LocalDate.now(clock));
        int schoolWeeks = SchoolYearSimulation.schoolWeeks(year).size();
        long weeks = line.longOption("weeks", schoolWeeks);
        if (weeks < 1 || weeks > schoolWeeks) {
            throw new IllegalArgumentException(
                    "--weeks must be 1 to " + schoolWeeks + " (the school weeks of " + year.label() + ")");
        }
        long seconds = line.longOption("seconds", DEFAULT_SECONDS);
        if (seconds < 1 || seconds > 600) {
            throw new IllegalArgumentException("--seconds must be 1 to 600");
        }
        List<Long> seeds = seeds(line);
        List<Double> supplies = line.numbers("supply", List.of(1.0));
        for (double supply : supplies) {
            if (!(supply >= 1 && supply <= 5)) {
                throw new IllegalArgumentException("--supply factors must be 1 to 5, not " + supply);
            }
        }
        double planShare = line.numbers("plan-share", List.of(Behaviour.DEFAULTS.planShare()))
                .getFirst();
        if (!(planShare >= 0 && planShare <= 1)) {
            throw new IllegalArgumentException("--plan-share must be 0 to 1");
        }
        Map<String, Long> weights = weights(line);
        Optional<Path> csv = line.option("csv").map(Path::of);
        Optional<Path> sharedData = config.sharedDataDirectory().or(SharedData::locate);
        List<String> rows = new ArrayList<>();
        // a hub made from parameters is another hub: say which one is played, so runs compare like with like
        out.println(sharedData
                .map(path -> "Hub data: the public data in " + path)
                .orElse("Hub data: made from parameters (no public data found; SHARED_DATA_DIR names its folder)"));
        if (!weights.isEmpty()) {
            out.println("The product's solver weights these rules otherwise than the defaults: "
                    + weights.entrySet().stream()
                            .map(w -> w.getKey() + " " + w.getValue() + " (default "
                                    + MatchingWeights.DEFAULTS.get(w.getKey()) + ")")
                            .collect(Collectors.joining("; ")));
        }
        try (DatabaseConnection server = DatabaseConnection.open(config, out)) {
            for (long seed : seeds) {
                for (double supply : supplies) {
                    var settings = new SchoolYearSimulation.Settings(
                            area,
                            seed,
                            year,
                            Optional.of((int) weeks),
                            (int) seconds,
                            supply,
                            Behaviour.DEFAULTS.withPlanShare(planShare),
                            sharedData,
                            new Links(config.baseUrl()),
                            WebServer.PRODUCT_NAME,
                            weights,
                            EventHabits.DEFAULTS);
                    SimulationReport report = play(server, settings, year, (int) weeks);
                    report.print(out);
                    rows.addAll(report.csvRows());
                    csv.ifPresent(path -> write(path, rows));
                }
            }
        }
        csv.ifPresent(path -> out.println("Wrote " + rows.size() + " rows to " + path));
        return 0;
    }

    private SimulationReport play(
            DatabaseConnection server, SchoolYearSimulation.Settings settings, AcademicYear year, int weeks) {
        List<ScratchDatabase> scratch = new ArrayList<>();
        try {
            Map<Arm, Database> databases = new EnumMap<>(Arm.class);
            for (Arm arm : Arm.values()) {
                ScratchDatabase database = ScratchDatabase.create(server.settings(), arm.code());
                scratch.add(database);
                databases.put(arm, database.database());
            }
            out.printf(
                    "Simulating %s %s, seed %d, supply x%.2f: %d school week%s, in scratch databases %s (dropped at"
                            + " the end)...%n",
                    settings.area(),
                    year.label(),
                    settings.seed(),
                    settings.supply(),
                    weeks,
                    weeks == 1 ? "" : "s",
                    String.join(
                            ", ", scratch.stream().map(ScratchDatabase::name).toList()));
            return new SchoolYearSimulation(settings).play(databases, out::println);
        } finally {
            scratch.forEach(ScratchDatabase::close);
        }
    }

    private static List<Long> seeds(CommandLine line) {
        if (line.option("seed").isPresent() && line.option("seeds").isPresent()) {
            throw new IllegalArgumentException("Give --seed or --seeds, not both");
        }
        List<Long> seeds = line.option("seeds").isPresent()
                ? line.numbers("seeds", List.of()).stream()
                        .map(SimulateCommand::whole)
                        .toList()
                : List.of(line.longOption("seed", Main.DEMO_SEED));
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("--seeds needs at least one seed");
        }
        return seeds;
    }

    /**
     * {@code --weights "Rule name=200;Other rule=0"}: the product's rule weights as a coordinator would set them on
     * the round page, so a weight is measured on pupils before it becomes a default.
     */
    static Map<String, Long> weights(CommandLine line) {
        Optional<String> value = line.option("weights");
        if (value.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> weights = new LinkedHashMap<>();
        for (String pair : value.get().split(";")) {
            int equals = pair.lastIndexOf('=');
            String rule = equals < 0 ? pair.strip() : pair.substring(0, equals).strip();
            if (!MatchingWeights.DEFAULTS.containsKey(rule)) {
                throw new IllegalArgumentException("--weights takes \"Rule name=weight\" pairs separated by ';'; '"
                        + rule + "' is not a rule. The rules: " + String.join("; ", MatchingWeights.DEFAULTS.keySet()));
            }
            long weight;
            try {
                weight = equals < 0
                        ? -1
                        : Long.parseLong(pair.substring(equals + 1).strip());
            } catch (NumberFormatException e) {
                weight = -1;
            }
            if (weight < 0) {
                throw new IllegalArgumentException(
                        "--weights needs a whole number, zero or more, after '" + rule + "='");
            }
            weights.put(rule, weight);
        }
        return weights;
    }

    private static long whole(double seed) {
        if (seed != Math.rint(seed)) {
            throw new IllegalArgumentException("Seeds are whole numbers, not " + seed);
        }
        return (long) seed;
    }

    /** The rows so far, header first: written after every run, so a stopped run keeps what it measured. */
    private static void write(Path path, List<String> rows) {
        List<String> lines = new ArrayList<>();
        lines.add(SimulationReport.CSV_HEADER);
        lines.addAll(rows);
        try {
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.write(path, lines);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write " + path + ": " + e.getMessage(), e);
        }
    }
}

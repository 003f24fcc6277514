package uk.encounters.web;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.demo.SharedData;
import uk.encounters.marketplace.simulation.Behaviour;
import uk.encounters.marketplace.simulation.ScratchDatabase;
import uk.encounters.marketplace.simulation.SchoolYearSimulation;
import uk.encounters.marketplace.simulation.SimulationReport;

/**
 * {@code encounters simulate}: a school year of weekly rounds on a generated hub, solved and
 * brokered first come, first served, each in a scratch database on the server the app uses.
 * The year is this school year, played from its first September week.
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
            throw new IllegalArgumentException("--weeks must be 1 to " + schoolWeeks + " (the school weeks of "
                    + year.label() + ")");
        }
        long seconds = line.longOption("seconds", DEFAULT_SECONDS);
        if (seconds < 1 || seconds > 600) {
            throw new IllegalArgumentException("--seconds must be 1 to 600");
        }
        Optional<Path> sharedData = config.sharedDataDirectory().or(SharedData::locate);
        var settings = new SchoolYearSimulation.Settings(area, line.longOption("seed", Main.DEMO_SEED), year,
                Optional.of((int) weeks), (int) seconds, Behaviour.DEFAULTS, sharedData, config.baseUrl(),
                WebServer.PRODUCT_NAME);
        try (DatabaseConnection server = DatabaseConnection.open(config, out);
             ScratchDatabase solved = ScratchDatabase.create(server.settings(), "solver");
             ScratchDatabase brokered = ScratchDatabase.create(server.settings(), "fcfs")) {
            out.printf("Simulating %s %s: %d school week%s, in scratch databases %s and %s (dropped at the end)...%n",
                    area, year.label(), weeks, weeks == 1 ? "" : "s", solved.name(), brokered.name());
            SimulationReport report = new SchoolYearSimulation(settings)
                    .play(solved.database(), brokered.database(), out::println);
            report.print(out);
            return 0;
        }
    }
}

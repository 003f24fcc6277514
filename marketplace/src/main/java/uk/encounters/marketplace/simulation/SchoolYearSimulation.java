package uk.encounters.marketplace.simulation;

import static uk.encounters.marketplace.jooq.Tables.HUB;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.demo.DemoData;
import uk.encounters.marketplace.demo.DemoHub;
import uk.encounters.marketplace.demo.HubLoader;
import uk.encounters.marketplace.demo.OffersThroughTheYear;
import uk.encounters.marketplace.round.Publication;

/**
 * Plays a school year of weekly matching rounds on a generated hub twice, once brokered by the
 * solver and once first come, first served, each in its own database loaded identically, and
 * reports both years side by side. Time is a simulated clock: the hub is generated as it stands
 * on the Friday before the first school week of September (no encounters yet this year, offers
 * for the whole year), and every week's round runs on the Friday before the week it starts
 * planning, as {@code encounters match --publish} would from a scheduler.
 */
public final class SchoolYearSimulation {

    /**
     * @param weeks        school weeks to play; empty for the whole school year
     * @param solveSeconds the solver's time limit per round
     * @param sharedData   the public data folder, as for {@code encounters seed}
     */
    public record Settings(String area, long seed, AcademicYear year, Optional<Integer> weeks, int solveSeconds,
                           Behaviour behaviour, Optional<Path> sharedData, String baseUrl, String productName) {
    }

    private final Settings settings;

    public SchoolYearSimulation(Settings settings) {
        this.settings = settings;
    }

    /** The Mondays of the year's school weeks, from the first full week of September to the summer. */
    public static List<LocalDate> schoolWeeks(AcademicYear year) {
        List<LocalDate> mondays = new ArrayList<>();
        for (LocalDate monday = year.firstDay().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
             !monday.isAfter(year.lastTeachingDay()); monday = monday.plusWeeks(1)) {
            for (int d = 0; d < 5; d++) {
                if (year.isSchoolDay(monday.plusDays(d))) {
                    mondays.add(monday);
                    break;
                }
            }
        }
        return mondays;
    }

    /**
     * Loads the hub into both (empty, migrated) databases and plays the year.
     *
     * @param progress told one line per week
     */
    public SimulationReport play(Database solverDatabase, Database fcfsDatabase, Consumer<String> progress) {
        long started = System.nanoTime();
        List<LocalDate> mondays = schoolWeeks(settings.year());
        int weeks = Math.min(mondays.size(), settings.weeks().orElse(mondays.size()));
        if (weeks < 1) {
            throw new IllegalArgumentException("--weeks must be 1 to " + mondays.size());
        }
        LocalDate firstDay = roundDay(mondays.getFirst());
        List<DemoHub> hubs = DemoData.generate(settings.area(), settings.seed(), firstDay, settings.sharedData());
        if (hubs.size() != 1) {
            throw new IllegalArgumentException("Area '" + settings.area() + "' has " + hubs.size()
                    + " hubs; a simulation plays one hub");
        }
        DemoHub hub = hubs.getFirst();
        List<List<DemoHub.Request>> posted = YearOfRequests.draw(hub.profile(), settings.seed(), mondays, weeks,
                settings.behaviour().placesPerPupil());
        List<List<OffersThroughTheYear.Posted>> offered = OffersThroughTheYear.draw(hub, settings.seed(),
                mondays.subList(0, weeks).stream().map(SchoolYearSimulation::roundDay).toList(), mondays.size(),
                settings.behaviour().reofferShare());
        SimulatedClock clock = new SimulatedClock(firstDay);
        Draws draws = new Draws(settings.seed());
        Publication publication = new Publication(settings.baseUrl(), settings.productName(), clock);
        try (HubInPlay solved = load(solverDatabase, hub, new Broker.Solver(solverDatabase, clock,
                settings.solveSeconds()), publication, draws);
             HubInPlay brokered = load(fcfsDatabase, hub, new Broker.FirstComeFirstServed(fcfsDatabase, clock),
                     publication, draws)) {
            for (int week = 0; week < weeks; week++) {
                LocalDate day = roundDay(mondays.get(week));
                clock.advanceTo(day);
                HubInPlay.RoundRun a = solved.week(day, posted.get(week), offered.get(week));
                HubInPlay.RoundRun b = brokered.week(day, posted.get(week), offered.get(week));
                progress.accept(String.format("Week %2d, %s: %3d requests and %2d offers posted; solver matched %4d of"
                                + " %4d sessions in %4.1f s, first come first served %4d of %4d", week + 1, day,
                        posted.get(week).size(), offered.get(week).size(), a.matched(), a.sessions(), a.seconds(),
                        b.matched(), b.sessions()));
            }
            LocalDate lastDay = mondays.get(weeks - 1).plusDays(4);
            clock.advanceTo(lastDay);
            solved.catchUp(lastDay);
            brokered.catchUp(lastDay);
            return new SimulationReport(hub.profile().name(), settings.area(), settings.seed(), firstDay, lastDay, weeks,
                    settings.solveSeconds(), settings.behaviour(), BrokerOutcome.of("solver", solved, lastDay),
                    BrokerOutcome.of("first come, first served", brokered, lastDay),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /** The Friday before a school week: when the coordinator runs the round that starts planning it. */
    static LocalDate roundDay(LocalDate monday) {
        return monday.minusDays(3);
    }

    private HubInPlay load(Database database, DemoHub hub, Broker broker, Publication publication, Draws draws) {
        try {
            new HubLoader(database).load(hub);
            database.dsl().execute("analyze");
            long hubId = database.dsl().select(HUB.ID).from(HUB).where(HUB.NAME.eq(hub.profile().name()))
                    .fetchSingle(HUB.ID);
            return new HubInPlay(database, hubId, hub.profile(), broker, publication, draws, settings.behaviour());
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }
}

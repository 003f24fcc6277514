package uk.encounters.demo.simulation;

import static uk.encounters.marketplace.jooq.Tables.HUB;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import uk.encounters.demo.DemoData;
import uk.encounters.demo.DemoHub;
import uk.encounters.demo.HubLoader;
import uk.encounters.demo.OffersThroughTheYear;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.round.DigestLinks;
import uk.encounters.marketplace.round.Publication;
import uk.encounters.matcher.solver.MatchingWeights;

/**
 * Plays a school year of weekly matching rounds on a generated hub three ways ({@link Arm}): with
 * the product, in the world without it, and first come, first served with the product's
 * suggestions and requests; each in its own database loaded identically, with the same offers and
 * events posted in the same weeks, and reports them side by side. Time is a simulated clock: the
 * hub is generated as it stands on the Friday before the first school week of September (no
 * encounters yet this year, offers for the whole year), and
 * every week's round runs on the Friday before the week it starts planning, as
 * {@code encounters match --publish} would from a scheduler.
 */
public final class SchoolYearSimulation {

    /**
     * @param weeks        school weeks to play; empty for the whole school year
     * @param solveSeconds the solver's time limit per round
     * @param supply       the factor scaling employers' offers: 1.3 posts 30% more offers in the first week
     * @param sharedData   the public data folder, as for {@code encounters seed}
     * @param links        where the round digests' links lead
     * @param events       how schools and the hub hold events, the same in every arm
     */
    public record Settings(
            String area,
            long seed,
            AcademicYear year,
            Optional<Integer> weeks,
            int solveSeconds,
            double supply,
            Behaviour behaviour,
            Optional<Path> sharedData,
            DigestLinks links,
            String productName,
            Map<String, Long> weights,
            EventHabits events) {

        public Settings {
            if (!(supply >= 1 && supply <= 5)) {
                throw new IllegalArgumentException("The supply factor is 1 to 5");
            }
            weights = Map.copyOf(weights);
            new MatchingWeights(weights); // refuses an unknown rule or a negative weight before the year is played
        }
    }

    private final Settings settings;

    public SchoolYearSimulation(Settings settings) {
        this.settings = settings;
    }

    /** The Mondays of the year's school weeks, from the first full week of September to the summer. */
    public static List<LocalDate> schoolWeeks(AcademicYear year) {
        List<LocalDate> mondays = new ArrayList<>();
        for (LocalDate monday = year.firstDay().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
                !monday.isAfter(year.lastTeachingDay());
                monday = monday.plusWeeks(1)) {
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
     * Loads the hub into each arm's (empty, migrated) database and plays the year.
     *
     * @param progress told one line per week
     */
    public SimulationReport play(Map<Arm, Database> databases, Consumer<String> progress) {
        long started = System.nanoTime();
        List<LocalDate> mondays = schoolWeeks(settings.year());
        int weeks = Math.min(mondays.size(), settings.weeks().orElse(mondays.size()));
        if (weeks < 1) {
            throw new IllegalArgumentException("--weeks must be 1 to " + mondays.size());
        }
        LocalDate firstDay = roundDay(mondays.getFirst());
        List<DemoHub> hubs = DemoData.generate(settings.area(), settings.seed(), firstDay, settings.sharedData());
        if (hubs.size() != 1) {
            throw new IllegalArgumentException(
                    "Area '" + settings.area() + "' has " + hubs.size() + " hubs; a simulation plays one hub");
        }
        DemoHub hub = hubs.getFirst();
        List<List<DemoHub.Request>> posted = YearOfRequests.draw(
                hub.profile(),
                settings.seed(),
                mondays,
                weeks,
                settings.behaviour().placesPerPupil());
        List<List<OffersThroughTheYear.Posted>> offered = offers(hub, mondays, weeks);
        SimulatedClock clock = new SimulatedClock(firstDay);
        Draws draws = new Draws(settings.seed());
        List<List<PlannedEvent>> events = EventsOfTheYear.draw(hub.profile(), draws, mondays, weeks, settings.events());
        Set<Integer> planning = planningSchools(hub, draws);
        Publication publication = new Publication(settings.links(), settings.productName(), clock);
        List<HubInPlay> arms = new ArrayList<>();
        try {
            databases.forEach((arm, database) -> arms.add(load(
                    arm,
                    database,
                    hub,
                    Broker.of(arm, database, clock, settings.solveSeconds(), settings.weights()),
                    publication,
                    draws,
                    planning)));
            for (int week = 0; week < weeks; week++) {
                LocalDate day = roundDay(mondays.get(week));
                clock.advanceTo(day);
                StringBuilder line = new StringBuilder(String.format(
                        "Week %2d, %s: %3d requests and %2d offers drawn;",
                        week + 1,
                        day,
                        posted.get(week).size(),
                        offered.get(week).size()));
                for (HubInPlay arm : arms) {
                    HubInPlay.RoundRun run = arm.week(day, posted.get(week), offered.get(week), events.get(week));
                    line.append(String.format(
                            " %s matched %4d of %4d sessions in %4.1f s;",
                            arm.arm().code(), run.matched(), run.sessions(), run.seconds()));
                }
                if (!events.get(week).isEmpty()) {
                    line.append(String.format(
                            " %d event%s posted;",
                            events.get(week).size(), events.get(week).size() == 1 ? "" : "s"));
                }
                progress.accept(line.substring(0, line.length() - 1));
            }
            LocalDate lastDay = mondays.get(weeks - 1).plusDays(4);
            clock.advanceTo(lastDay);
            List<ArmOutcome> outcomes = new ArrayList<>();
            for (HubInPlay arm : arms) {
                arm.catchUp(lastDay);
                outcomes.add(ArmOutcome.of(arm, lastDay));
            }
            return new SimulationReport(
                    hub.profile().name(),
                    settings.area(),
                    settings.seed(),
                    settings.supply(),
                    firstDay,
                    lastDay,
                    weeks,
                    settings.solveSeconds(),
                    settings.behaviour(),
                    settings.events(),
                    planning.size(),
                    hub.profile().schools().size(),
                    outcomes,
                    Duration.ofNanos(System.nanoTime() - started));
        } finally {
            arms.forEach(HubInPlay::close);
        }
    }

    /**
     * The offers posted each played week: employers' re-offers through the year, and in the first
     * week, where the supply factor is over 1, that much more of the year's offers.
     */
    private List<List<OffersThroughTheYear.Posted>> offers(DemoHub hub, List<LocalDate> mondays, int weeks) {
        List<List<OffersThroughTheYear.Posted>> offered = new ArrayList<>(OffersThroughTheYear.draw(
                hub,
                settings.seed(),
                mondays.subList(0, weeks).stream()
                        .map(SchoolYearSimulation::roundDay)
                        .toList(),
                mondays.size(),
                settings.behaviour().reofferShare()));
        int yearsOffers =
                hub.offers().size() + offered.stream().mapToInt(List::size).sum();
        int more = (int) Math.round((settings.supply() - 1) * yearsOffers);
        if (more > 0) {
            List<OffersThroughTheYear.Posted> first = new ArrayList<>(offered.getFirst());
            first.addAll(OffersThroughTheYear.more(hub, settings.seed(), roundDay(mondays.getFirst()), more));
            offered.set(0, List.copyOf(first));
        }
        return offered;
    }

    /** The schools that take up "What to request next", by URN: the plan share of them, drawn once. */
    private Set<Integer> planningSchools(DemoHub hub, Draws draws) {
        Set<Integer> urns = new TreeSet<>();
        for (var school : hub.profile().schools()) {
            if (draws.chance("plans/" + school.urn(), settings.behaviour().planShare())) {
                urns.add(school.urn());
            }
        }
        return urns;
    }

    /** The Friday before a school week: when the coordinator runs the round that starts planning it. */
    static LocalDate roundDay(LocalDate monday) {
        return monday.minusDays(3);
    }

    private HubInPlay load(
            Arm arm,
            Database database,
            DemoHub hub,
            Broker broker,
            Publication publication,
            Draws draws,
            Set<Integer> planning) {
        try {
            new HubLoader(database).load(hub);
            database.dsl().execute("analyze");
            long hubId = database.dsl()
                    .select(HUB.ID)
                    .from(HUB)
                    .where(HUB.NAME.eq(hub.profile().name()))
                    .fetchSingle(HUB.ID);
            return new HubInPlay(
                    arm, database, hubId, hub.profile(), broker, publication, draws, settings.behaviour(), planning);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }
}

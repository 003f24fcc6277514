package uk.encounters.benchmark.instance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import uk.encounters.demo.DemoHub;
import uk.encounters.demo.Seed;
import uk.encounters.marketplace.calendar.Horizon;
import uk.encounters.matcher.domain.Arrangement;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.DeliveryMode;
import uk.encounters.matcher.domain.Employer;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.Period;
import uk.encounters.matcher.domain.ProblemBuilder;
import uk.encounters.matcher.domain.Request;
import uk.encounters.matcher.solver.MatchingWeights;

/**
 * The benchmark's mapping from generated hubs to a matching round's problem, through
 * {@link ProblemBuilder}: schools, cohorts of pupils by priority, employers with their caps,
 * active offers, the demand of the horizon ({@link Demand}) and the live bookings already in it,
 * pinned. Several hubs make one problem, as if one coordinator matched the whole region. (The
 * app's own mapping, from the database, is the matching round's; this one reads generated data.)
 */
public final class HubProblem {

    /** School weeks in a year, for what one encounter per pupil per year means per week. */
    private static final int SCHOOL_WEEKS = 38;

    /** The share of placement hosts whose paperwork holds through the horizon. */
    private static final double PAPERWORK_HOLDS = 0.6;

    /** The share whose paperwork runs out at the end of the horizon's first week. */
    private static final double PAPERWORK_RUNS_OUT = 0.15;

    private final Horizon horizon;
    private final long seed;
    private final Set<EncounterType> types;
    private final boolean events;
    private long nextId = 1;

    /** A request to place, with the live booking of its first session when it has one. */
    private record Posted(MappedHub hub, DemoHub.Request request, DemoHub.Booking booking) {}

    /**
     * @param types  what the round plans: offers and requests of other types are left out
     * @param events whether to add a fair, a hub's sector day and shared online sessions ({@link EventsOnTop})
     */
    public HubProblem(Horizon horizon, long seed, Set<EncounterType> types, boolean events) {
        this.horizon = horizon;
        this.seed = seed;
        this.types = Set.copyOf(types);
        this.events = events;
    }

    public BenchmarkInstance build(String name, List<DemoHub> hubs) {
        ProblemBuilder builder = new ProblemBuilder(
                horizon.start(), horizon.end(), horizon.schoolDays(), MatchingWeights.defaultWeights());
        List<Posted> posted = new ArrayList<>();
        Map<MappedHub, Map<Integer, Map<Integer, Cohort>>> cohorts = new HashMap<>();
        long supply = 0;
        long pupilPlaces = 0;
        long pupils = 0;
        for (DemoHub hub : hubs) {
            MappedHub mapped = new MappedHub(hub, horizon, () -> nextId++, random(hub, "asks"));
            mapped.activeOffers.values().removeIf(offer -> !types.contains(offer.type()));
            mapped.liveBookings.removeIf(booking -> !types.contains(booking.type()));
            withPaperwork(mapped);
            if (events) {
                RandomGenerator free = random(hub, "events");
                EventsOnTop.Days days = EventsOnTop.Days.of(horizon);
                mapped.activeOffers.replaceAll((index, offer) -> EventsOnTop.forEvents(offer, days, free));
            }
            mapped.activeOffers.values().forEach(builder::offer);
            Demand.Drawn demand =
                    Demand.draw(hub, horizon, seed, Supply.sessions(mapped.activeOffers.values(), horizon), types);
            demand.requests().forEach(request -> posted.add(new Posted(mapped, request, null)));
            posted.addAll(liveBookings(mapped));
            cohorts.put(mapped, cohorts(mapped, posted));
            supply += demand.supplySessions();
            pupilPlaces += demand.pupilPlaces();
            pupils += hub.profile().pupils();
        }
        // the order the requests were posted in, which first come first served follows
        Collections.shuffle(posted, new Seed(seed).random("benchmark/posting-order"));
        int requests = 0;
        for (int order = 0; order < posted.size(); order++) {
            Posted p = posted.get(order);
            long id = nextId++;
            Cohort cohort = cohorts.get(p.hub())
                    .get(p.request().school())
                    .get(p.request().yearGroup());
            builder.request(request(id, cohort, p.request(), order));
            requests++;
            if (p.booking() != null) {
                DemoHub.Booking booking = p.booking();
                builder.booking(
                        id,
                        p.hub().activeOffers.get(booking.offer()).id(),
                        booking.startsOn(),
                        booking.endsOn(),
                        Period.fromCode(booking.period()),
                        booking.pinned());
            }
        }
        if (events) {
            List<Cohort> asking = new ArrayList<>();
            cohorts.values().forEach(bySchool -> bySchool.values().forEach(byYear -> asking.addAll(byYear.values())));
            for (Request request :
                    EventsOnTop.requests(horizon, EventsOnTop.Days.of(horizon), asking, nextId, posted.size())) {
                nextId = request.id() + 1;
                builder.request(request);
                requests++;
            }
        }
        MatchingProblem problem = builder.build();
        int pinned = (int) problem.sessions().stream().filter(s -> s.pinned()).count();
        InstanceFigures figures = new InstanceFigures(
                hubs.size(),
                problem.schools().size(),
                problem.cohorts().size(),
                requests,
                problem.sessions().size(),
                pinned,
                problem.slots().size(),
                problem.candidatePairs(),
                supply,
                pupilPlaces,
                pupils * horizon.weeks() / SCHOOL_WEEKS);
        return new BenchmarkInstance(name, seed, problem, figures);
    }

    /**
     * Placement hosts' paperwork, drawn per host (the demo declares none): most hold through the
     * horizon, some run out at the end of its first week, the rest have none in force yet.
     */
    private void withPaperwork(MappedHub mapped) {
        RandomGenerator random = random(mapped.hub, "paperwork");
        Map<Employer, LocalDate> until = new HashMap<>();
        for (Employer employer : mapped.employers) {
            double draw = random.nextDouble();
            until.put(
                    employer,
                    draw < PAPERWORK_HOLDS
                            ? horizon.end().plusMonths(6)
                            : draw < PAPERWORK_HOLDS + PAPERWORK_RUNS_OUT
                                    ? horizon.start().plusDays(4)
                                    : null);
        }
        mapped.activeOffers.replaceAll((index, offer) ->
                offer.placements() ? offer.withPaperworkHoldingUntil(until.get(offer.employer())) : offer);
    }

    private RandomGenerator random(DemoHub hub, String purpose) {
        return new Seed(seed).random("hub/" + hub.profile().name() + "/benchmark/" + purpose);
    }

    private static List<Posted> liveBookings(MappedHub mapped) {
        return mapped.liveBookings.stream()
                .map(booking -> new Posted(mapped, mapped.hub.requests().get(booking.request()), booking))
                .toList();
    }

    /** The cohorts of every school with a request, by school index and year group. */
    private Map<Integer, Map<Integer, Cohort>> cohorts(MappedHub mapped, List<Posted> posted) {
        Set<Integer> asking = new HashSet<>();
        posted.stream()
                .filter(p -> p.hub() == mapped)
                .forEach(p -> asking.add(p.request().school()));
        HubBookings bookings =
                new HubBookings(mapped.hub, e -> mapped.employers.get(e).id());
        double stemShare = mapped.stemShare();
        Map<Integer, Map<Integer, Cohort>> bySchool = new HashMap<>();
        for (int school : asking) {
            Map<Integer, Cohort> byYear = new HashMap<>();
            RandomGenerator random = random(
                    mapped.hub, "stem/" + mapped.hub.schools().get(school).urn());
            CohortNeeds.of(mapped.hub, school, bookings, stemShare, random)
                    .forEach((year, facts) -> byYear.put(year, facts.toCohort(mapped.schools.get(school))));
            bySchool.put(school, byYear);
        }
        return bySchool;
    }

    private static Request request(long id, Cohort cohort, DemoHub.Request request, long postedOrder) {
        Set<String> sectors = request.preferredSectors() == null
                ? Set.of()
                : Set.copyOf(Arrays.asList(request.preferredSectors().split("\\|")));
        return new Request(
                id,
                cohort,
                request.type(),
                request.pupils(),
                request.sessions(),
                request.windowStart(),
                request.windowEnd(),
                request.morning(),
                request.afternoon(),
                DeliveryMode.of(request.inSchool(), request.atWorkplace(), request.online()),
                sectors,
                null,
                request.sendAdjustments() != null,
                postedOrder,
                // as the app's round reads it: a mentor meets the same pupils each time
                request.type() == EncounterType.MENTORING && request.sessions() > 1
                        ? Arrangement.SERIES
                        : Arrangement.SESSIONS,
                List.of(),
                null);
    }
}

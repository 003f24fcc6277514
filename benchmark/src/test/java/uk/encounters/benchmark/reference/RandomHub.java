package uk.encounters.benchmark.reference;

import static uk.encounters.benchmark.reference.Hub.LAST_DAY;
import static uk.encounters.benchmark.reference.Hub.MONDAY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import uk.encounters.matcher.domain.Attendance;
import uk.encounters.matcher.domain.Availability;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.DeliveryMode;
import uk.encounters.matcher.domain.Employer;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.matcher.domain.Location;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.Offer;
import uk.encounters.matcher.domain.OfferSlot;
import uk.encounters.matcher.domain.Period;
import uk.encounters.matcher.domain.ProblemBuilder;
import uk.encounters.matcher.domain.PupilBand;
import uk.encounters.matcher.domain.Request;
import uk.encounters.matcher.domain.School;
import uk.encounters.matcher.domain.Session;
import uk.encounters.matcher.domain.Volunteer;
import uk.encounters.matcher.solver.MatchingWeights;
import uk.encounters.matcher.solver.ScoreKeeper;

/**
 * Small random hubs from a seed: 3-6 cohorts, 4-10 offers, 6-15 sessions, with every feature the
 * rules look at drawn at random (cold spots, budgets, caps, recent asks, shared and unchecked
 * volunteers, placements, STEM, SEND, preferences, linked employers, bookings published or not, careers fairs,
 * mentoring series, online-only requests), so that scarce resources clash often. Half the hubs
 * also hold each of: a fair for one to three cohorts, often of two schools, with stalls to compete
 * for; a mentoring series with two mentors to choose from; an online talk schools share.
 */
final class RandomHub {

    /** Talks most often, so that requests and offers meet; mentoring needs a checked volunteer. */
    private static final List<EncounterType> TYPES = List.of(
            EncounterType.CAREERS_TALK,
            EncounterType.CAREERS_TALK,
            EncounterType.CAREERS_TALK,
            EncounterType.CAREERS_FAIR,
            EncounterType.MENTORING,
            EncounterType.WORK_EXPERIENCE,
            EncounterType.WORK_EXPERIENCE);

    private static final String[] SECTORS = {"Manufacturing", "Health", "Digital"};
    private static final Period[] PERIODS = Period.values();
    private static final int MIN_PAIRS = 12;

    private final Random random;
    private final MatchingWeights weights;
    private final List<Offer> offers = new ArrayList<>();
    private final List<Request> requests = new ArrayList<>();
    /** When the hub's careers fairs are: every fair stall is offered then, so that their stalls compete. */
    private final Availability fair;

    private RandomHub(long seed, int scale) {
        random = new Random(seed);
        weights = seed % 2 == 0 ? randomWeights() : MatchingWeights.defaultWeights();
        fair = Availability.on(
                MONDAY.plusDays(random.nextInt(5)), random.nextBoolean() ? Period.MORNING : Period.AFTERNOON);
        List<School> schools = repeat(scale * (2 + random.nextInt(3)), this::school);
        List<Employer> employers = repeat(scale * (3 + random.nextInt(4)), this::employer);
        List<Volunteer> volunteers = repeat(scale * (2 + random.nextInt(3)), this::volunteer);
        List<Cohort> cohorts = repeat(scale * (3 + random.nextInt(4)), id -> cohort(pick(schools), employers));
        for (int id = 1, count = scale * (4 + random.nextInt(7)); id <= count; id++) {
            offers.add(offer(id, pick(employers), random.nextDouble() < 0.2 ? null : pick(volunteers), pick(TYPES)));
        }
        int sessions = scale * (6 + random.nextInt(10));
        for (long id = 1; sessions > 0; id++) {
            // Every cohort asks at least once while sessions are left; then any cohort again.
            Cohort cohort = id <= cohorts.size() ? cohorts.get((int) id - 1) : pick(cohorts);
            Request request = request(id, cohort, pick(offers).type(), sessions, cohorts, employers);
            sessions -= request.sessionCount();
            requests.add(request);
        }
        // Half the hubs hold a fair, a mentoring series, an online talk schools share, with offers to suit.
        for (int block = 0; block < scale; block++) {
            if (random.nextBoolean()) {
                fair(cohorts, employers, volunteers);
            }
            if (random.nextBoolean()) {
                mentoringSeries(cohorts, employers, volunteers);
            }
            if (random.nextBoolean()) {
                sharedOnlineTalk(cohorts, employers, volunteers);
            }
        }
    }

    /** Two or three stalls offered at the hub's fair time, and a fair of four stalls for one to three cohorts. */
    private void fair(List<Cohort> cohorts, List<Employer> employers, List<Volunteer> volunteers) {
        for (int stall = 0, count = 2 + random.nextInt(2); stall < count; stall++) {
            offers.add(offer(offers.size() + 1, pick(employers), pick(volunteers), EncounterType.CAREERS_FAIR));
        }
        Hub.RequestSpec fair = event(requests.size() + 1, pick(cohorts), 4, cohorts);
        requests.add(withWishes(fair.modes(modes()), employers));
    }

    /** Two mentors' offers, and a series of two or three sessions. */
    private void mentoringSeries(List<Cohort> cohorts, List<Employer> employers, List<Volunteer> volunteers) {
        for (int mentor = 0; mentor < 2; mentor++) {
            offers.add(offer(offers.size() + 1, pick(employers), pick(volunteers), EncounterType.MENTORING));
        }
        Hub.RequestSpec series = timed(
                        Hub.request(requests.size() + 1, pick(cohorts), 2 + random.nextInt(9), 2 + random.nextInt(2)))
                .series();
        requests.add(withWishes(series.modes(modes()), employers));
    }

    /** A talk online only, one session of which schools share, and two or three cohorts asking for it online. */
    private void sharedOnlineTalk(List<Cohort> cohorts, List<Employer> employers, List<Volunteer> volunteers) {
        offers.add(offerSpec(offers.size() + 1, pick(employers), pick(volunteers), EncounterType.CAREERS_TALK)
                .modes(Set.of(DeliveryMode.ONLINE))
                .sharedOnline()
                .build());
        for (int school = 0, count = 2 + random.nextInt(2); school < count; school++) {
            Cohort cohort = pick(cohorts);
            Hub.RequestSpec talk = timed(Hub.request(
                    requests.size() + 1, cohort, 10 + random.nextInt(Math.min(60, cohort.pupils()) - 9), 1));
            requests.add(withWishes(talk.modes(Set.of(DeliveryMode.ONLINE)), employers));
        }
    }

    /**
     * A random hub; one or two of its sessions booked on a candidate, published or not, unless the
     * published bookings alone would break a hard rule (then no plan would be feasible).
     */
    static MatchingProblem problem(long seed) {
        return problem(seed, 1);
    }

    /** {@code scale} times as many of everything. */
    static MatchingProblem problem(long seed, int scale) {
        // Hubs where requests and offers barely meet test little: draw again, from derived seeds.
        RandomHub hub = new RandomHub(seed, scale);
        MatchingProblem unbooked = hub.build(List.of());
        for (int draw = 1; unbooked.candidatePairs() < MIN_PAIRS * scale && draw < 20; draw++) {
            hub = new RandomHub(seed * 1_000 + draw, scale);
            unbooked = hub.build(List.of());
        }
        List<Booking> bookings = new ArrayList<>();
        for (Session session : unbooked.sessions()) {
            if (!session.candidates().isEmpty() && bookings.size() < 2 && hub.random.nextDouble() < 0.5) {
                bookings.add(new Booking(
                        session.request().id(), pick(hub.random, session.candidates()), hub.random.nextBoolean()));
            }
        }
        MatchingProblem booked = hub.build(bookings);
        return pinnedAloneFeasible(booked)
                ? booked
                : hub.build(bookings.stream().filter(b -> !b.published()).toList());
    }

    private record Booking(long requestId, OfferSlot slot, boolean published) {}

    private MatchingProblem build(List<Booking> bookings) {
        ProblemBuilder builder = Hub.builder(weights);
        offers.forEach(builder::offer);
        requests.forEach(builder::request);
        // The slot's own period is its availability's (placements are offered all day), so this names the same slot.
        bookings.forEach(b -> builder.booking(
                b.requestId(),
                b.slot().offer().id(),
                b.slot().startsOn(),
                b.slot().endsOn(),
                b.slot().period(),
                b.published()));
        return builder.build();
    }

    private static boolean pinnedAloneFeasible(MatchingProblem problem) {
        Map<Session, OfferSlot> start = new LinkedHashMap<>();
        problem.sessions().forEach(s -> start.put(s, s.slot()));
        problem.sessions().stream().filter(s -> !s.pinned()).forEach(s -> s.setSlot(null));
        boolean feasible = ScoreKeeper.score(problem).hardScore() == 0;
        start.forEach(Session::setSlot);
        return feasible;
    }

    private MatchingWeights randomWeights() {
        Map<String, Long> chosen = new LinkedHashMap<>();
        for (String rule : MatchingWeights.DEFAULTS.keySet()) {
            chosen.put(rule, random.nextDouble() < 0.25 ? 0 : (long) random.nextInt(3_000));
        }
        return new MatchingWeights(chosen);
    }

    private School school(long id) {
        long budget = random.nextBoolean() ? 0 : 1_000L + 500L * random.nextInt(7);
        return new School(
                id,
                "School " + id,
                random.nextDouble() < 0.1 ? null : near(),
                random.nextDouble() < 0.3,
                budget,
                5 + random.nextInt(16),
                // every hub has employers 1 to 3 at least
                random.nextDouble() < 0.3 ? (long) (1 + random.nextInt(3)) : null);
    }

    private Employer employer(long id) {
        int cap = random.nextDouble() < 0.25 ? 1 + random.nextInt(2) : Employer.NO_CAP;
        int recentAsks = random.nextDouble() < 0.25 ? 1 + random.nextInt(2) : 0;
        return new Employer(id, "Employer " + id, near(), cap, recentAsks);
    }

    private Volunteer volunteer(long id) {
        double draw = random.nextDouble();
        LocalDate checkedUntil = draw < 0.15 ? null : draw < 0.3 ? MONDAY.plusDays(3) : MONDAY.plusYears(1);
        return new Volunteer(id, "Volunteer " + id, checkedUntil);
    }

    private Cohort cohort(School school, List<Employer> employers) {
        int pupils = 30 + random.nextInt(91);
        List<PupilBand> bands = new ArrayList<>();
        int left = pupils;
        for (int band = 0, count = 1 + random.nextInt(3); band < count && left > 0; band++) {
            int inBand = band == count - 1 ? left : 1 + random.nextInt(left);
            // Within a factor of 4 of each other: further apart, Cohort's curve is not concave and it throws.
            long first = 50 + random.nextInt(151);
            bands.add(new PupilBand(inBand, first));
            bands.add(new PupilBand(inBand, first / 4));
            left -= inBand;
        }
        Set<Long> visited = new HashSet<>();
        employers.stream().filter(e -> random.nextDouble() < 0.2).forEach(e -> visited.add(e.id()));
        return new Cohort(
                school,
                7 + random.nextInt(7),
                pupils,
                pupils,
                bands,
                random.nextDouble() < 0.3,
                random.nextBoolean(),
                random.nextBoolean() ? random.nextInt(3) : random.nextInt(pupils + 1),
                visited,
                Set.copyOf(List.of(SECTORS).stream()
                        .filter(s -> random.nextDouble() < 0.3)
                        .toList()),
                random.nextInt(pupils + 1));
    }

    private Offer offer(long id, Employer employer, Volunteer volunteer, EncounterType type) {
        Offer offer = offerSpec(id, employer, volunteer, type).build();
        // a placement host's paperwork: none, running out in the first week, or holding throughout
        double paperwork = random.nextDouble();
        return type != EncounterType.WORK_EXPERIENCE || paperwork < 0.3
                ? offer
                : offer.withPaperworkHoldingUntil(paperwork < 0.55 ? Hub.FRIDAY : LAST_DAY.plusWeeks(1));
    }

    private Hub.OfferSpec offerSpec(long id, Employer employer, Volunteer volunteer, EncounterType type) {
        Hub.OfferSpec spec = Hub.offer(id, employer, volunteer)
                .type(type)
                .sector(pick(random, List.of(SECTORS)))
                .modes(modes())
                .pupilsMax(40 + random.nextInt(81))
                .places(1 + random.nextInt(3))
                .maxSessions(1 + random.nextInt(3))
                .radius(8 + random.nextInt(13));
        if (random.nextDouble() < 0.3) {
            int yearGroupMin = 7 + random.nextInt(4);
            spec.years(yearGroupMin, yearGroupMin + random.nextInt(14 - yearGroupMin));
        }
        if (random.nextDouble() < 0.4) {
            spec.stem();
        }
        if (random.nextDouble() < 0.25) {
            spec.cost(500L * (1 + random.nextInt(5)));
        }
        if (random.nextDouble() < 0.6) {
            spec.sendAdaptable();
        }
        if (random.nextDouble() < 0.3) {
            spec.notInteractive();
        }
        if (type != EncounterType.WORK_EXPERIENCE
                && spec.modes.contains(DeliveryMode.ONLINE)
                && random.nextDouble() < 0.5) {
            spec.sharedOnline();
        }
        if (type == EncounterType.CAREERS_FAIR) {
            spec.on(fair.date(), fair.period());
        }
        for (int i = 0, count = 2 + random.nextInt(3); i < count; i++) {
            if (type == EncounterType.WORK_EXPERIENCE) {
                spec.on(MONDAY.plusWeeks(random.nextInt(2)), Period.ALL_DAY);
            } else {
                LocalDate day = MONDAY.plusWeeks(random.nextInt(2)).plusDays(random.nextInt(5));
                spec.on(day, pick(random, List.of(PERIODS)));
            }
        }
        return spec;
    }

    private Request request(
            long id,
            Cohort cohort,
            EncounterType type,
            int sessionsLeft,
            List<Cohort> cohorts,
            List<Employer> employers) {
        Hub.RequestSpec spec = type == EncounterType.CAREERS_FAIR && sessionsLeft > 1 && random.nextDouble() < 0.7
                ? event(id, cohort, sessionsLeft, cohorts)
                : sessions(id, cohort, type, sessionsLeft);
        return withWishes(spec.modes(random.nextDouble() < 0.2 ? Set.of(DeliveryMode.ONLINE) : modes()), employers);
    }

    /** Separate sessions, or a mentoring series of two or three. */
    private Hub.RequestSpec sessions(long id, Cohort cohort, EncounterType type, int sessionsLeft) {
        boolean placements = type == EncounterType.WORK_EXPERIENCE;
        int pupils =
                placements ? 1 + random.nextInt(Math.min(3, sessionsLeft)) : 10 + random.nextInt(cohort.pupils() - 9);
        int sessions = placements ? 1 : 1 + random.nextInt(Math.min(3, sessionsLeft));
        Hub.RequestSpec spec = timed(Hub.request(id, cohort, pupils, sessions).type(type));
        return type == EncounterType.MENTORING && sessions > 1 && random.nextBoolean() ? spec.series() : spec;
    }

    /** Within the first week or the fortnight, mornings mostly. */
    private Hub.RequestSpec timed(Hub.RequestSpec spec) {
        boolean mornings = random.nextDouble() < 0.85;
        return spec.until(random.nextDouble() < 0.3 ? Hub.FRIDAY : LAST_DAY)
                .periods(mornings, !mornings || random.nextDouble() < 0.7);
    }

    /** Sectors, an employer, SEND: what a school may add to any request. */
    private Request withWishes(Hub.RequestSpec spec, List<Employer> employers) {
        spec.sectors(Set.copyOf(List.of(SECTORS).stream()
                        .filter(s -> random.nextDouble() < 0.3)
                        .toList()))
                .preferredEmployer(random.nextDouble() < 0.3 ? pick(employers).id() : null);
        if (random.nextDouble() < 0.15) {
            spec.needsSend();
        }
        return spec.build();
    }

    /**
     * Two to four stalls at the hub's fair for some of the asking cohort's pupils and, as often as
     * not, of one or two other cohorts, of its school or another; at a venue half the time.
     */
    private Hub.RequestSpec event(long id, Cohort host, int sessionsLeft, List<Cohort> cohorts) {
        List<Attendance> audience = new ArrayList<>(List.of(attendance(host)));
        for (int more = random.nextInt(3); more > 0; more--) {
            Cohort other = pick(cohorts);
            if (audience.stream().noneMatch(a -> a.cohort() == other)) {
                audience.add(attendance(other));
            }
        }
        int stalls = 2 + random.nextInt(Math.min(3, sessionsLeft - 1));
        Hub.RequestSpec spec = Hub.event(id, fair.date(), fair.period(), stalls, audience.toArray(Attendance[]::new));
        return random.nextBoolean() ? spec.venue(near()) : spec;
    }

    /** Up to 60 of its pupils, so that a few cohorts' shares of a stall are a group an offer takes. */
    private Attendance attendance(Cohort cohort) {
        return new Attendance(cohort, 10 + random.nextInt(Math.min(60, cohort.pupils()) - 9));
    }

    /** In school always (so most pairs can meet), the others at random. */
    private Set<DeliveryMode> modes() {
        Set<DeliveryMode> modes = EnumSet.of(DeliveryMode.IN_SCHOOL);
        for (DeliveryMode mode : List.of(DeliveryMode.AT_WORKPLACE, DeliveryMode.ONLINE)) {
            if (random.nextDouble() < 0.5) {
                modes.add(mode);
            }
        }
        return modes;
    }

    private Location near() {
        return new Location(52.92 + (random.nextDouble() - 0.5) * 0.12, -1.47 + (random.nextDouble() - 0.5) * 0.2);
    }

    private <T> List<T> repeat(int count, java.util.function.LongFunction<T> make) {
        List<T> items = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            items.add(make.apply(id));
        }
        return items;
    }

    private <T> T pick(List<T> items) {
        return pick(random, items);
    }

    private static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}

package uk.encounters.benchmark.round;

import static uk.encounters.marketplace.jooq.Tables.BOOKING;
import static uk.encounters.marketplace.jooq.Tables.OUTBOX;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL_BUDGET;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import uk.encounters.benchmark.BenchmarkDatabase;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.calendar.Horizon;
import uk.encounters.marketplace.calendar.SchoolCalendar;
import uk.encounters.marketplace.hub.HubRepository;
import uk.encounters.marketplace.outbox.Attachment;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.marketplace.round.DigestLinks;
import uk.encounters.marketplace.round.Publication;
import uk.encounters.marketplace.round.Round;
import uk.encounters.marketplace.round.RoundProblem;
import uk.encounters.marketplace.round.RoundRepository;
import uk.encounters.marketplace.round.RoundSolver;
import uk.encounters.marketplace.round.RoundStatus;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.solver.MatchingWeights;

/**
 * {@code encounters round-io}: how long a round's problem takes to load and its proposal to
 * publish on a seeded database, and how many SQL statements each sends (see {@link RoundIoOptions}).
 */
public final class RoundIoBenchmark {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    /** The app's addresses as the web gives them (web's Links), so the digests read as sent. */
    private static final DigestLinks LINKS = new DigestLinks() {
        @Override
        public String schoolBookings(long schoolId) {
            return "https://encounters.example/schools/" + schoolId + "/bookings";
        }

        @Override
        public String schoolEvents(long schoolId) {
            return "https://encounters.example/schools/" + schoolId + "/events";
        }

        @Override
        public String volunteerGuide() {
            return "https://encounters.example/volunteering/first-time";
        }

        @Override
        public String host() {
            return "encounters.example";
        }

        @Override
        public String organiser() {
            return "no-reply@encounters.example";
        }
    };

    private static final String PRODUCT_NAME = "Employer Encounters";

    /** One timed run: how long (of which in SQL), how many statements, and a fingerprint of what it built. */
    private record Run(double ms, double sqlMs, int statements, String slowest, String fingerprint, String figures) {}

    /** Thrown to roll a publication back once it is timed. */
    private static final class RolledBack extends RuntimeException {
        private final transient Run run;

        RolledBack(Run run) {
            super(null, null, false, false);
            this.run = run;
        }
    }

    private final RoundIoOptions options;
    private final Database database;
    private final DSLContext dsl;
    private final Clock clock = Clock.system(ENGLAND);
    private final LocalDate today = LocalDate.now(clock);
    /** The publication's clock: fixed, so two runs on one day queue the very same digests. */
    private final Clock publishClock =
            Clock.fixed(today.atTime(LocalTime.NOON).atZone(ENGLAND).toInstant(), ENGLAND);

    private RoundIoBenchmark(RoundIoOptions options, Database database) {
        this.options = options;
        this.database = database;
        this.dsl = database.dsl();
    }

    public static void main(String[] args) throws Exception {
        RoundIoOptions options;
        try {
            options = RoundIoOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("encounters round-io: " + e.getMessage() + "\n\n" + RoundIoOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(RoundIoOptions.USAGE);
            return;
        }
        Optional<Database> opened = BenchmarkDatabase.open("encounters round-io", "to a seeded database");
        if (opened.isEmpty()) {
            System.exit(2);
            return;
        }
        try (Database database = opened.get()) {
            new RoundIoBenchmark(options, database).run();
        }
    }

    private void run() throws Exception {
        List<Long> hubs = options.hubs().isEmpty() ? largestHubs(options.largest()) : options.hubs();
        System.out.printf(
                "Round load and publish, %d timed runs each after one to warm up, on %s%n", options.repeat(), today);
        List<String> rows = new ArrayList<>();
        for (long hubId : hubs) {
            rows.add(measure(hubId));
        }
        System.out.println();
        System.out.println("| hub | schools | pupils | requests | sessions | load median ms | of it SQL | load max ms"
                + " | load statements | publish median ms | of it SQL | publish max ms | publish statements"
                + " | bookings | digests | problem | digests fingerprint |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        rows.forEach(System.out::println);
    }

    private String measure(long hubId) throws Exception {
        String name = new HubRepository(dsl)
                .findById(hubId)
                .map(HubRepository.Hub::name)
                .orElseThrow(() -> new IllegalArgumentException("There is no hub " + hubId));
        int schools = dsl.fetchCount(SCHOOL, SCHOOL.HUB_ID.eq(hubId));
        int pupils = dsl.fetchCount(
                PUPIL.join(SCHOOL).on(SCHOOL.ID.eq(PUPIL.SCHOOL_ID)),
                SCHOOL.HUB_ID.eq(hubId).and(PUPIL.ARCHIVED_ON.isNull()));
        System.out.printf("%nHub %d, %s: %d schools, %,d pupils on roll%n", hubId, name, schools, pupils);
        Round round = proposedRound(hubId);
        System.out.printf(
                "  round %d (%s), %s to %s, %d proposed bookings%n",
                round.id(), round.status(), round.horizonStart(), round.horizonEnd(), proposedBookings(round.id()));

        RoundProblem.Scope scope = new RoundProblem.Scope(
                hubId,
                round.id(),
                Horizon.between(SchoolCalendar.ENGLAND, round.horizonStart(), round.horizonEnd()),
                today,
                null);
        MatchingWeights weights = new MatchingWeights(round.weights());
        List<Run> loads = repeat("load", () -> load(scope, weights));
        String problem = loads.getLast().figures();

        List<Run> publishes = options.publish() ? repeat("publish", () -> publish(hubId, round.id())) : List.of();
        return String.format(
                "| %d %s | %d | %d | %s | %s | %s | %s | %s | %s |",
                hubId,
                name,
                schools,
                pupils,
                problem,
                summary(loads),
                publishes.isEmpty() ? "- | - | - | -" : summary(publishes),
                publishes.isEmpty() ? "- | -" : publishes.getLast().figures(),
                loads.getLast().fingerprint(),
                publishes.isEmpty() ? "-" : publishes.getLast().fingerprint());
    }

    private List<Run> repeat(String what, Supplier<Run> once) {
        Run warm = once.get();
        System.out.printf(
                "  %-8s warm-up %8.1f ms (%7.1f in SQL), %5d statements, %s%n",
                what, warm.ms(), warm.sqlMs(), warm.statements(), warm.fingerprint());
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < options.repeat(); i++) {
            Run run = once.get();
            System.out.printf(
                    "  %-8s run %d   %8.1f ms (%7.1f in SQL), %5d statements, %s%n",
                    what, i + 1, run.ms(), run.sqlMs(), run.statements(), run.fingerprint());
            runs.add(run);
        }
        System.out.printf(
                "  %-8s slowest statement of the last run: %s%n",
                what, runs.getLast().slowest());
        return runs;
    }

    /** The round's problem, loaded as {@link RoundSolver} loads it. */
    private Run load(RoundProblem.Scope scope, MatchingWeights weights) {
        StatementCount count = new StatementCount();
        long began = System.nanoTime();
        MatchingProblem problem = new RoundProblem(count.wrap(dsl)).load(scope, weights);
        double ms = (System.nanoTime() - began) / 1e6;
        return new Run(
                ms,
                count.sqlMillis(),
                count.executed(),
                count.slowest(),
                Fingerprint.of(problem),
                problem.requests().size() + " | " + problem.sessions().size());
    }

    /** The round published as the app publishes it, timed, then rolled back. */
    private Run publish(long hubId, long roundId) {
        Publication publication = new Publication(LINKS, PRODUCT_NAME, publishClock);
        try {
            dsl.transaction(c -> {
                StatementCount count = new StatementCount();
                long began = System.nanoTime();
                Publication.Published published = publication.publish(count.wrap(c.dsl()), hubId, roundId);
                double ms = (System.nanoTime() - began) / 1e6;
                if (published.result() != Publication.Result.PUBLISHED) {
                    throw new IllegalStateException("Round " + roundId + " was not published: " + published.result());
                }
                throw new RolledBack(new Run(
                        ms,
                        count.sqlMillis(),
                        count.executed(),
                        count.slowest(),
                        publishedFingerprint(c.dsl(), hubId, roundId),
                        published.bookings() + " | "
                                + (published.employerDigests() + published.schoolDigests())
                                + (published.undeliverable() > 0
                                        ? " (+" + published.undeliverable() + " to nobody)"
                                        : "")));
            });
        } catch (RolledBack rolledBack) {
            return rolledBack.run;
        }
        throw new IllegalStateException("The publication was not rolled back");
    }

    /** What publishing left in the database: the digests (links as slots, numbered apart), bookings, requests, budgets. */
    private static String publishedFingerprint(DSLContext tx, long hubId, long roundId) {
        Fingerprint f = Fingerprint.start();
        tx.select(
                        OUTBOX.IDEMPOTENCY_KEY,
                        OUTBOX.KIND,
                        OUTBOX.RECIPIENT,
                        OUTBOX.SUBJECT,
                        OUTBOX.BODY_TEXT,
                        OUTBOX.BODY_HTML,
                        OUTBOX.ATTACHMENTS,
                        OUTBOX.LINK_TOKEN_IDS)
                .from(OUTBOX)
                .where(OUTBOX.IDEMPOTENCY_KEY.like("round:" + roundId + ":%"))
                .orderBy(OUTBOX.IDEMPOTENCY_KEY)
                .forEach(r -> {
                    f.add(r.get(OUTBOX.IDEMPOTENCY_KEY) + "|" + r.get(OUTBOX.KIND) + "|" + r.get(OUTBOX.RECIPIENT) + "|"
                            + r.get(OUTBOX.SUBJECT));
                    f.add(withoutLinkIds(r.get(OUTBOX.BODY_TEXT))).add(withoutLinkIds(r.get(OUTBOX.BODY_HTML)));
                    for (Attachment a : Outbox.attachments(r.get(OUTBOX.ATTACHMENTS))) {
                        f.add(a.filename() + "|" + a.contentType() + "|" + new String(a.content()));
                    }
                    f.add(r.get(OUTBOX.LINK_TOKEN_IDS).length);
                });
        tx.select(BOOKING.ID, BOOKING.STATUS, BOOKING.PINNED)
                .from(BOOKING)
                .where(BOOKING.ROUND_ID.eq(roundId))
                .orderBy(BOOKING.ID)
                .forEach(f::add);
        tx.select(REQUEST.ID, REQUEST.STATUS)
                .from(REQUEST)
                .where(REQUEST.ID.in(
                        DSL.select(BOOKING.REQUEST_ID).from(BOOKING).where(BOOKING.ROUND_ID.eq(roundId))))
                .orderBy(REQUEST.ID)
                .forEach(f::add);
        tx.select(SCHOOL_BUDGET.ID, SCHOOL_BUDGET.COMMITTED_PENCE)
                .from(SCHOOL_BUDGET)
                .join(SCHOOL)
                .on(SCHOOL.ID.eq(SCHOOL_BUDGET.SCHOOL_ID))
                .where(SCHOOL.HUB_ID.eq(hubId))
                .orderBy(SCHOOL_BUDGET.ID)
                .forEach(f::add);
        return f.hex();
    }

    private static String withoutLinkIds(String body) {
        return body == null ? null : body.replaceAll("\\{link:\\d+}", "{link}");
    }

    /** The hub's proposed round; solved first, as {@code encounters match} does, if it has none. */
    private Round proposedRound(long hubId) throws Exception {
        Optional<Round> open = new RoundRepository(dsl).findOpen(hubId);
        if (open.isPresent()
                && RoundStatus.PROPOSED.equals(open.get().status())
                && proposedBookings(open.get().id()) > 0) {
            return open.get();
        }
        Map<String, Long> weights = open.map(Round::weights).orElse(Map.of());
        System.out.printf("  no proposed round: solving one for %d s...%n", options.solveSeconds());
        try (RoundSolver solver = new RoundSolver(database, clock)) {
            RoundSolver.Start start =
                    solver.start(hubId, null, RoundSolver.Options.weekly(options.solveSeconds(), weights));
            if (!(start instanceof RoundSolver.Running running)) {
                throw new IllegalStateException("Could not start a round for hub " + hubId + ": " + start);
            }
            RoundSolver.Outcome outcome = running.outcome().get(options.solveSeconds() + 600L, TimeUnit.SECONDS);
            System.out.printf("  solved: %d of %d sessions matched%n", outcome.matched(), outcome.sessions());
            return new RoundRepository(dsl).find(hubId, running.roundId()).orElseThrow();
        }
    }

    private int proposedBookings(long roundId) {
        return dsl.fetchCount(BOOKING, BOOKING.ROUND_ID.eq(roundId).and(BOOKING.STATUS.eq(BookingStatus.PROPOSED)));
    }

    /** The hubs with most pupils on roll, largest first. */
    private List<Long> largestHubs(int n) {
        return dsl.select(SCHOOL.HUB_ID)
                .from(SCHOOL)
                .join(PUPIL)
                .on(PUPIL.SCHOOL_ID.eq(SCHOOL.ID))
                .where(PUPIL.ARCHIVED_ON.isNull())
                .groupBy(SCHOOL.HUB_ID)
                .orderBy(DSL.count().desc(), SCHOOL.HUB_ID)
                .limit(n)
                .fetch(SCHOOL.HUB_ID);
    }

    private static String summary(List<Run> runs) {
        double[] ms = runs.stream().mapToDouble(Run::ms).sorted().toArray();
        int[] statements =
                runs.stream().mapToInt(Run::statements).distinct().sorted().toArray();
        String counted = statements.length == 1
                ? String.valueOf(statements[0])
                : statements[0] + "-" + statements[statements.length - 1];
        return String.format(
                "%.1f | %.1f | %.1f | %s",
                median(ms),
                median(runs.stream().mapToDouble(Run::sqlMs).sorted().toArray()),
                ms[ms.length - 1],
                counted);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}

package uk.encounters.benchmark.load;

import static uk.encounters.marketplace.jooq.Tables.MATCHING_ROUND;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import uk.encounters.benchmark.BenchmarkDatabase;
import uk.encounters.benchmark.load.LoadCast.Part;
import uk.encounters.benchmark.load.LoadCast.Role;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.round.RoundStatus;

/**
 * The load test of the main pages (docs/operations.md, "Load test"): virtual users on virtual threads, each
 * signed in as its own person, requesting their pages back to back or with a think time, timed
 * per page after a warm-up.
 */
public final class LoadTest {

    private static final List<Role> CAST_ORDER =
            List.of(Role.COORDINATOR, Role.CAREERS_LEADER, Role.EMPLOYER, Role.VISITOR);

    private final LoadOptions options;
    private final LoadCast cast;
    private final Database database;
    private final Map<String, PageTimes> pages = new LinkedHashMap<>();
    private final AtomicBoolean recording = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong offers = new AtomicLong();

    private LoadTest(LoadOptions options, Database database) {
        this.options = options;
        this.database = database;
        this.cast = new LoadCast(database.dsl(), Clock.systemUTC());
        for (String page : List.of(
                "home",
                "school progress",
                "employer page",
                "hub dashboard",
                "round review",
                "offer form",
                "offer form post")) {
            pages.put(page, new PageTimes(page));
        }
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("encounters load: " + e.getMessage() + "\n\n" + LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(LoadOptions.USAGE);
            return;
        }
        Optional<Database> opened = BenchmarkDatabase.open(
                "encounters load", "to the app's database, so the test can make its people and their sign-in links");
        if (opened.isEmpty()) {
            System.exit(2);
            return;
        }
        try (Database database = opened.get()) {
            new LoadTest(options, database).run();
        }
    }

    private void run() throws InterruptedException {
        Random random = new Random(options.seed());
        List<Long> hubs = cast.sampleHubs(options.hubs(), random);
        System.out.printf(
                "Loading %s: %d users, think time %d ms, %d hub(s) %s%n",
                options.url(), options.users(), options.thinkTime().toMillis(), hubs.size(), hubs);
        Map<Role, List<Part>> parts = new EnumMap<>(Role.class);
        CAST_ORDER.forEach(role -> parts.put(role, cast.parts(hubs, role)));
        List<Part> playing = new ArrayList<>();
        for (int i = 0; i < options.users(); i++) {
            List<Part> ofRole = parts.get(CAST_ORDER.get(i % CAST_ORDER.size()));
            playing.add(ofRole.get((i / CAST_ORDER.size()) % ofRole.size()));
        }
        List<LoadUser> users = new ArrayList<>();
        for (int i = 0; i < playing.size(); i++) {
            LoadUser user = new LoadUser(options.url(), "10.77." + (i / 250) + "." + (i % 250 + 1));
            if (playing.get(i).role() != Role.VISITOR) {
                user.signIn(cast.signInPath(playing.get(i)));
            }
            users.add(user);
        }
        openRounds(hubs, playing, users);

        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            LoadUser user = users.get(i);
            Part part = playing.get(i);
            Random own = new Random(options.seed() * 1_000 + i);
            threads.add(Thread.ofVirtual().name("user-" + i).start(() -> play(user, part, own)));
        }
        Thread.sleep(options.warmup().toMillis());
        recording.set(true);
        long start = System.nanoTime();
        Thread.sleep(options.duration().toMillis());
        recording.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        for (Thread thread : threads) {
            thread.join(LoadUser.REQUEST_TIMEOUT.toMillis() + 5_000);
        }
        report(seconds);
    }

    /** Each sampled hub needs a proposed round for its coordinators' round review. */
    private void openRounds(List<Long> hubs, List<Part> playing, List<LoadUser> users) throws InterruptedException {
        for (long hub : hubs) {
            boolean open = database.dsl()
                    .fetchExists(
                            MATCHING_ROUND,
                            MATCHING_ROUND
                                    .HUB_ID
                                    .eq(hub)
                                    .and(MATCHING_ROUND.STATUS.in(
                                            RoundStatus.DRAFT, RoundStatus.SOLVING, RoundStatus.PROPOSED)));
            int coordinator = indexOf(playing, Role.COORDINATOR, hub);
            if (open || coordinator < 0) {
                continue;
            }
            LoadUser user = users.get(coordinator);
            String action = "/hubs/" + hub + "/rounds";
            LoadUser.Response page = user.get("/hubs/" + hub + "/round");
            HtmlForm form = HtmlForm.find(page.body(), action)
                    .orElseThrow(() -> new IllegalStateException(
                            "No run form on hub " + hub + "'s round page (" + page.status() + ")"));
            LoadUser.Response started = user.post(
                    action,
                    form.with("seconds", String.valueOf(options.roundSeconds())).fields());
            if (started.status() != 303 && started.status() != 302) {
                throw new IllegalStateException("Running hub " + hub + "'s round answered " + started.status());
            }
            System.out.printf("Solving a round for hub %d (%d s)...%n", hub, options.roundSeconds());
            long deadline = System.nanoTime()
                    + Duration.ofSeconds(options.roundSeconds() + 180L).toNanos();
            while (database.dsl()
                    .fetchExists(
                            MATCHING_ROUND,
                            MATCHING_ROUND
                                    .HUB_ID
                                    .eq(hub)
                                    .and(MATCHING_ROUND.STATUS.in(RoundStatus.DRAFT, RoundStatus.SOLVING)))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Hub " + hub + "'s round did not finish solving");
                }
                Thread.sleep(500);
            }
        }
    }

    private static int indexOf(List<Part> playing, Role role, long hub) {
        for (int i = 0; i < playing.size(); i++) {
            if (playing.get(i).role() == role && playing.get(i).hubId() == hub) {
                return i;
            }
        }
        return -1;
    }

    private void play(LoadUser user, Part part, Random random) {
        String postcode = part.role() == Role.VISITOR ? cast.postcodeIn(part.hubId()) : null;
        List<String> choices = switch (part.role()) {
            case COORDINATOR -> List.of("home", "hub dashboard", "round review");
            case CAREERS_LEADER -> List.of("home", "school progress");
            case EMPLOYER -> List.of("home", "employer page");
            case VISITOR -> List.of();
        };
        List<String> pagesToAsk = choices.stream()
                .filter(page -> !options.skipped().contains(page))
                .toList();
        if (part.role() != Role.VISITOR && pagesToAsk.isEmpty()) {
            return; // every page of this role skipped: the user sits it out
        }
        while (running.get()) {
            if (part.role() == Role.VISITOR) {
                offerATalk(user, part, postcode, random);
            } else {
                String page = pagesToAsk.get(random.nextInt(pagesToAsk.size()));
                time(page, user.get(path(page, part)));
            }
            think(random);
        }
    }

    private static String path(String page, Part part) {
        return switch (page) {
            case "home" -> "/";
            case "hub dashboard" -> "/hubs/" + part.hubId() + "/dashboard";
            case "round review" -> "/hubs/" + part.hubId() + "/round";
            case "school progress" -> "/schools/" + part.subjectId() + "/progress";
            case "employer page" -> "/employers/" + part.subjectId();
            default -> throw new IllegalArgumentException(page);
        };
    }

    private void offerATalk(LoadUser user, Part part, String postcode, Random random) {
        LoadUser.Response page = user.get("/offer-a-talk");
        time("offer form", page);
        if (page.status() != 200) {
            return;
        }
        think(random);
        HtmlForm form = HtmlForm.find(page.body(), "/offer-a-talk").orElseThrow();
        long n = offers.incrementAndGet();
        List<String> sectors = form.choices("sector");
        form.with("organisation", "Load Test Widgets " + n)
                .with("contactName", "Sam Load")
                .with("postcode", postcode)
                .with(
                        "email",
                        "offer-" + options.seed() + "-" + n + "-" + System.nanoTime() + "@load" + n % 97
                                + ".example.org")
                .with("sector", sectors.get(random.nextInt(sectors.size())))
                .with("size", "small");
        if (!form.choices("hub").isEmpty()) {
            form.with("hub", String.valueOf(part.hubId()));
        }
        // each offer from its own address, as SMEs are, so the form's per-address limit is not what is measured
        LoadUser.Response sent =
                user.post("/offer-a-talk", form.fields(), "10.78." + (n / 250 % 250) + "." + (n % 250 + 1));
        time(
                "offer form post",
                sent.status() == 200 && !sent.body().contains("Check your email")
                        ? new LoadUser.Response(422, sent.body(), sent.nanos())
                        : sent);
    }

    private void think(Random random) {
        long ms = options.thinkTime().toMillis();
        if (ms > 0) {
            try {
                Thread.sleep(random.nextLong(2 * ms + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.set(false);
            }
        }
    }

    private void time(String page, LoadUser.Response response) {
        if (recording.get()) {
            pages.get(page).add(response.nanos(), response.status());
        }
    }

    private void report(double seconds) {
        System.out.printf(
                "%nMeasured %.1f s after a %d s warm-up.%n",
                seconds, options.warmup().toSeconds());
        System.out.printf(
                "%-16s %9s %8s %8s %8s %8s %7s%n", "page", "requests", "per s", "p50 ms", "p99 ms", "max ms", "failed");
        PageTimes all = new PageTimes("all");
        for (PageTimes page : pages.values()) {
            System.out.printf(
                    "%-16s %9d %8.1f %8.1f %8.1f %8.1f %7d%n",
                    page.page(),
                    page.count(),
                    page.count() / seconds,
                    page.percentileMillis(0.5),
                    page.percentileMillis(0.99),
                    page.percentileMillis(1.0),
                    page.failures());
        }
        pages.values().forEach(p -> p.copyInto(all));
        System.out.printf(
                "%-16s %9d %8.1f %8.1f %8.1f %8.1f %7d%n",
                "all",
                all.count(),
                all.count() / seconds,
                all.percentileMillis(0.5),
                all.percentileMillis(0.99),
                all.percentileMillis(1.0),
                all.failures());
        String failures = pages.values().stream()
                .filter(p -> p.failures() > 0)
                .map(p -> p.page() + " " + p.statuses())
                .collect(Collectors.joining("; "));
        if (!failures.isEmpty()) {
            System.out.println("Statuses where something failed (0 = no answer): " + failures);
        }
    }
}

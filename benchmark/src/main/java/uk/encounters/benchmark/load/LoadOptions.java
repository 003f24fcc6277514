package uk.encounters.benchmark.load;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** What to load and how hard: the app's address, how many people, for how long, how they pause. */
record LoadOptions(
        String url,
        int users,
        Duration warmup,
        Duration duration,
        Duration thinkTime,
        int hubs,
        int roundSeconds,
        long seed,
        Set<String> skipped,
        boolean help) {

    /** The pages a signed-in user picks among, which {@code --skip} can leave out. */
    static final List<String> SKIPPABLE =
            List.of("home", "school progress", "employer page", "hub dashboard", "round review");

    static final String USAGE = """
            Usage: encounters load [options]

            Load-tests a running app (bin/encounters demo or serve, started with TRUST_PROXY=true) as many
            people at once: coordinators (home, hub dashboard, round review), careers leaders (home, school
            progress), employer contacts (home, employer page) and SMEs offering a talk (the public form and
            its post). Accounts and sign-in links are made in the app's database (DATABASE_URL,
            DATABASE_USER, DATABASE_PASSWORD, as for the app); a hub without an open round gets one solved
            first. Prints requests, throughput and p50/p99 latency per page.

              --url URL             the app (default: http://localhost:8080)
              --users N             concurrent virtual users (default: 50)
              --seconds N           how long to measure (default: 60)
              --warmup N            seconds of load before measuring (default: 15)
              --think-ms N          each user's pause between requests, drawn uniformly from 0 to 2N ms
                                    (default: 0: back-to-back, the throughput the app can give)
              --hubs N              hubs to spread the users over: half the largest, half at random (default: 10)
              --round-seconds N     time limit of the rounds solved before loading (default: 5)
              --seed N              the random draws (default: 1)
              --skip PAGES          pages no one asks for, comma-separated (home, school progress, employer
                                    page, hub dashboard, round review): each user picks among its others,
                                    so one slow page does not hide how the rest behave
              --help                this text
            """;

    static LoadOptions parse(List<String> args) {
        String url = "http://localhost:8080";
        int users = 50;
        int seconds = 60;
        int warmup = 15;
        int thinkMs = 0;
        int hubs = 10;
        int roundSeconds = 5;
        long seed = 1;
        Set<String> skipped = Set.of();
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "--url" -> url = value(args, ++i, option).replaceAll("/+$", "");
                case "--users" -> users = positive(args, ++i, option);
                case "--seconds" -> seconds = positive(args, ++i, option);
                case "--warmup" -> warmup = number(args, ++i, option);
                case "--think-ms" -> thinkMs = number(args, ++i, option);
                case "--hubs" -> hubs = positive(args, ++i, option);
                case "--round-seconds" -> roundSeconds = positive(args, ++i, option);
                case "--seed" -> seed = number(args, ++i, option);
                case "--skip" -> skipped = pages(value(args, ++i, option));
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("Unknown option '" + option + "'.");
            }
        }
        return new LoadOptions(
                url,
                users,
                Duration.ofSeconds(warmup),
                Duration.ofSeconds(seconds),
                Duration.ofMillis(thinkMs),
                hubs,
                roundSeconds,
                seed,
                skipped,
                help);
    }

    private static Set<String> pages(String list) {
        Set<String> pages =
                Set.copyOf(Arrays.stream(list.split(",")).map(String::strip).toList());
        for (String page : pages) {
            if (!SKIPPABLE.contains(page)) {
                throw new IllegalArgumentException(
                        "--skip takes " + String.join(", ", SKIPPABLE) + ", not '" + page + "'.");
            }
        }
        return pages;
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value.");
        }
        return args.get(i);
    }

    private static int number(List<String> args, int i, String option) {
        try {
            int n = Integer.parseInt(value(args, i, option));
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number of 0 or more.");
        }
    }

    private static int positive(List<String> args, int i, String option) {
        int n = number(args, i, option);
        if (n == 0) {
            throw new IllegalArgumentException(option + " needs a whole number of 1 or more.");
        }
        return n;
    }
}

package uk.encounters.benchmark.round;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Which hubs to time and how often: the options of {@code encounters round-io}. */
record RoundIoOptions(int largest, List<Long> hubs, int repeat, int solveSeconds, boolean publish, boolean help) {

    static final String USAGE = """
            Usage: encounters round-io [options]

            Times a matching round's database work on a seeded database (DATABASE_URL, DATABASE_USER,
            DATABASE_PASSWORD, as for the app), for the largest hubs by pupils on roll:
              load     building the round's problem as the round solver does (RoundProblem.load), and
              publish  publishing the hub's proposed round as the app does (Publication.publish: bookings,
                       budgets, requests, reply links and digests queued), inside a transaction that is
                       rolled back, so the database is left as it was and the run can be repeated.
            Each is run once to warm up, then --repeat times; prints the median and max ms and the SQL
            statements each run sent, with a fingerprint of what it built (the loaded problem; the
            digests queued), so two builds can be checked to do the same work.
            A hub without a proposed round gets one first: its round solved for --solve-seconds, as
            'encounters match --hub ID' does (that round stays in the database, unpublished).

              --hubs N            the N largest hubs by pupils on roll (default: 3)
              --hub ID[,ID...]    these hubs instead
              --repeat N          timed runs of each (default: 5)
              --solve-seconds N   time limit of a round solved to have one to publish (default: 10)
              --no-publish        time the load only
              --help              this text
            """;

    static RoundIoOptions parse(List<String> args) {
        int largest = 3;
        List<Long> hubs = new ArrayList<>();
        int repeat = 5;
        int solveSeconds = 10;
        boolean publish = true;
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "--hubs" -> largest = positive(args, ++i, option);
                case "--hub" -> hubs.addAll(ids(value(args, ++i, option), option));
                case "--repeat" -> repeat = positive(args, ++i, option);
                case "--solve-seconds" -> solveSeconds = positive(args, ++i, option);
                case "--no-publish" -> publish = false;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("Unknown option '" + option + "'.");
            }
        }
        return new RoundIoOptions(largest, List.copyOf(hubs), repeat, solveSeconds, publish, help);
    }

    private static List<Long> ids(String list, String option) {
        try {
            return Arrays.stream(list.split(","))
                    .map(String::strip)
                    .map(Long::parseLong)
                    .toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes hub ids separated by commas.");
        }
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value.");
        }
        return args.get(i);
    }

    private static int positive(List<String> args, int i, String option) {
        try {
            int n = Integer.parseInt(value(args, i, option));
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number of 1 or more.");
        }
    }
}

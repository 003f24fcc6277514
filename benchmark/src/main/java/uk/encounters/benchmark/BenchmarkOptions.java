package uk.encounters.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import uk.encounters.benchmark.instance.InstanceKind;

/**
 * What to run: which instances, which seeds, how long each solver may take, where the CSV goes.
 * Time limits default to each instance's own ({@link InstanceKind}); {@code --quick} shortens
 * them and takes one seed, for a smoke run.
 */
record BenchmarkOptions(
        List<InstanceKind> instances,
        List<Long> seeds,
        Map<InstanceKind, Duration> solverTime,
        Map<InstanceKind, Duration> referenceTime,
        Path csv,
        boolean help) {

    static final String USAGE = """
            Usage: encounters bench [options]

            Measures the matcher on generated hubs against first come first served, a priority greedy
            heuristic and an exact reference (CP-SAT): scores, gaps, time to within 1 %, value to pupils.

              --instances LIST          derby-week,derby-term,region-week,derby-summer,derby-events (default: all five)
              --seeds LIST              generation seeds (default: 1,2,3)
              --solver-seconds S        the solver's limit: one number for all, or derby-week=5,derby-term=30,...
                                        (default: derby-week 5, derby-term 30, region-week 60, derby-summer 30,
                                        derby-events 5)
              --reference-seconds S     the reference's limit, likewise (default: 60, 300, 300, 300, 60)
              --quick                   a smoke run: seed 1 and limits a fifth of the defaults (at least 2 s;
                                        the reference's a tenth, at least 10 s), unless set above
              --csv PATH                where the results go (default: target/bench/matcher.csv)
              --help                    this text
            """;

    static BenchmarkOptions parse(List<String> args) {
        List<InstanceKind> instances = List.of(InstanceKind.values());
        List<Long> seeds = null;
        Map<InstanceKind, Duration> solver = new EnumMap<>(InstanceKind.class);
        Map<InstanceKind, Duration> reference = new EnumMap<>(InstanceKind.class);
        Path csv = Path.of("target", "bench", "matcher.csv");
        boolean quick = false;
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "--quick" -> quick = true;
                case "--help", "-h" -> help = true;
                case "--instances" ->
                    instances = Arrays.stream(value(args, ++i, option).split(","))
                            .map(InstanceKind::named)
                            .toList();
                case "--seeds" ->
                    seeds = Arrays.stream(value(args, ++i, option).split(","))
                            .map(s -> parseLong(s, option))
                            .toList();
                case "--solver-seconds" -> solver.putAll(limits(value(args, ++i, option), option));
                case "--reference-seconds" -> reference.putAll(limits(value(args, ++i, option), option));
                case "--csv" -> csv = Path.of(value(args, ++i, option));
                default -> throw new IllegalArgumentException("Unknown option '" + option + "'.");
            }
        }
        for (InstanceKind kind : InstanceKind.values()) {
            solver.putIfAbsent(kind, quick ? atLeast(kind.solverTime().dividedBy(5), 2) : kind.solverTime());
            reference.putIfAbsent(kind, quick ? atLeast(kind.referenceTime().dividedBy(10), 10) : kind.referenceTime());
        }
        if (seeds == null) {
            seeds = quick ? List.of(1L) : List.of(1L, 2L, 3L);
        }
        return new BenchmarkOptions(instances, seeds, solver, reference, csv, help);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value.");
        }
        return args.get(i);
    }

    /** "30" for every instance, or "derby-week=5,derby-term=30" for some. */
    private static Map<InstanceKind, Duration> limits(String text, String option) {
        Map<InstanceKind, Duration> limits = new EnumMap<>(InstanceKind.class);
        if (!text.contains("=")) {
            Duration limit = Duration.ofSeconds(parseLong(text, option));
            Arrays.stream(InstanceKind.values()).forEach(kind -> limits.put(kind, limit));
            return limits;
        }
        for (String pair : text.split(",")) {
            String[] parts = pair.split("=", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException(option + ": expected instance=seconds, got '" + pair + "'.");
            }
            limits.put(InstanceKind.named(parts[0]), Duration.ofSeconds(parseLong(parts[1], option)));
        }
        return limits;
    }

    private static long parseLong(String text, String option) {
        try {
            long value = Long.parseLong(text.strip());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a whole number of 0 or more.");
        }
    }

    private static Duration atLeast(Duration duration, long seconds) {
        return duration.compareTo(Duration.ofSeconds(seconds)) < 0 ? Duration.ofSeconds(seconds) : duration;
    }

    List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (InstanceKind kind : instances) {
            lines.add(String.format(
                    "%s: solver %d s, reference %d s",
                    kind.code(),
                    solverTime.get(kind).toSeconds(),
                    referenceTime.get(kind).toSeconds()));
        }
        return lines;
    }
}

package uk.encounters.web.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code encounters <command> [--option value ...]}, parsed and checked against what the command takes. */
record CommandLine(String command, Map<String, String> options) {

    static final Map<String, Set<String>> OPTIONS = Map.of(
            "demo", Set.of("area", "seed"),
            "serve", Set.of(),
            "migrate", Set.of(),
            "seed", Set.of("area", "seed"),
            "invite-admin", Set.of("email", "name"),
            "reset-second-factor", Set.of("email"),
            "match", Set.of("hub", "seconds", "publish"),
            "simulate", Set.of("area", "seed", "seeds", "supply", "weeks", "seconds", "csv", "plan-share", "weights"));

    /** Options that are switches: present or not, with no value. */
    static final Set<String> FLAGS = Set.of("publish");

    static CommandLine parse(List<String> args) {
        if (args.isEmpty() || Set.of("--help", "-h", "help").contains(args.getFirst())) {
            return new CommandLine("help", Map.of());
        }
        String command = args.getFirst();
        Set<String> allowed = OPTIONS.get(command);
        if (allowed == null) {
            throw new IllegalArgumentException("Unknown command '" + command + "'.");
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || !allowed.contains(arg.substring(2))) {
                throw new IllegalArgumentException("'" + command + "' does not take '" + arg + "'.");
            }
            if (FLAGS.contains(arg.substring(2))) {
                options.put(arg.substring(2), "true");
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException(arg + " needs a value.");
            }
            options.put(arg.substring(2), args.get(++i));
        }
        return new CommandLine(command, Map.copyOf(options));
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** A comma-separated list of numbers, such as {@code --supply 1.0,1.3}; the fallback when absent. */
    List<Double> numbers(String name, List<Double> fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return java.util.Arrays.stream(value.split(",", -1))
                    .map(String::trim)
                    .map(Double::parseDouble)
                    .toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "--" + name + " must be numbers separated by commas, not '" + value + "'.");
        }
    }

    long longOption(String name, long fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + value + "'.");
        }
    }
}

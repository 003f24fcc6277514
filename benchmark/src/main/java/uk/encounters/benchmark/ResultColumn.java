package uk.encounters.benchmark;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;

/** One column of the results, as the console table heads it and the CSV names it. */
record ResultColumn(String heading, String csvName, Function<Measurement, String> value) {

    static ResultColumn of(String heading, String csvName, Function<Measurement, ?> value) {
        return new ResultColumn(heading, csvName, m -> String.valueOf(value.apply(m)));
    }

    /** A column of the CSV only: its heading is its name. */
    static ResultColumn csv(String csvName, Function<Measurement, ?> value) {
        return of(csvName, csvName, value);
    }

    static ResultColumn decimal(
            String heading, String csvName, Function<Measurement, OptionalDouble> value, int places) {
        return new ResultColumn(heading, csvName, m -> format(value.apply(m), places));
    }

    static String format(OptionalDouble value, int places) {
        return value.isPresent() ? String.format(Locale.ROOT, "%." + places + "f", value.getAsDouble()) : "-";
    }

    /** A score, marked with ! when its plan breaks a hard rule. */
    static String score(Outcome outcome) {
        return outcome.soft() + (outcome.feasible() ? "" : "!");
    }
}

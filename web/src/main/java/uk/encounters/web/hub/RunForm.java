package uk.encounters.web.hub;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import uk.encounters.marketplace.round.Round;
import uk.encounters.marketplace.round.RoundSolver;
import uk.encounters.matcher.solver.MatchingWeights;
import uk.encounters.web.form.Form;

/** The form that runs matching: a time limit, and a weight for each matching rule. */
public final class RunForm {

    static final long MAX_WEIGHT = 1_000_000;
    private static final List<String> RULES = List.copyOf(MatchingWeights.DEFAULTS.keySet());

    /** A rule's weight field as the page shows it. */
    public record Rule(String field, String name, String value, String hint, String error) {}

    private RunForm() {}

    /** The options posted, or empty (with the form's errors) when a field is wrong. */
    static Optional<RoundSolver.Options> read(Form form) {
        int seconds = form.integer("seconds", "Time limit", 1, RoundSolver.MAX_SECONDS);
        Map<String, Long> weights = new LinkedHashMap<>();
        for (int i = 0; i < RULES.size(); i++) {
            weights.put(RULES.get(i), (long) form.integer("weight" + i, RULES.get(i), 0, (int) MAX_WEIGHT));
        }
        if (form.hasErrors()) {
            return Optional.empty();
        }
        // only the weights that differ from the defaults are kept, so later default changes reach the round
        weights.entrySet().removeIf(w -> w.getValue().equals(MatchingWeights.DEFAULTS.get(w.getKey())));
        return Optional.of(RoundSolver.Options.weekly(seconds, weights));
    }

    /** The form with the round's time limit and weights, else the defaults. */
    static Form showing(Optional<Round> round) {
        Map<String, String> values = new HashMap<>();
        values.put(
                "seconds",
                String.valueOf(
                        round.map(Round::timeLimitSeconds).filter(s -> s > 0).orElse(RoundSolver.DEFAULT_SECONDS)));
        Map<String, Long> weights = round.map(Round::weights).orElse(Map.of());
        for (int i = 0; i < RULES.size(); i++) {
            values.put(
                    "weight" + i,
                    String.valueOf(weights.getOrDefault(RULES.get(i), MatchingWeights.DEFAULTS.get(RULES.get(i)))));
        }
        return Form.withValues(values);
    }

    /** Each rule's weight field, with what {@code form} holds for it. */
    static List<Rule> rules(Form form) {
        Map<?, ?> values = (Map<?, ?>) form.model().get("values");
        Map<?, ?> errors = (Map<?, ?>) form.model().get("fieldErrors");
        return IntStream.range(0, RULES.size())
                .mapToObj(i -> new Rule(
                        "weight" + i,
                        RULES.get(i),
                        (String) values.get("weight" + i),
                        "Default " + MatchingWeights.DEFAULTS.get(RULES.get(i)),
                        (String) errors.get("weight" + i)))
                .toList();
    }
}

package uk.encounters.marketplace.placement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import org.jooq.JSONB;

/**
 * A risk assessment answered on the form rather than sent as a file: for every {@link Hazard},
 * whether the placement meets it and, where it does, how it is controlled.
 *
 * @param answers one for each hazard, in the order of {@link Hazard}
 */
public record RiskAnswers(List<Answer> answers) {

    /** @param control how the risk is kept low; empty when the hazard is not present */
    public record Answer(Hazard hazard, boolean present, String control) {

        public Answer {
            control = control == null ? "" : control;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public RiskAnswers {
        answers = List.copyOf(answers);
        if (!answers.stream().map(Answer::hazard).toList().equals(Arrays.asList(Hazard.values()))) {
            throw new IllegalArgumentException("one answer for each hazard, in order: " + answers);
        }
    }

    /** The hazards the placement meets, with their controls. */
    public List<Answer> present() {
        return answers.stream().filter(Answer::present).toList();
    }

    /** As stored: {"machinery": {"present": true, "control": "..."}, ...}. */
    JSONB json() {
        ObjectNode root = JSON.createObjectNode();
        for (Answer answer : answers) {
            root.putObject(answer.hazard().code())
                    .put("present", answer.present())
                    .put("control", answer.control());
        }
        return JSONB.valueOf(root.toString());
    }

    /** Read back; a hazard added to the list after the row was written reads as not present: it was not asked. */
    static RiskAnswers of(JSONB stored) {
        if (stored == null) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(stored.data());
            return new RiskAnswers(Arrays.stream(Hazard.values())
                    .map(h -> {
                        JsonNode answer = root.path(h.code());
                        return new Answer(
                                h,
                                answer.path("present").asBoolean(false),
                                answer.path("control").asText(""));
                    })
                    .toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored risk assessment is not JSON", e);
        }
    }
}

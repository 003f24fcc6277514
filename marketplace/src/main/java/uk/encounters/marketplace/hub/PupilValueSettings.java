package uk.encounters.marketplace.hub;

import static uk.encounters.marketplace.jooq.Tables.HUB;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import uk.encounters.marketplace.account.AuditLog;
import uk.encounters.marketplace.pupil.PupilValueWeights;

/** Each hub's weights for the pupil-value rule: the defaults until its coordinator sets its own. */
public final class PupilValueSettings {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Double>> BY_NAME = new TypeReference<>() {};

    private final DSLContext dsl;

    public PupilValueSettings(DSLContext dsl) {
        this.dsl = dsl;
    }

    public PupilValueWeights forHub(long hubId) {
        return weights(dsl.select(HUB.PUPIL_VALUE_WEIGHTS)
                .from(HUB)
                .where(HUB.ID.eq(hubId))
                .fetchOne(HUB.PUPIL_VALUE_WEIGHTS));
    }

    /** The weights of the hub the school belongs to. */
    public PupilValueWeights forSchool(long schoolId) {
        return weights(dsl.select(HUB.PUPIL_VALUE_WEIGHTS)
                .from(HUB)
                .join(SCHOOL)
                .on(SCHOOL.HUB_ID.eq(HUB.ID))
                .where(SCHOOL.ID.eq(schoolId))
                .fetchOne(HUB.PUPIL_VALUE_WEIGHTS));
    }

    /** Saves the hub's weights and the change in the audit log, in one transaction. */
    public void save(long hubId, PupilValueWeights weights, Long userId, String ipAddress) {
        dsl.transaction(c -> {
            PupilValueWeights before = new PupilValueSettings(c.dsl()).forHub(hubId);
            c.dsl()
                    .update(HUB)
                    .set(
                            HUB.PUPIL_VALUE_WEIGHTS,
                            weights.equals(PupilValueWeights.DEFAULTS) ? null : JSONB.valueOf(json(weights.byName())))
                    .where(HUB.ID.eq(hubId))
                    .execute();
            new AuditLog(c.dsl())
                    .record(
                            userId,
                            "hub.pupil_value_weights",
                            "hub",
                            hubId,
                            Map.of("before", before.byName(), "after", weights.byName()),
                            ipAddress);
        });
    }

    private static PupilValueWeights weights(JSONB stored) {
        if (stored == null) {
            return PupilValueWeights.DEFAULTS;
        }
        try {
            return PupilValueWeights.fromNames(JSON.readValue(stored.data(), BY_NAME));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A hub's pupil value weights are not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String json(Map<String, Double> weights) {
        try {
            return JSON.writeValueAsString(weights);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package uk.encounters.web.school;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.encounters.marketplace.jooq.Tables.INSTALLATION_SECRET;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.pupil.Upn;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.WebConfig;

/** The key of pupils' references: stable across restarts whichever way it is found, and never shown. */
class PupilReferenceKeyTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final Upn UPN = new Upn("W831412524001");
    static final String KEY = "0123456789abcdef0123456789abcdef";

    @Test
    void theConfiguredKeyGivesTheSameReferencesAfterARestartAndAnotherKeyOthers() {
        String reference = referenceWith(Map.of("PUPIL_REFERENCE_KEY", KEY));

        assertThat(referenceWith(Map.of("PUPIL_REFERENCE_KEY", KEY, "SESSION_SECRET", "whatever")))
                .isEqualTo(reference);
        assertThat(referenceWith(Map.of("PUPIL_REFERENCE_KEY", KEY.replace('0', 'f'))))
                .isNotEqualTo(reference);
    }

    @Test
    void withoutAKeyTheInstallationMakesOneOnceAndKeepsItNeverARandomOneAtEachStart() {
        String first = referenceWith(Map.of());

        // a restart, another instance, another session secret: the same references
        assertThat(referenceWith(Map.of("SESSION_SECRET", "another session secret")))
                .isEqualTo(first);
        assertThat(db.dsl().fetchCount(INSTALLATION_SECRET)).isEqualTo(1);
        assertThat(referenceWith(Map.of("PUPIL_REFERENCE_KEY", KEY))).isNotEqualTo(first);
    }

    @Test
    void aShortKeyIsRefusedAtStartAndNoKeyIsEverPrinted() {
        assertThatThrownBy(() -> WebConfig.fromEnvironment(Map.of("PUPIL_REFERENCE_KEY", "short")))
                .hasMessageContaining("PUPIL_REFERENCE_KEY must be 32 characters or more");
        assertThat(WebConfig.fromEnvironment(Map.of("PUPIL_REFERENCE_KEY", KEY)).toString())
                .doesNotContain(KEY);
    }

    private static String referenceWith(Map<String, String> environment) {
        return PupilReferenceKey.of(WebConfig.fromEnvironment(environment), db.dsl())
                .of(7, UPN);
    }
}

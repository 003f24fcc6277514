package uk.encounters.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void everyPageIsAskedForUnlessSkipped() {
        assertThat(LoadOptions.parse(List.of()).skipped()).isEmpty();
        assertThat(LoadOptions.parse(List.of("--skip", "home, round review")).skipped())
                .containsExactlyInAnyOrder("home", "round review");
    }

    @Test
    void skippingAPageThatDoesNotExistIsRefused() {
        assertThatThrownBy(() -> LoadOptions.parse(List.of("--skip", "homepage")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not 'homepage'");
    }
}

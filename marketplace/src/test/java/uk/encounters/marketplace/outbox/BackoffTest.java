package uk.encounters.marketplace.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), 10);

    @Test
    void waitDoublesFromTheFirstWait() {
        assertThat(backoff.retryAfter(1)).contains(Duration.ofSeconds(30));
        assertThat(backoff.retryAfter(2)).contains(Duration.ofSeconds(60));
        assertThat(backoff.retryAfter(3)).contains(Duration.ofSeconds(120));
    }

    @Test
    void waitIsCappedAtTheLongestWait() {
        assertThat(backoff.retryAfter(8)).contains(Duration.ofHours(1));
        assertThat(backoff.retryAfter(9)).contains(Duration.ofHours(1));
    }

    @Test
    void givesUpOnceMaxAttemptsHaveFailed() {
        assertThat(backoff.retryAfter(10)).isEqualTo(Optional.empty());
        assertThat(backoff.retryAfter(11)).isEqualTo(Optional.empty());
    }

    @Test
    void manyAttemptsDoNotOverflow() {
        Backoff patient = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), 1_000);
        assertThat(patient.retryAfter(999)).contains(Duration.ofHours(1));
    }

    @Test
    void standardBackoffKeepsTryingForAboutAWorkingDay() {
        Duration total = Duration.ZERO;
        for (int failed = 1; Backoff.STANDARD.retryAfter(failed).isPresent(); failed++) {
            total = total.plus(Backoff.STANDARD.retryAfter(failed).orElseThrow());
        }
        assertThat(total).isBetween(Duration.ofHours(6), Duration.ofHours(10));
    }

    @Test
    void rejectsALongestWaitShorterThanTheFirst() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(5), Duration.ofMinutes(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

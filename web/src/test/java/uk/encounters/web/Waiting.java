package uk.encounters.web;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in tests for what another thread or process does: polling, with a deadline. */
public final class Waiting {

    private Waiting() {}

    /** Polls every 20 ms until the condition holds; fails the test once {@code within} has passed. */
    public static void awaitTrue(String what, Duration within, BooleanSupplier condition) {
        if (!becomesTrue(within, condition)) {
            throw new AssertionError("timed out waiting until " + what);
        }
    }

    /** Polls every 20 ms until the condition holds: whether it did within {@code within}. */
    public static boolean becomesTrue(Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause(Duration.ofMillis(20));
        }
        return true;
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package uk.encounters.demo.simulation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The simulation's time: a day it moves forward itself, at noon, so everything that reads "today" agrees. */
final class SimulatedClock extends Clock {

    private volatile LocalDate today;

    SimulatedClock(LocalDate today) {
        this.today = today;
    }

    void advanceTo(LocalDate day) {
        if (day.isBefore(today)) {
            throw new IllegalArgumentException("Time does not go back: " + day + " is before " + today);
        }
        today = day;
    }

    LocalDate today() {
        return today;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The simulated clock keeps UTC");
    }

    @Override
    public Instant instant() {
        return today.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }
}

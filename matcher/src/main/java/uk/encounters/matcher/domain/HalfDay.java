package uk.encounters.matcher.domain;

import java.time.LocalDate;

/** A morning or an afternoon of the round's horizon, numbered twice per day since 1970. */
public record HalfDay(int index) {

    public static int indexOf(LocalDate day, boolean afternoon) {
        return (int) day.toEpochDay() * 2 + (afternoon ? 1 : 0);
    }

    public static HalfDay of(LocalDate day, boolean afternoon) {
        return new HalfDay(indexOf(day, afternoon));
    }
}

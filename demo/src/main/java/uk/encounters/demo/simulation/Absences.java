package uk.encounters.demo.simulation;

import static uk.encounters.marketplace.jooq.Tables.PUPIL;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Who is in school on a day: each pupil's absence that day is drawn once, under the pupil and the
 * day, so a pupil ill on a day misses the session and the event alike, in every arm.
 */
final class Absences {

    private final Draws draws;
    private final Behaviour behaviour;

    Absences(Draws draws, Behaviour behaviour) {
        this.draws = draws;
        this.behaviour = behaviour;
    }

    /** The pupils of {@code listed} present on {@code day}, in their order. */
    Set<Long> present(DSLContext dsl, Set<Long> listed, LocalDate day) {
        Map<Long, Boolean> disadvantaged = dsl.select(PUPIL.ID, PUPIL.DISADVANTAGED)
                .from(PUPIL)
                .where(PUPIL.ID.in(listed))
                .fetchMap(PUPIL.ID, PUPIL.DISADVANTAGED);
        Set<Long> present = new LinkedHashSet<>();
        for (long pupil : listed) {
            double absence = Boolean.TRUE.equals(disadvantaged.get(pupil))
                    ? behaviour.disadvantagedAbsence()
                    : behaviour.absence();
            if (!draws.chance("absent/" + pupil + "/" + day, absence)) {
                present.add(pupil);
            }
        }
        return present;
    }
}

package uk.encounters.marketplace.pupil;

import static uk.encounters.marketplace.jooq.Tables.PUPIL;

import java.time.LocalDate;
import org.jooq.Condition;

/**
 * Whether a pupil counts for a school on a day: from the day they joined (unknown: always) until
 * the day they were archived (a Year 13 leaver on 1 September, a pupil who moved school on the
 * day they left). Their encounter history stays with them either way.
 */
public final class OnRoll {

    private OnRoll() {}

    public static boolean on(LocalDate day, LocalDate joinedOn, LocalDate archivedOn) {
        return (joinedOn == null || !joinedOn.isAfter(day)) && (archivedOn == null || archivedOn.isAfter(day));
    }

    /** The same rule for a query over pupils. */
    public static Condition on(LocalDate day) {
        return PUPIL.JOINED_ON
                .isNull()
                .or(PUPIL.JOINED_ON.le(day))
                .and(PUPIL.ARCHIVED_ON.isNull().or(PUPIL.ARCHIVED_ON.gt(day)));
    }
}

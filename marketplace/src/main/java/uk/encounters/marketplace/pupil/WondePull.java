package uk.encounters.marketplace.pupil;

import static uk.encounters.marketplace.jooq.Tables.PUPIL;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;

/**
 * A school's roll as Wonde has it, made the school's pupils in one transaction: new references
 * added, known ones updated, and pupils Wonde no longer lists archived from today as leavers (their
 * encounter history stays with them, as at the rollover). Only pupils whose references were made
 * from a UPN or admission number are archived: a year group made up by count or the school's own
 * references cannot be in Wonde's list, so their absence says nothing.
 */
public final class WondePull {

    /** The refused rows kept to show; the count covers them all. */
    public static final int REFUSALS_SHOWN = 100;

    /**
     * What Wonde listed, as this app keeps it.
     *
     * @param pupils   the rows to add or update
     * @param listed   the references of every pupil Wonde listed, refused rows' among them, so a
     *                 pupil whose row is refused tonight is not archived for it
     * @param refusals the rows left out, and why
     */
    public record Roll(
            List<PupilRepository.PupilRow> pupils, Set<String> listed, List<WondeLinkRepository.Refusal> refusals) {}

    public record Outcome(int added, int updated, int unchanged, int archived, int refused) {}

    private final DSLContext dsl;

    public WondePull(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** @param actor who asked for the pull, or nobody (the nightly pull) */
    public Outcome apply(Actor actor, long schoolId, Roll roll, LocalDate today, OffsetDateTime now) {
        return dsl.transactionResult(c -> {
            DSLContext tx = c.dsl();
            Map<String, String> before = current(tx, schoolId);
            int added = 0;
            int updated = 0;
            for (PupilRepository.PupilRow row : roll.pupils()) {
                String was = before.get(row.reference());
                if (was == null) {
                    added++;
                } else if (!was.equals(state(row))) {
                    updated++;
                }
            }
            new PupilRepository(tx).importRows(schoolId, roll.pupils(), today);
            int archived = tx.update(PUPIL)
                    .set(PUPIL.ARCHIVED_ON, today)
                    .where(PUPIL.SCHOOL_ID.eq(schoolId))
                    .and(PUPIL.ARCHIVED_ON.isNull())
                    .and(PUPIL.REFERENCE.startsWith("U-").or(PUPIL.REFERENCE.startsWith("A-")))
                    // one array parameter, however long the roll
                    .and(PUPIL.REFERENCE.ne(DSL.all(roll.listed().toArray(String[]::new))))
                    .execute();
            Outcome outcome = new Outcome(
                    added,
                    updated,
                    roll.pupils().size() - added - updated,
                    archived,
                    roll.refusals().size());
            new WondeLinkRepository(tx).recordPull(schoolId, now, outcome, roll.refusals());
            new AuditLog(tx)
                    .record(
                            actor,
                            "pupils_pulled_from_wonde",
                            "school",
                            schoolId,
                            Map.of(
                                    "added", added,
                                    "updated", updated,
                                    "archived", archived,
                                    "refused", outcome.refused()));
            return outcome;
        });
    }

    /** Each pupil's year group, flags and whether they are archived, to tell a change from none. */
    private static Map<String, String> current(DSLContext tx, long schoolId) {
        Map<String, String> state = new HashMap<>();
        for (Record r : tx.select(
                        PUPIL.REFERENCE,
                        PUPIL.YEAR_GROUP,
                        PUPIL.DISADVANTAGED,
                        PUPIL.SEND,
                        PUPIL.EAL,
                        PUPIL.ARCHIVED_ON)
                .from(PUPIL)
                .where(PUPIL.SCHOOL_ID.eq(schoolId))
                .fetch()) {
            state.put(
                    r.get(PUPIL.REFERENCE),
                    r.get(PUPIL.ARCHIVED_ON) != null
                            ? "archived"
                            : state(
                                    r.get(PUPIL.YEAR_GROUP),
                                    r.get(PUPIL.DISADVANTAGED),
                                    r.get(PUPIL.SEND),
                                    r.get(PUPIL.EAL)));
        }
        return state;
    }

    private static String state(PupilRepository.PupilRow row) {
        return state((short) row.yearGroup(), row.disadvantaged(), row.send(), row.eal());
    }

    private static String state(Short year, Boolean disadvantaged, Boolean send, Boolean eal) {
        return Objects.toString(year) + disadvantaged + send + eal;
    }
}

package uk.encounters.marketplace.pupil;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import uk.encounters.marketplace.account.Actor;
import uk.encounters.marketplace.account.AuditLog;

/**
 * What a careers leader changes in the school's pupils: an import from the information system's
 * export, a year group made up by count, a careers log brought from a pupil's previous school.
 * Each change and its audit entry are one transaction.
 */
public final class PupilChanges {

    private final DSLContext dsl;

    public PupilChanges(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * New references added, known ones updated ({@link PupilRepository#importRows}).
     *
     * @param skipped rows of the file left out for their errors, for the audit entry
     */
    public PupilRepository.Imported importPupils(
            Actor actor, long schoolId, List<PupilRepository.PupilRow> rows, long skipped, LocalDate today) {
        return dsl.transactionResult(c -> {
            var imported = new PupilRepository(c.dsl()).importRows(schoolId, rows, today);
            new AuditLog(c.dsl())
                    .record(
                            actor,
                            "pupils_imported",
                            "school",
                            schoolId,
                            Map.of("added", imported.added(), "updated", imported.updated(), "skipped", skipped));
            return imported;
        });
    }

    /** The school linked to a Wonde school, for its pupils to be pulled from there. */
    public void linkToWonde(Actor actor, long schoolId, String wondeSchoolId) {
        dsl.transaction(c -> {
            new WondeLinkRepository(c.dsl()).link(schoolId, wondeSchoolId);
            new AuditLog(c.dsl())
                    .record(
                            actor,
                            "school_linked_to_wonde",
                            "school",
                            schoolId,
                            Map.of("wonde_school_id", wondeSchoolId));
        });
    }

    /** For a school without an export: a year group of made-up references, by count. */
    public void addYearGroup(
            Actor actor, long schoolId, int yearGroup, int count, int disadvantaged, int academicYear) {
        dsl.transaction(c -> {
            new PupilRepository(c.dsl()).createYearGroup(schoolId, yearGroup, count, disadvantaged, academicYear);
            new AuditLog(c.dsl())
                    .record(
                            actor,
                            "year_group_created",
                            "school",
                            schoolId,
                            Map.of("year_group", yearGroup, "pupils", count));
        });
    }

    /** A previous school's log added to a pupil as history ({@link EncounterLog#importTransferred}); how many were new. */
    public int importCareersLog(Actor actor, long pupilId, List<EncounterLog.Transferred> entries) {
        return dsl.transactionResult(c -> {
            int added = new EncounterLog(c.dsl()).importTransferred(pupilId, entries);
            new AuditLog(c.dsl())
                    .record(
                            actor,
                            "careers_log_imported",
                            "pupil",
                            pupilId,
                            Map.of("rows", entries.size(), "added", added));
            return added;
        });
    }
}

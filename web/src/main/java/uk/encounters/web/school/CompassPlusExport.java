package uk.encounters.web.school;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.encounters.marketplace.csv.CsvTable;
import uk.encounters.marketplace.csv.CsvWriter;
import uk.encounters.marketplace.pupil.EncounterLog;
import uk.encounters.marketplace.pupil.PupilReferences;
import uk.encounters.marketplace.pupil.Upn;

/**
 * The school's attended encounters as Compass+ takes activities in: one row per learner per
 * activity, the learner by UPN. UPNs are never stored, so they come from the school's own MIS
 * export, uploaded with the request: each is made into its reference to find the pupil, and the
 * pairs are held in memory for this one file. A pupil whose UPN the export lacks is still listed,
 * by reference, with a note, so nobody's encounters go missing unseen.
 */
final class CompassPlusExport {

    static final List<String> COLUMNS =
            List.of("Activity name", "Benchmark", "Date", "Provider", "Learner UPN", "Note");
    /** Compass+ is used in England: day, month, year. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Why an upload cannot be used, for the message beside the file field. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** Each reference of the export's pupils and its UPN; held for the request only. */
    private final Map<String, Upn> upns;

    private CompassPlusExport(Map<String, Upn> upns) {
        this.upns = upns;
    }

    /** The UPNs of a SIMS, Arbor or Bromcom export (our own template has none). */
    static CompassPlusExport of(String text, long schoolId, PupilReferences references) throws Refused {
        if (text.isBlank()) {
            throw new Refused("Choose your management information system's export of pupils, with their UPNs");
        }
        PupilExport export = PupilExport.of(text);
        if (export.upn().isEmpty()) {
            throw new Refused(
                    "The file has no UPN column: export your pupils from SIMS, Arbor or Bromcom with their" + " UPNs");
        }
        CsvTable table;
        try {
            table = CsvTable.parse(text);
        } catch (CsvTable.Unreadable e) {
            throw new Refused(e.getMessage());
        }
        Map<String, Upn> upns = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            Optional<Upn> upn = Upn.parse(row.get(export.upn().get()));
            upn.ifPresent(u -> upns.put(references.of(schoolId, u), u));
        }
        if (upns.isEmpty()) {
            throw new Refused("The file has no valid UPNs in its UPN column");
        }
        return new CompassPlusExport(upns);
    }

    /** The attended encounters, the matched learners first and those without a UPN after. */
    CsvWriter write(List<EncounterLog.Entry> entries) {
        CsvWriter csv = new CsvWriter().row(COLUMNS);
        List<EncounterLog.Entry> attended =
                entries.stream().filter(EncounterLog.Entry::attended).toList();
        for (EncounterLog.Entry e : attended) {
            Upn upn = upns.get(e.reference());
            if (upn != null) {
                csv.row(activity(e), e.benchmark(), DATE.format(e.occurredOn()), e.provider(), upn.value(), "");
            }
        }
        for (EncounterLog.Entry e : attended) {
            if (!upns.containsKey(e.reference())) {
                csv.row(
                        activity(e),
                        e.benchmark(),
                        DATE.format(e.occurredOn()),
                        e.provider(),
                        "",
                        "Pupil " + e.reference() + " has no UPN in the uploaded export (a leaver, or a reference made"
                                + " here): add them in Compass+ by hand, or leave this row out");
            }
        }
        return csv;
    }

    private static String activity(EncounterLog.Entry e) {
        return e.typeLabel() + " with " + e.provider();
    }
}

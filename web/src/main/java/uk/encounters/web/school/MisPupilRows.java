package uk.encounters.web.school;

import io.vertx.core.MultiMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import uk.encounters.marketplace.csv.CsvTable;
import uk.encounters.marketplace.pupil.MisValue;
import uk.encounters.marketplace.pupil.PupilReferences;
import uk.encounters.marketplace.pupil.PupilRepository;
import uk.encounters.marketplace.pupil.Upn;
import uk.encounters.web.form.CsvImport;
import uk.encounters.web.form.Form;

/**
 * The rows of a SIMS, Arbor or Bromcom export: the UPN (or admission number) becomes the school's
 * private reference at once, and only the year group and the three flags are read besides. No
 * message or summary repeats what a cell holds (a UPN; or a name or date of birth, had a stray comma
 * shifted the columns), so the preview shows none of them.
 */
final class MisPupilRows implements CsvImport.RowShape<PupilRepository.PupilRow> {

    private final PupilExport export;
    private final long schoolId;
    private final PupilReferences references;
    /** Each reference made so far and the line it came from, to name the first line of a UPN given twice. */
    private final Map<String, Integer> seen = new HashMap<>();

    MisPupilRows(PupilExport export, long schoolId, PupilReferences references) {
        this.export = export;
        this.schoolId = schoolId;
        this.references = references;
    }

    @Override
    public MultiMap fields(CsvTable.Row row) {
        return MultiMap.caseInsensitiveMultiMap()
                .add("identifier", row.get(export.identifier()))
                .add("yearGroup", PupilRoutes.yearGroup(cell(row, export.yearGroup())))
                .add("disadvantaged", cell(row, export.disadvantaged()))
                .add("send", cell(row, export.send()))
                .add("eal", cell(row, export.eal()))
                .add("firstLanguage", cell(row, export.firstLanguage()));
    }

    @Override
    public Optional<PupilRepository.PupilRow> read(Form form, CsvTable.Row row) {
        Optional<String> reference = reference(form);
        int year = form.integer("yearGroup", "Year group", 7, 13);
        boolean disadvantaged = flag(form, "disadvantaged", "Pupil premium (or FSM Ever 6)");
        boolean send = send(form);
        boolean eal = export.eal().isPresent() ? flag(form, "eal", "EAL") : eal(form);
        if (reference.isPresent()) {
            Integer earlier = seen.putIfAbsent(reference.get(), row.line());
            if (earlier != null) {
                form.error("identifier", "The same " + identifierName() + " as line " + earlier);
            }
        }
        return form.hasErrors() || reference.isEmpty()
                ? Optional.empty()
                : Optional.of(new PupilRepository.PupilRow(reference.get(), year, disadvantaged, send, eal));
    }

    /** The reference the pupil will have, never the UPN itself. */
    @Override
    public String summary(CsvTable.Row row) {
        String yearGroup = PupilRoutes.yearGroup(cell(row, export.yearGroup()));
        String year = yearGroup.matches("\\d{1,2}") ? "Year " + yearGroup : "year group unreadable";
        String identifier = row.get(export.identifier());
        if (export.upn().isPresent()) {
            return Upn.parse(identifier)
                    .map(upn -> references.of(schoolId, upn) + ", " + year)
                    .orElse("No usable UPN, " + year);
        }
        return admissionNumber(identifier)
                ? references.ofAdmissionNumber(schoolId, identifier) + ", " + year
                : "No usable admission number, " + year;
    }

    private Optional<String> reference(Form form) {
        String identifier = form.text("identifier", identifierName(), 20);
        if (identifier.isEmpty()) {
            form.error("identifier", "Enter the pupil's " + identifierName());
            return Optional.empty();
        }
        if (export.upn().isPresent()) {
            Optional<Upn> upn = Upn.parse(identifier);
            if (upn.isEmpty()) {
                form.error(
                        "identifier",
                        "The UPN is not a valid UPN: 13 characters, a check letter that fits the digits, 11 digits,"
                                + " then a digit (or a letter for a temporary UPN)");
            }
            return upn.map(u -> references.of(schoolId, u));
        }
        if (!admissionNumber(identifier)) {
            form.error("identifier", "The admission number may hold only letters, digits, - and /");
            return Optional.empty();
        }
        return Optional.of(references.ofAdmissionNumber(schoolId, identifier));
    }

    private String identifierName() {
        return export.upn().isPresent() ? "UPN" : "admission number";
    }

    private static boolean flag(Form form, String field, String label) {
        String value = form.text(field, label, 20);
        Optional<Boolean> flag = YesNo.parse(value);
        if (flag.isEmpty()) {
            form.error(field, label + " must be Y or N (or blank for N)");
        }
        return flag.orElse(false);
    }

    /** N is no special educational need; K (SEN support) and E (an EHC plan) are SEND. */
    private static boolean send(Form form) {
        Optional<Boolean> send = MisValue.send(form.text("send", "SEN status", 60));
        if (send.isEmpty()) {
            form.error("send", "SEN status must be N, K or E (or blank for none)");
        }
        return send.orElse(false);
    }

    /** From the first language: English or unknown is not EAL; any other language is. */
    private static boolean eal(Form form) {
        return MisValue.eal(form.text("firstLanguage", "First language", 60));
    }

    /** "Education, Health and Care Plan" and "English (assumed)" as plain lower-case words. */
    private static boolean admissionNumber(String value) {
        return value.strip().matches("[A-Za-z0-9/-]{1,20}");
    }

    private static String cell(CsvTable.Row row, Optional<String> column) {
        return column.map(row::get).orElse("");
    }
}

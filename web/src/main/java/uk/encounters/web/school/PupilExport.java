package uk.encounters.web.school;

import java.util.List;
import java.util.Optional;
import uk.encounters.marketplace.csv.CsvTable;

/**
 * What a pupils file's header line says it is: a school information system's export (SIMS, Arbor,
 * Bromcom or one like them), read by the columns those systems name, or our own template. Only
 * the columns named here are ever read; names, dates of birth and the rest are left in the file.
 *
 * @param system       "SIMS", "Arbor", "Bromcom", "school information system", or empty for our template
 * @param upn          the UPN column; when absent the admission number identifies the pupil
 * @param firstLanguage read for EAL when the export has no EAL column
 */
record PupilExport(
        Optional<String> system,
        Optional<String> upn,
        Optional<String> admissionNumber,
        Optional<String> yearGroup,
        Optional<String> disadvantaged,
        Optional<String> send,
        Optional<String> eal,
        Optional<String> firstLanguage) {

    // Column names as CsvTable.columnName leaves them: lower case, runs of spaces and punctuation as "_".
    private static final List<String> UPN = List.of("upn", "unique_pupil_number");
    private static final List<String> ADMISSION_NUMBER = List.of("admission_no", "admission_number", "adno", "adm_no");
    private static final List<String> YEAR_GROUP =
            List.of("nc_year", "year_group", "year", "national_curriculum_year", "curriculum_year");
    private static final List<String> DISADVANTAGED = List.of(
            "pupil_premium",
            "pp",
            "fsm_ever_6",
            "fsm6",
            "ever_6_fsm",
            "ever_6",
            "pupil_premium_indicator",
            "disadvantaged");
    private static final List<String> SEND = List.of("sen_status", "sen_provision", "send", "sen");
    private static final List<String> EAL = List.of("eal", "english_as_an_additional_language");
    private static final List<String> FIRST_LANGUAGE = List.of("first_language", "home_language");

    static final PupilExport OUR_TEMPLATE = new PupilExport(
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.of("year_group"),
            Optional.of("disadvantaged"),
            Optional.of("send"),
            Optional.of("eal"),
            Optional.empty());

    /**
     * What the file's header line shows; our template when it cannot be read, so the check that
     * follows says why in the usual words.
     */
    static PupilExport of(String text) {
        try {
            return recognise(CsvTable.parse(text).columns());
        } catch (CsvTable.Unreadable e) {
            return OUR_TEMPLATE;
        }
    }

    /** A file with our reference column is ours; one with a UPN or admission number column is an export. */
    static PupilExport recognise(List<String> columns) {
        if (columns.contains("reference")
                || (first(columns, UPN).isEmpty()
                        && first(columns, ADMISSION_NUMBER).isEmpty())) {
            return OUR_TEMPLATE;
        }
        return new PupilExport(
                Optional.of(system(columns)),
                first(columns, UPN),
                first(columns, ADMISSION_NUMBER),
                first(columns, YEAR_GROUP),
                first(columns, DISADVANTAGED),
                first(columns, SEND),
                first(columns, EAL),
                first(columns, FIRST_LANGUAGE));
    }

    boolean ourTemplate() {
        return system.isEmpty();
    }

    /** The column that identifies each pupil: reference, UPN or admission number. */
    String identifier() {
        return ourTemplate() ? "reference" : upn.orElseGet(admissionNumber::orElseThrow);
    }

    /** What the header must have; a name no header has stands for a column it lacks, in the words people know. */
    List<String> requiredColumns() {
        if (ourTemplate()) {
            return List.of("reference", "year_group");
        }
        return List.of(identifier(), yearGroup.orElse("NC Year (or Year Group, or Year)"));
    }

    /** What the preview says it recognised, so the careers leader knows the numbers were not kept. */
    String recognised() {
        return system.map(name -> "Recognised " + (name.equals("Arbor") || name.equals("MIS") ? "an " : "a ") + name
                        + "-style export: "
                        + (upn.isPresent() ? "UPNs" : "admission numbers") + " turned into private references;"
                        + " names, dates of birth and any other columns ignored.")
                .orElse(null);
    }

    /** Each system names its pupils' names its own way: the surest sign of which one made the file. */
    private static String system(List<String> columns) {
        if (columns.contains("legal_forename") || columns.contains("legal_surname")) {
            return "Bromcom";
        }
        if (columns.contains("first_name") || columns.contains("last_name")) {
            return "Arbor";
        }
        if (columns.contains("forename") || columns.contains("reg_group") || columns.contains("fsm_ever_6")) {
            return "SIMS";
        }
        return "MIS";
    }

    private static Optional<String> first(List<String> columns, List<String> names) {
        return names.stream().filter(columns::contains).findFirst();
    }
}

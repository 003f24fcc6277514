package uk.encounters.web.school;

import io.vertx.core.MultiMap;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import uk.encounters.marketplace.csv.CsvTable;
import uk.encounters.marketplace.pupil.PupilRepository;
import uk.encounters.web.form.CsvImport;
import uk.encounters.web.form.Form;

/** The rows of a file in our own template: the school's references kept as they are. */
final class TemplatePupilRows implements CsvImport.RowShape<PupilRepository.PupilRow> {

    private final Set<String> seen = new HashSet<>();

    @Override
    public MultiMap fields(CsvTable.Row row) {
        return MultiMap.caseInsensitiveMultiMap()
                .add("reference", row.get("reference"))
                .add("yearGroup", PupilRoutes.yearGroup(row.get("year_group")));
    }

    @Override
    public Optional<PupilRepository.PupilRow> read(Form form, CsvTable.Row row) {
        String reference = form.required("reference", "The pupil's reference", 40);
        int year = form.integer("yearGroup", "Year group", 7, 13);
        boolean disadvantaged = flag(form, row, "disadvantaged", "Disadvantaged");
        boolean send = flag(form, row, "send", "SEND");
        boolean eal = flag(form, row, "eal", "EAL");
        if (!reference.isEmpty() && !seen.add(reference)) {
            form.error("reference", "Reference " + reference + " appears twice in the file");
        }
        return form.hasErrors()
                ? Optional.empty()
                : Optional.of(new PupilRepository.PupilRow(reference, year, disadvantaged, send, eal));
    }

    @Override
    public String summary(CsvTable.Row row) {
        return row.get("reference") + ", Year " + row.get("year_group");
    }

    private static boolean flag(Form form, CsvTable.Row row, String column, String label) {
        Optional<Boolean> flag = YesNo.parse(row.get(column));
        if (flag.isEmpty()) {
            form.error(column, label + " must be yes or no (or blank for no), not \"" + row.get(column) + "\"");
        }
        return flag.orElse(false);
    }
}

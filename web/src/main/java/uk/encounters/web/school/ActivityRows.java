package uk.encounters.web.school;

import io.vertx.core.MultiMap;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import uk.encounters.marketplace.csv.CsvTable;
import uk.encounters.marketplace.pupil.Hours;
import uk.encounters.marketplace.pupil.SchoolActivityRepository;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.web.form.CsvImport;
import uk.encounters.web.form.Form;

/**
 * The rows of an activities file, one pupil at one activity each, checked as the form checks one
 * activity; then grouped into the activities they describe.
 *
 * @param pupils the school's pupils by reference
 */
record ActivityRows(Map<String, SchoolActivityRepository.Pupil> pupils, LocalDate today)
        implements CsvImport.RowShape<ActivityRows.Row> {

    static final List<String> COLUMNS = List.of("pupil_reference", "date", "type", "provider");

    /** A CSV row: one pupil at one activity. */
    record Row(SchoolActivityRepository.Details details, long pupilId, int yearGroup, boolean attended) {}

    /** Rows with the same date, type and provider make one activity; its year group when they share one. */
    static Map<SchoolActivityRepository.Details, Map<Long, Boolean>> group(List<Row> rows) {
        Map<SchoolActivityRepository.Details, Map<Long, Boolean>> registers = new LinkedHashMap<>();
        Map<SchoolActivityRepository.Details, Set<Integer>> years = new LinkedHashMap<>();
        for (Row row : rows) {
            registers.computeIfAbsent(row.details(), d -> new LinkedHashMap<>()).put(row.pupilId(), row.attended());
            years.computeIfAbsent(row.details(), d -> new TreeSet<>()).add(row.yearGroup());
        }
        Map<SchoolActivityRepository.Details, Map<Long, Boolean>> grouped = new LinkedHashMap<>();
        registers.forEach((details, register) -> {
            Set<Integer> yearGroups = years.get(details);
            grouped.put(
                    new SchoolActivityRepository.Details(
                            details.type(),
                            details.provider(),
                            details.occurredOn(),
                            yearGroups.size() == 1 ? yearGroups.iterator().next() : null,
                            details.hours()),
                    register);
        });
        return grouped;
    }

    @Override
    public MultiMap fields(CsvTable.Row row) {
        return MultiMap.caseInsensitiveMultiMap()
                .add("pupil_reference", row.get("pupil_reference"))
                .add("date", row.get("date"))
                .add("provider", row.get("provider"))
                .add("hours", row.get("hours"));
    }

    @Override
    public Optional<Row> read(Form form, CsvTable.Row row) {
        String reference = form.required("pupil_reference", "The pupil's reference", 40);
        SchoolActivityRepository.Pupil pupil = pupils.get(reference);
        if (!reference.isEmpty() && pupil == null) {
            form.error("pupil_reference", "No pupil here has the reference " + reference);
        }
        LocalDate date = form.date("date", "Date");
        if (date != null && (date.isAfter(today) || date.isBefore(today.minusYears(ActivityForm.YEARS_BACK)))) {
            form.error("date", "The date must be in this school year or the last, and not after today");
        }
        String provider = form.name("provider", "Provider", 200);
        Optional<EncounterType> type = EncounterType.named(row.get("type"));
        if (type.isEmpty()) {
            form.error("type", "The type \"" + row.get("type") + "\" is not an encounter type this app records");
        }
        String attended = row.get("attended").strip().toLowerCase(Locale.ROOT);
        if (!List.of("", "yes", "no", "y", "n").contains(attended)) {
            form.error("attended", "Attended must be yes or no");
        }
        // optional in a file: rows without hours record none
        Hours hours = form.optionalHours("hours", "Hours", Hours.of(24));
        if (hours != null && type.isPresent() && !type.get().workplaceExperience()) {
            form.error("hours", "Hours are counted for workplace visits, shadowing and work experience only");
        }
        return form.hasErrors()
                ? Optional.empty()
                : Optional.of(new Row(
                        new SchoolActivityRepository.Details(type.get(), provider, date, null, hours),
                        pupil.id(),
                        pupil.yearGroup(),
                        !attended.startsWith("n")));
    }

    @Override
    public String summary(CsvTable.Row row) {
        return row.get("pupil_reference") + ", " + row.get("date") + ", " + row.get("type") + ", "
                + row.get("provider");
    }
}

package uk.encounters.marketplace.register;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.encounters.marketplace.csv.CsvParser;
import uk.encounters.marketplace.csv.CsvTable;
import uk.encounters.marketplace.register.RegisterFile.LineProblem;

/**
 * The English Indices of Deprivation, file 1 (the Index of Multiple Deprivation by neighbourhood,
 * LSOA), as the government publishes it for 2019 or 2025, or an extract in snake case: each
 * neighbourhood's code and its national decile, 1 the most deprived.
 */
public record DeprivationFile(Map<String, Short> deciles, List<LineProblem> problems, List<String> missingColumns)
        implements LoadableFile {

    private static final List<String> LSOA =
            List.of("lsoa_code_2021", "lsoa_code_2011", "lsoa21cd", "lsoa11cd", "lsoa_code");
    private static final List<String> DECILE = List.of(
            "index_of_multiple_deprivation_imd_decile",
            "index_of_multiple_deprivation_imd_decile_where_1_is_most_deprived_10_of_lsoas",
            "imd_decile");

    @Override
    public int size() {
        return deciles.size();
    }

    public static DeprivationFile read(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try {
            CsvParser parser = new CsvParser(new StringReader(content), ',');
            List<String> header = parser.nextRecord();
            Map<String, Integer> byName = new HashMap<>();
            for (int i = 0; header != null && i < header.size(); i++) {
                byName.putIfAbsent(CsvTable.columnName(header.get(i)), i);
            }
            Integer lsoa = LSOA.stream()
                    .filter(byName::containsKey)
                    .findFirst()
                    .map(byName::get)
                    .orElse(null);
            Integer decile = DECILE.stream()
                    .filter(byName::containsKey)
                    .findFirst()
                    .map(byName::get)
                    .orElse(null);
            List<String> missing = new ArrayList<>();
            if (lsoa == null) {
                missing.add("LSOA code (2021)");
            }
            if (decile == null) {
                missing.add("Index of Multiple Deprivation (IMD) Decile");
            }
            if (!missing.isEmpty()) {
                return new DeprivationFile(Map.of(), List.of(), missing);
            }
            Map<String, Short> deciles = new LinkedHashMap<>();
            List<LineProblem> problems = new ArrayList<>();
            for (List<String> fields = parser.nextRecord(); fields != null; fields = parser.nextRecord()) {
                if (fields.stream().allMatch(String::isBlank)) {
                    continue;
                }
                String code = field(fields, lsoa);
                String value = field(fields, decile);
                if (!code.matches("[EW]0\\d{7}") || !value.matches("10|[1-9]")) {
                    problems.add(new LineProblem(
                            parser.recordLine(),
                            "A neighbourhood code like E01013560 and a decile from 1 to 10 are needed, not \"" + code
                                    + "\" and \"" + value + "\""));
                } else if (deciles.put(code, Short.valueOf(value)) != null) {
                    problems.add(new LineProblem(parser.recordLine(), code + " is on an earlier line too"));
                }
                if (problems.size() >= RegisterFile.MAX_PROBLEMS) {
                    break;
                }
            }
            return new DeprivationFile(deciles, problems, List.of());
        } catch (IOException e) {
            return new DeprivationFile(
                    Map.of(),
                    List.of(new LineProblem(0, "The file cannot be read as CSV: " + e.getMessage())),
                    List.of());
        }
    }

    private static String field(List<String> fields, int at) {
        return at < fields.size() ? fields.get(at).strip() : "";
    }
}

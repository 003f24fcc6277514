package uk.encounters.marketplace.csv;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small CSV file that people upload, as spreadsheets and school systems export it: a header
 * line whose names are matched whatever their case, spacing or punctuation, a byte order mark or
 * not, and commas or semicolons (Excel's choice in locales with decimal commas).
 */
public record CsvTable(List<String> columns, List<Row> rows) {

    /** A data line and the line of the file it came from, for error reports. */
    public record Row(int line, Map<String, String> values) {

        /** The trimmed field, or "" when the line is short or the column is absent. */
        public String get(String column) {
            String value = values.get(column);
            return value == null ? "" : value.strip();
        }

        public boolean blank() {
            return values.values().stream().allMatch(String::isBlank);
        }
    }

    /** The file cannot be read as CSV at all. */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message);
        }
    }

    public static CsvTable parse(String text) throws Unreadable {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String firstLine = content.lines().findFirst().orElse("");
        if (firstLine.isBlank()) {
            throw new Unreadable("The file is empty: it needs a header line naming the columns, then one line per row");
        }
        char separator = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
        try {
            CsvParser parser = new CsvParser(new StringReader(content), separator);
            List<String> header =
                    parser.nextRecord().stream().map(CsvTable::columnName).toList();
            List<Row> rows = new ArrayList<>();
            for (List<String> fields = parser.nextRecord(); fields != null; fields = parser.nextRecord()) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.putIfAbsent(header.get(i), i < fields.size() ? fields.get(i) : "");
                }
                Row row = new Row(parser.recordLine(), values);
                if (!row.blank()) {
                    rows.add(row);
                }
            }
            return new CsvTable(header, rows);
        } catch (IOException e) {
            throw new Unreadable(e.getMessage());
        }
    }

    /** The expected columns the header lacks, named as the header should name them. */
    public List<String> missing(List<String> required) {
        return required.stream().filter(c -> !columns.contains(columnName(c))).toList();
    }

    /** "Safeguarding checked until", "safeguarding-checked-until" and "SAFEGUARDING_CHECKED_UNTIL" are one column. */
    public static String columnName(String header) {
        return header.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_|_$", "");
    }

    private static long count(String line, char c) {
        return line.chars().filter(ch -> ch == c).count();
    }
}

package uk.encounters.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import uk.encounters.marketplace.csv.CsvParser;

/**
 * Reads a CSV file with a header line (RFC 4180: fields in double quotes may hold commas, line
 * breaks and doubled quotes; LF or CRLF line ends). Small and streaming, so the public data
 * files need no parser library and are never held whole in memory.
 */
final class CsvFile {

    private CsvFile() {}

    /** One data line, its fields found by header name. */
    record Row(Map<String, Integer> columns, List<String> values) {

        /** The field, or "" when the line is short or the column is absent. */
        String get(String column) {
            Integer index = columns.get(column);
            if (index == null) {
                throw new IllegalArgumentException("No column '" + column + "' in " + columns.keySet());
            }
            return index < values.size() ? values.get(index) : "";
        }

        int getInt(String column) {
            String value = get(column).trim();
            return value.isEmpty() ? 0 : (int) Math.round(Double.parseDouble(value));
        }

        double getDouble(String column) {
            String value = get(column).trim();
            return value.isEmpty() ? 0 : Double.parseDouble(value);
        }

        /** Null when the field is empty. */
        Double getNullableDouble(String column) {
            String value = get(column).trim();
            return value.isEmpty() ? null : Double.valueOf(value);
        }
    }

    static void read(Path file, Consumer<Row> rows) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read(reader, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    static void read(Reader reader, Consumer<Row> rows) throws IOException {
        CsvParser parser = new CsvParser(reader, ',');
        List<String> header = parser.nextRecord();
        if (header == null) {
            return;
        }
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            // a UTF-8 byte order mark would otherwise stick to the first column name
            columns.put(header.get(i).replace("\uFEFF", "").trim(), i);
        }
        for (List<String> values = parser.nextRecord(); values != null; values = parser.nextRecord()) {
            if (values.size() == 1 && values.get(0).isEmpty()) {
                continue;
            }
            rows.accept(new Row(columns, values));
        }
    }
}

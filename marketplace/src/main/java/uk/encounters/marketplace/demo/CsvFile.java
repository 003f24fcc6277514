package uk.encounters.marketplace.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a CSV file with a header line (RFC 4180: fields in double quotes may hold commas, line
 * breaks and doubled quotes; LF or CRLF line ends). Small and streaming, so the public data
 * files need no parser library and are never held whole in memory.
 */
final class CsvFile {

    private CsvFile() {
    }

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
        Parser parser = new Parser(reader);
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

    private static final class Parser {
        private final Reader reader;
        private int pushedBack = -2;

        Parser(Reader reader) {
            this.reader = reader;
        }

        /** The fields of the next record, or null at the end of the input. */
        List<String> nextRecord() throws IOException {
            int c = read();
            if (c == -1) {
                return null;
            }
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            while (true) {
                if (quoted) {
                    if (c == -1) {
                        throw new IOException("A quoted field is not closed before the end of the file");
                    }
                    if (c == '"') {
                        int next = read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            c = next;
                            continue;
                        }
                    } else {
                        field.append((char) c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == -1) {
                    fields.add(field.toString());
                    return fields;
                } else if (c == '\r') {
                    int next = read();
                    if (next != '\n') {
                        unread(next);
                    }
                    fields.add(field.toString());
                    return fields;
                } else {
                    field.append((char) c);
                }
                c = read();
            }
        }

        private int read() throws IOException {
            if (pushedBack != -2) {
                int c = pushedBack;
                pushedBack = -2;
                return c;
            }
            return reader.read();
        }

        private void unread(int c) {
            pushedBack = c;
        }
    }
}

package uk.encounters.marketplace.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records one at a time (RFC 4180: fields in double quotes may hold separators, line
 * breaks and doubled quotes; LF or CRLF line ends). Streaming, so large public data files are
 * never held whole in memory.
 */
public final class CsvParser {

    private final Reader reader;
    private final char separator;
    private int pushedBack = -2;
    private int line = 1;
    private int recordLine = 1;

    public CsvParser(Reader reader, char separator) {
        this.reader = reader;
        this.separator = separator;
    }

    /** The line of the file on which the record last returned began, counting from 1. */
    public int recordLine() {
        return recordLine;
    }

    /** The fields of the next record, or null at the end of the input. */
    public List<String> nextRecord() throws IOException {
        recordLine = line;
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
                    throw new IOException("A quoted field that starts on line " + recordLine + " is never closed");
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
            } else if (c == separator) {
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
        int c;
        if (pushedBack != -2) {
            c = pushedBack;
            pushedBack = -2;
        } else {
            c = reader.read();
        }
        if (c == '\n') {
            line++;
        }
        return c;
    }

    private void unread(int c) {
        if (c == '\n') {
            line--;
        }
        pushedBack = c;
    }
}

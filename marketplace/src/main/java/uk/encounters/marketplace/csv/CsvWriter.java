package uk.encounters.marketplace.csv;

import java.util.List;

/**
 * Writes CSV that spreadsheets open safely: RFC 4180 quoting, CRLF line ends, a byte order mark so
 * Excel reads UTF-8, and text that would start a formula (=, +, -, @) prefixed with an apostrophe,
 * so a reference or a provider's name can never run as a formula on a governor's laptop.
 */
public final class CsvWriter {

    private final StringBuilder out = new StringBuilder("\uFEFF");

    public CsvWriter row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    public CsvWriter row(Object... fields) {
        return row(java.util.Arrays.asList(fields));
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof CharSequence && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote =
                text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}

package uk.encounters.web.form;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.encounters.marketplace.TypedText;
import uk.encounters.marketplace.csv.CsvTable;

/**
 * A CSV upload checked row by row through the same {@link Form} rules as the form each row stands
 * in for, so a file can put nothing into the database that the form would refuse. Nothing is
 * saved while any row has errors, unless the person chooses to skip those rows.
 *
 * @param rows    every data row, with its problems
 * @param valid   what the good rows hold, in file order
 * @param problem what is wrong with the file as a whole; empty when it could be read
 */
public record CsvImport<T>(String text, List<RowReport> rows, List<T> valid, Optional<String> problem) {

    /** Enough for any one employer's or school's list; a bigger file is split. */
    public static final int MAX_ROWS = 5000;

    public record RowReport(int line, String summary, List<String> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** The row's fields renamed and reshaped into the form's, and what the row is, for the report. */
    public interface RowShape<T> {
        MultiMap fields(CsvTable.Row row);

        Optional<T> read(Form form, CsvTable.Row row);

        String summary(CsvTable.Row row);
    }

    public static <T> CsvImport<T> check(String text, List<String> requiredColumns, RowShape<T> shape) {
        // The file is held to the rule for fields of several lines, before anything in it is read.
        int refused = TypedText.LINES.firstRefused(text);
        if (refused >= 0) {
            long line =
                    text.substring(0, refused).chars().filter(c -> c == '\n').count() + 1;
            return failed(
                    "",
                    "Line " + line + " of the file holds a character that is not text (a tab, or a control"
                            + " character such as NUL). Save the file again as CSV (comma separated) from your spreadsheet.");
        }
        CsvTable table;
        try {
            table = CsvTable.parse(text);
        } catch (CsvTable.Unreadable e) {
            return failed(text, e.getMessage());
        }
        List<String> missing = table.missing(requiredColumns);
        if (!missing.isEmpty()) {
            return failed(
                    text,
                    "The header line needs the column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                            + ". It has: " + String.join(", ", table.columns()) + ".");
        }
        if (table.rows().isEmpty()) {
            return failed(text, "The file has a header line but no rows under it");
        }
        if (table.rows().size() > MAX_ROWS) {
            return failed(
                    text,
                    "The file has " + table.rows().size() + " rows; split it into files of at most " + MAX_ROWS
                            + " rows");
        }
        List<RowReport> reports = new ArrayList<>();
        List<T> valid = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            Form form = Form.of(shape.fields(row));
            Optional<T> item = shape.read(form, row);
            if (item.isPresent() && !form.hasErrors()) {
                valid.add(item.get());
            }
            reports.add(new RowReport(row.line(), shape.summary(row), form.hasErrors() ? form.messages() : List.of()));
        }
        return new CsvImport<>(text, reports, valid, Optional.empty());
    }

    /**
     * Whether to save now: only when asked to, and the file has no bad rows or the person chose to
     * skip them, and something is left to save. Otherwise the preview is shown again.
     */
    public boolean saveNow(Form form) {
        boolean save = "save".equals(form.text("action", "Action", 10));
        boolean skip = form.checked("skipBadRows");
        return save && problem.isEmpty() && (!hasBadRows() || skip) && !valid.isEmpty();
    }

    /** 200 for a first look; 422 when the file is unusable or a save was refused. */
    public int previewStatus(Form form) {
        return problem.isPresent() || "save".equals(form.text("action", "Action", 10)) ? 422 : 200;
    }

    /**
     * What templates/partials/csv-preview.hbs reads, as a page's {@code preview}: the file checked
     * row by row, and where its save form posts.
     *
     * @param carry      fields the save form posts again beside the file (a pupil's reference)
     * @param recognised what kind of file the header line showed (a school system's export), or null
     */
    public record Preview(
            String kind,
            String action,
            CsvImport<?> file,
            String problem,
            int goodRows,
            long badRows,
            boolean saveAttempted,
            List<Carried> carry,
            String recognised) {

        /** This preview saying what the file was recognised as (null: nothing to say). */
        public Preview recognisedAs(String recognised) {
            return new Preview(kind, action, file, problem, goodRows, badRows, saveAttempted, carry, recognised);
        }
    }

    /** A hidden field of the save form. */
    public record Carried(String name, String value) {}

    /** This file's preview; {@code status} as {@link #previewStatus} gave it. */
    public Preview preview(String kind, String action, int status, List<Carried> carry) {
        return new Preview(
                kind,
                action,
                this,
                problem.orElse(null),
                valid.size(),
                badRows(),
                status == 422 && problem.isEmpty(),
                carry,
                null);
    }

    public Preview preview(String kind, String action, int status) {
        return preview(kind, action, status, List.of());
    }

    public boolean hasBadRows() {
        return problem.isPresent() || rows.stream().anyMatch(r -> !r.ok());
    }

    public long badRows() {
        return rows.stream().filter(r -> !r.ok()).count();
    }

    /**
     * The CSV text a form sent: an uploaded file (read as UTF-8, or as Windows-1252 when it is not,
     * which is how Excel saves "CSV" on many school computers), else the pasted or carried-over text.
     */
    public static String textOf(RoutingContext ctx, String fileField, String textField) {
        Optional<byte[]> file = UploadForm.file(ctx, fileField);
        if (file.isPresent()) {
            return decode(file.get());
        }
        String text = ctx.request().getFormAttribute(textField);
        return text == null ? "" : text;
    }

    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    private static <T> CsvImport<T> failed(String text, String problem) {
        return new CsvImport<>(text, List.of(), List.of(), Optional.of(problem));
    }
}

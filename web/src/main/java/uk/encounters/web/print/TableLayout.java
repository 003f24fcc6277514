package uk.encounters.web.print;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Draws a {@link PrintedTable}: a shaded header row, cells wrapped in their columns, the header again on each new page. */
final class TableLayout {

    private static final float SIZE = 10;
    private static final float LEADING = 13;
    private static final float PADDING = 4;

    private final PdfPages pages;
    private final PrintedTable table;
    private final float[] widths;

    TableLayout(PdfPages pages, PrintedTable table) {
        this.pages = pages;
        this.table = table;
        int total = table.weights().stream().mapToInt(Integer::intValue).sum();
        this.widths = new float[table.weights().size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = PdfPages.CONTENT_WIDTH * table.weights().get(i) / total;
        }
    }

    void draw() {
        List<List<String>> header = cells(pages.bold, table.header());
        // a header alone at the foot of a page says nothing: keep it with the first row
        float first = table.rows().isEmpty()
                ? 0
                : height(cells(pages.regular, table.rows().getFirst()));
        pages.makeRoom(height(header) + first);
        row(pages.bold, header, 0.9f);
        for (List<String> cellsOfRow : table.rows()) {
            List<List<String>> row = cells(pages.regular, cellsOfRow);
            if (pages.makeRoom(height(row))) {
                row(pages.bold, header, 0.9f);
            }
            row(pages.regular, row, -1);
        }
    }

    private List<List<String>> cells(PDFont font, List<String> texts) {
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            cells.add(pages.wrap(font, SIZE, texts.get(i) == null ? "" : texts.get(i), widths[i] - 2 * PADDING));
        }
        return cells;
    }

    private static float height(List<List<String>> cells) {
        int lines = cells.stream().mapToInt(List::size).max().orElse(1);
        return lines * LEADING + 2 * PADDING;
    }

    /** One row, on a grey band when shade is 0-1; a thin rule under every row. */
    private void row(PDFont font, List<List<String>> cells, float shade) {
        float top = pages.y();
        float height = height(cells);
        if (shade >= 0) {
            pages.box(PdfPages.MARGIN, top, PdfPages.CONTENT_WIDTH, height, shade);
        }
        float x = PdfPages.MARGIN;
        for (int i = 0; i < cells.size(); i++) {
            float baseline = top - PADDING - SIZE;
            for (String line : cells.get(i)) {
                pages.text(font, SIZE, x + PADDING, baseline, line);
                baseline -= LEADING;
            }
            x += widths[i];
        }
        pages.box(PdfPages.MARGIN, top - height, PdfPages.CONTENT_WIDTH, 0.5f, 0.7f);
        pages.down(height);
    }
}

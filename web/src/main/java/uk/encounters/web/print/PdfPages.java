package uk.encounters.web.print;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The pen over a PDF's A4 pages: where the next line goes, a new page when the current one is full, text in the
 * two Helvetica weights made safe for their encoding, wrapping and filled boxes. PDF measures upward from the foot
 * of the page in points (1/72 inch); {@code y} here is the top of the space still free.
 */
final class PdfPages implements AutoCloseable {

    static final float PAGE_WIDTH = PDRectangle.A4.getWidth();
    static final float MARGIN = 56;
    static final float CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
    private static final float TOP = PDRectangle.A4.getHeight() - MARGIN;
    // room at the foot for "Page 1 of 3"
    private static final float BOTTOM = MARGIN + 20;

    final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final WinAnsiText safe = new WinAnsiText(regular);
    private final PDDocument document;
    private PDPageContentStream out;
    private float y;

    PdfPages(PDDocument document) {
        this.document = document;
        newPage();
    }

    float y() {
        return y;
    }

    /** Moves the pen down by the given points (a gap, or a line or row just written). */
    void down(float points) {
        y -= points;
    }

    /** Starts a new page unless the given height still fits on this one; true when a page was started. */
    boolean makeRoom(float height) {
        if (y - height >= BOTTOM || y == TOP) {
            return false;
        }
        newPage();
        return true;
    }

    void newPage() {
        try {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            out = new PDPageContentStream(document, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = TOP;
    }

    /** Writes one line with its baseline at {@code baseline}; the text is made safe first. */
    void text(PDFont font, float size, float x, float baseline, String line) {
        try {
            out.beginText();
            out.setFont(font, size);
            out.setNonStrokingColor(0.1f, 0.1f, 0.1f);
            out.newLineAtOffset(x, baseline);
            out.showText(safe.of(line));
            out.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A filled box, its top-left corner at (x, top); grey from 0 (black) to 1 (white). */
    void box(float x, float top, float width, float height, float grey) {
        try {
            out.setNonStrokingColor(grey, grey, grey);
            out.addRect(x, top - height, width, height);
            out.fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The width of the text as the font would print it. */
    float width(PDFont font, float size, String text) {
        try {
            return font.getStringWidth(safe.of(text)) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text broken into lines no wider than the width: at spaces, and inside a word too long for a line. */
    List<String> wrap(PDFont font, float size, String text, float width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.trim().split("\\s+")) {
                String tried = line.isEmpty() ? word : line + " " + word;
                if (width(font, size, tried) <= width) {
                    line.setLength(0);
                    line.append(tried);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(font, size, rest) > width && rest.length() > 1) {
                    int fit = rest.length() - 1;
                    while (fit > 1 && width(font, size, rest.substring(0, fit)) > width) {
                        fit--;
                    }
                    lines.add(rest.substring(0, fit));
                    rest = rest.substring(fit);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "Page 1 of 3" at the foot of every page, written once the number of pages is known. */
    record Numbering(PDDocument document) {

        void write() throws IOException {
            PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            int total = document.getNumberOfPages();
            for (int i = 0; i < total; i++) {
                String label = "Page " + (i + 1) + " of " + total;
                float x = (PAGE_WIDTH - font.getStringWidth(label) / 1000 * 9) / 2;
                try (PDPageContentStream foot = new PDPageContentStream(
                        document, document.getPage(i), PDPageContentStream.AppendMode.APPEND, true, true)) {
                    foot.beginText();
                    foot.setFont(font, 9);
                    foot.setNonStrokingColor(0.3f, 0.3f, 0.3f);
                    foot.newLineAtOffset(x, MARGIN - 10);
                    foot.showText(label);
                    foot.endText();
                }
            }
        }
    }
}

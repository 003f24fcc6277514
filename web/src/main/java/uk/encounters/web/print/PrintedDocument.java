package uk.encounters.web.print;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import uk.encounters.matcher.explain.DateStyle;

/**
 * A document to print, as the app writes PDFs: A4 pages in the standard Helvetica fonts (nothing embedded, so files
 * stay small), a title block at the top of the first page (the organisation's name, the document's title, "Made on
 * Tue 8 Dec 2026"), then its blocks in order, and "Page 1 of 3" at the foot of every page. The PDF's metadata gives
 * the title, the app as author and the moment it was made.
 *
 * <pre>{@code
 * byte[] pdf = PrintedDocument.builder("Derby Careers Hub", "Report for 2026/27", clock.instant(), PRODUCT_NAME)
 *         .heading("Schools")
 *         .paragraph("Twelve schools took part ...")
 *         .table(new PrintedTable(List.of("School", "Pupils"), rows, List.of(3, 1)))
 *         .barChart(new PrintedBarChart("Pupils who learnt what work is like",
 *                 List.of(PrintedBarChart.Bar.percent("Year 9", 72))))
 *         .build()
 *         .toPdf();
 * }</pre>
 *
 * Text may hold anything a person typed: what the standard fonts cannot show is replaced (curly quotes stay, other
 * look-alikes become plain, the unknown becomes '?'), never refused. The caller sends the bytes as
 * {@code application/pdf} and checks who may read them.
 */
public record PrintedDocument(
        String organisation, String title, Instant madeAt, String author, List<PrintedBlock> blocks) {

    private static final float TITLE_SIZE = 20;
    private static final float HEADING_SIZE = 14;
    private static final float TEXT_SIZE = 11;
    private static final float LEADING = 15;

    public PrintedDocument {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(madeAt, "madeAt");
        Objects.requireNonNull(author, "author");
        blocks = List.copyOf(blocks);
    }

    public static Builder builder(String organisation, String title, Instant madeAt, String author) {
        return new Builder(organisation, title, madeAt, author);
    }

    /** The document as the bytes of a PDF file. */
    public byte[] toPdf() {
        try (PDDocument pdf = new PDDocument()) {
            describe(pdf.getDocumentInformation());
            try (PdfPages pages = new PdfPages(pdf)) {
                titleBlock(pages);
                for (PrintedBlock block : blocks) {
                    draw(pages, block);
                }
            }
            new PdfPages.Numbering(pdf).write();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            pdf.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void describe(PDDocumentInformation info) {
        info.setTitle(title);
        info.setAuthor(author);
        info.setCreator(author);
        info.setSubject(organisation);
        Calendar made = GregorianCalendar.from(madeAt.atZone(DateStyle.UK));
        info.setCreationDate(made);
        info.setModificationDate(made);
    }

    private void titleBlock(PdfPages pages) {
        paragraph(pages, pages.regular, TEXT_SIZE, organisation);
        pages.down(4);
        paragraph(pages, pages.bold, TITLE_SIZE, title);
        pages.down(2);
        paragraph(
                pages,
                pages.regular,
                TEXT_SIZE,
                "Made on " + DateStyle.of(madeAt.atZone(DateStyle.UK).toLocalDate()));
        pages.down(LEADING);
    }

    private static void draw(PdfPages pages, PrintedBlock block) {
        switch (block) {
            case PrintedHeading heading -> {
                // a heading keeps company with at least two lines of what follows it
                pages.makeRoom(HEADING_SIZE * 1.4f + LEADING * 2);
                pages.down(6);
                paragraph(pages, pages.bold, HEADING_SIZE, heading.text());
                pages.down(4);
            }
            case PrintedParagraph paragraph -> {
                paragraph(pages, pages.regular, TEXT_SIZE, paragraph.text());
                pages.down(LEADING / 2);
            }
            case PrintedTable table -> {
                new TableLayout(pages, table).draw();
                pages.down(LEADING);
            }
            case PrintedBarChart chart -> {
                new BarChartLayout(pages, chart).draw();
                pages.down(LEADING / 2);
            }
        }
    }

    private static void paragraph(PdfPages pages, org.apache.pdfbox.pdmodel.font.PDFont font, float size, String text) {
        float leading = size * 1.35f;
        for (String line : pages.wrap(font, size, text, PdfPages.CONTENT_WIDTH)) {
            pages.makeRoom(leading);
            pages.text(font, size, PdfPages.MARGIN, pages.y() - size, line);
            pages.down(leading);
        }
    }

    /** Collects the blocks in the order they are printed. */
    public static final class Builder {

        private final String organisation;
        private final String title;
        private final Instant madeAt;
        private final String author;
        private final List<PrintedBlock> blocks = new ArrayList<>();

        private Builder(String organisation, String title, Instant madeAt, String author) {
            this.organisation = organisation;
            this.title = title;
            this.madeAt = madeAt;
            this.author = author;
        }

        public Builder heading(String text) {
            return add(new PrintedHeading(text));
        }

        public Builder paragraph(String text) {
            return add(new PrintedParagraph(text));
        }

        public Builder table(PrintedTable table) {
            return add(table);
        }

        public Builder barChart(PrintedBarChart chart) {
            return add(chart);
        }

        public Builder add(PrintedBlock block) {
            blocks.add(Objects.requireNonNull(block, "block"));
            return this;
        }

        public PrintedDocument build() {
            return new PrintedDocument(organisation, title, madeAt, author, blocks);
        }
    }
}

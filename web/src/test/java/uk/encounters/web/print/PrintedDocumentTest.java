package uk.encounters.web.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class PrintedDocumentTest {

    private static final Instant MADE = Instant.parse("2026-12-08T10:15:00Z");

    private static PrintedDocument everyElement(int tableRows) {
        List<List<String>> rows = IntStream.rangeClosed(1, tableRows)
                .mapToObj(i -> List.of("School number " + i, Integer.toString(i * 10), "Talk to Year " + (7 + i % 6)))
                .toList();
        return PrintedDocument.builder("Derby Careers Hub", "Report for 2026/27", MADE, "Employer Encounters")
                .heading("What happened")
                .paragraph("Acme Ltd gave twelve sessions to 340 pupils at five schools. ".repeat(8))
                .table(new PrintedTable(List.of("School", "Pupils", "Encounter"), rows, List.of(3, 1, 2)))
                .heading("What pupils said")
                .barChart(new PrintedBarChart(
                        "Pupils who said they learnt",
                        List.of(
                                PrintedBarChart.Bar.percent("What the work is like", 72),
                                new PrintedBarChart.Bar("Would consider it", 14, 20, "14 of 20"))))
                .build();
    }

    private static String text(PDDocument pdf, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pdf);
    }

    @Test
    void everyElementIsPrintedAndReadsBack() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(everyElement(3).toPdf())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            String text = text(pdf, 1);
            assertThat(text)
                    .contains("Derby Careers Hub")
                    .contains("Report for 2026/27")
                    .contains("Made on Tue 8 Dec 2026")
                    .contains("What happened")
                    .contains("Acme Ltd gave twelve sessions")
                    .contains("School number 3")
                    .contains("Pupils who said they learnt")
                    .contains("What the work is like")
                    .contains("72%")
                    .contains("14 of 20")
                    .contains("Page 1 of 1");
        }
    }

    @Test
    void metadataNamesTheTitleTheAppAndWhenItWasMade() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(everyElement(1).toPdf())) {
            var info = pdf.getDocumentInformation();
            assertThat(info.getTitle()).isEqualTo("Report for 2026/27");
            assertThat(info.getAuthor()).isEqualTo("Employer Encounters");
            assertThat(info.getCreationDate().toInstant()).isEqualTo(MADE);
        }
    }

    @Test
    void aLongTableGoesOnOverPagesRepeatingItsHeader() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(everyElement(120).toPdf())) {
            int pages = pdf.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(3);
            String second = text(pdf, 2);
            assertThat(second).contains("School").contains("Encounter").contains("Page 2 of " + pages);
            assertThat(second.indexOf("Pupils")).isLessThan(second.indexOf("School number"));
            assertThat(text(pdf, pages)).contains("School number 120").contains("Page " + pages + " of " + pages);
        }
    }

    @Test
    void theFirstPageRendersAsAnImageThatIsNotBlank() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(everyElement(5).toPdf())) {
            BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 50);
            // for a person to look at, beside the browser tests' screenshots
            java.nio.file.Path shots = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(shots);
            javax.imageio.ImageIO.write(
                    image, "png", shots.resolve("printed-document.png").toFile());
            long dark = 0;
            for (int x = 0; x < image.getWidth(); x++) {
                for (int y = 0; y < image.getHeight(); y++) {
                    if ((image.getRGB(x, y) & 0xff) < 128) {
                        dark++;
                    }
                }
            }
            // text, the table's rules and the bars: a few per cent of the page, never none
            assertThat(dark).isGreaterThan(image.getWidth() * image.getHeight() / 200);
        }
    }

    @Test
    void textTheFontsCannotShowIsReplacedNotRefused() throws IOException {
        String typed = "Zoë’s “café” — Łódź ő 😀 \u0007bell\tand\u00a0more\u2192next";
        byte[] bytes = PrintedDocument.builder(typed, typed, MADE, "Employer Encounters")
                .paragraph(typed)
                .table(new PrintedTable(List.of(typed), List.of(List.of(typed))))
                .barChart(new PrintedBarChart(typed, List.of(new PrintedBarChart.Bar(typed, 1, 0, typed))))
                .build()
                .toPdf();
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(text(pdf, 1)).contains("Zoë’s “café” — Lódz o ? bell and more->next");
        }
    }

    @Test
    void aWordLongerThanALineIsBrokenInsteadOfRunningOffThePage() throws IOException {
        String word = "x".repeat(400);
        try (PDDocument pdf = Loader.loadPDF(PrintedDocument.builder("Hub", "Title", MADE, "App")
                .paragraph(word)
                .build()
                .toPdf())) {
            assertThat(text(pdf, 1).replaceAll("\\s", "")).contains(word);
        }
    }

    @Test
    void aRowMustHaveACellForEachColumn() {
        assertThatThrownBy(() -> new PrintedTable(List.of("A", "B"), List.of(List.of("only one"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package uk.encounters.web.print;

import java.util.List;

/** Draws a {@link PrintedBarChart}: label on the left, the bar on a pale track, its value written after it. */
final class BarChartLayout {

    private static final float SIZE = 10;
    private static final float LEADING = 13;
    private static final float BAR = 10;
    private static final float GAP = 6;
    // the value written after the bar ("100%", "14 of 20") needs this much room
    private static final float VALUE_WIDTH = 60;

    private final PdfPages pages;
    private final PrintedBarChart chart;

    BarChartLayout(PdfPages pages, PrintedBarChart chart) {
        this.pages = pages;
        this.chart = chart;
    }

    void draw() {
        float labelWidth = PdfPages.CONTENT_WIDTH * 0.4f;
        float track = PdfPages.CONTENT_WIDTH - labelWidth - VALUE_WIDTH - GAP;
        if (!chart.caption().isBlank()) {
            pages.makeRoom(LEADING * 2 + BAR);
            pages.text(pages.bold, SIZE, PdfPages.MARGIN, pages.y() - SIZE, chart.caption());
            pages.down(LEADING + GAP);
        }
        for (PrintedBarChart.Bar bar : chart.bars()) {
            List<String> label = pages.wrap(pages.regular, SIZE, bar.label(), labelWidth - GAP);
            float height = Math.max(label.size() * LEADING, BAR) + GAP;
            pages.makeRoom(height);
            float top = pages.y();
            float baseline = top - SIZE;
            for (String line : label) {
                pages.text(pages.regular, SIZE, PdfPages.MARGIN, baseline, line);
                baseline -= LEADING;
            }
            float barX = PdfPages.MARGIN + labelWidth;
            pages.box(barX, top - 1, track, BAR, 0.92f);
            float length = (float) (track * bar.share());
            if (length > 0) {
                pages.box(barX, top - 1, length, BAR, 0.25f);
            }
            pages.text(pages.regular, SIZE, barX + track + GAP, top - SIZE, bar.shown());
            pages.down(height);
        }
    }
}

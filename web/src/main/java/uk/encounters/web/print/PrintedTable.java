package uk.encounters.web.print;

import java.util.List;

/**
 * A table: a header row, then rows of cells, each wrapped within its column. Columns share the width by their
 * weights (equal when no weights are given); a table longer than a page goes on over the next, its header row
 * repeated at the top.
 */
public record PrintedTable(List<String> header, List<List<String>> rows, List<Integer> weights)
        implements PrintedBlock {

    public PrintedTable {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
        weights = weights.isEmpty() ? header.stream().map(h -> 1).toList() : List.copyOf(weights);
        if (header.isEmpty()
                || weights.size() != header.size()
                || weights.stream().anyMatch(w -> w <= 0)) {
            throw new IllegalArgumentException("a table needs a header and one positive weight a column");
        }
        for (List<String> row : rows) {
            if (row.size() != header.size()) {
                throw new IllegalArgumentException("a row has " + row.size() + " cells, the header " + header.size());
            }
        }
    }

    /** Columns of equal width. */
    public PrintedTable(List<String> header, List<List<String>> rows) {
        this(header, rows, List.of());
    }
}

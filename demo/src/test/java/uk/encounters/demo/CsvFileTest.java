package uk.encounters.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFileTest {

    private static List<CsvFile.Row> rows(String text) throws IOException {
        List<CsvFile.Row> rows = new ArrayList<>();
        CsvFile.read(new StringReader(text), rows::add);
        return rows;
    }

    @Test
    void readsQuotedFieldsHoldingCommasDoubledQuotesAndLineBreaks() throws IOException {
        List<CsvFile.Row> rows = rows("urn,name,note\n"
                + "1,\"Saint Benedict, A Catholic Voluntary Academy\",\"the \"\"old\"\" site\"\n"
                + "2,\"Two\nlines\",\n");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("name")).isEqualTo("Saint Benedict, A Catholic Voluntary Academy");
        assertThat(rows.get(0).get("note")).isEqualTo("the \"old\" site");
        assertThat(rows.get(1).get("name")).isEqualTo("Two\nlines");
        assertThat(rows.get(1).get("note")).isEmpty();
    }

    @Test
    void readsWindowsLineEndsAndAFinalLineWithoutOne() throws IOException {
        List<CsvFile.Row> rows = rows("year,area\r\n2022,Derby\r\n2022,\"Bristol, City of\"");

        assertThat(rows).extracting(row -> row.get("area")).containsExactly("Derby", "Bristol, City of");
        assertThat(rows.get(0).getInt("year")).isEqualTo(2022);
    }

    @Test
    void treatsMissingTrailingFieldsAsEmptyAndRefusesUnknownColumns() throws IOException {
        CsvFile.Row row = rows("a,b,c\n1,2\n").get(0);

        assertThat(row.get("c")).isEmpty();
        assertThat(row.getNullableDouble("c")).isNull();
        assertThatThrownBy(() -> row.get("d")).hasMessageContaining("No column 'd'");
    }
}

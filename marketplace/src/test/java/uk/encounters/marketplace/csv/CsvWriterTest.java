package uk.encounters.marketplace.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void fieldsAreQuotedWhereNeededAndFormulasAreDisarmed() throws Exception {
        String csv = new CsvWriter()
                .row("reference", "provider", "count")
                .row("=HYPERLINK(\"x\")", "Smith, Jones & \"Co\"", 3)
                .row("-5", null, -5)
                .toString();

        assertThat(csv).startsWith("\uFEFFreference,provider,count\r\n");
        assertThat(csv).contains("\"'=HYPERLINK(\"\"x\"\")\",\"Smith, Jones & \"\"Co\"\"\",3\r\n");
        assertThat(csv)
                .as("numbers stay numbers; text that looks like one is disarmed")
                .endsWith("'-5,,-5\r\n");
        CsvTable back = CsvTable.parse(csv);
        assertThat(back.rows().getFirst().get("provider")).isEqualTo("Smith, Jones & \"Co\"");
        assertThat(Arrays.asList(back.columns().toArray())).containsExactly("reference", "provider", "count");
    }
}

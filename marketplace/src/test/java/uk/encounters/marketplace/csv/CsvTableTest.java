package uk.encounters.marketplace.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void headerNamesMatchWhateverTheirCaseSpacingOrPunctuation() throws Exception {
        CsvTable table = CsvTable.parse("\uFEFF Safeguarding checked-until ,E-MAIL,Name\n2027-01-01,a@b.example,Ann\n");

        assertThat(table.columns()).containsExactly("safeguarding_checked_until", "e_mail", "name");
        assertThat(table.rows().getFirst().get("name")).isEqualTo("Ann");
        assertThat(table.missing(List.of("name", "email"))).containsExactly("email");
    }

    @Test
    void semicolonsAreTheSeparatorWhenTheHeaderUsesThem() throws Exception {
        CsvTable table = CsvTable.parse("name;note\r\nAnn;\"one, two; three\"\r\n");

        assertThat(table.rows().getFirst().get("note")).isEqualTo("one, two; three");
    }

    @Test
    void rowsKnowTheLineTheyStartOnPastQuotedLineBreaksAndBlankLines() throws Exception {
        CsvTable table = CsvTable.parse("name,note\nAnn,\"first\nsecond\"\n\n,\nBo,\"say \"\"hi\"\"\"\nCy");

        assertThat(table.rows()).extracting(CsvTable.Row::line).containsExactly(2, 6, 7);
        assertThat(table.rows().get(0).get("note")).isEqualTo("first\nsecond");
        assertThat(table.rows().get(1).get("note")).isEqualTo("say \"hi\"");
        assertThat(table.rows().get(2).get("note")).as("a short line").isEmpty();
    }

    @Test
    void anEmptyFileOrAnUnclosedQuoteIsUnreadableWithAReason() {
        assertThatThrownBy(() -> CsvTable.parse("  \n"))
                .isInstanceOf(CsvTable.Unreadable.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> CsvTable.parse("name\n\"Ann\nBo\n"))
                .isInstanceOf(CsvTable.Unreadable.class)
                .hasMessageContaining("line 2");
    }
}

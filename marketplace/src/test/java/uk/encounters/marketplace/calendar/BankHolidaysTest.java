package uk.encounters.marketplace.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BankHolidaysTest {

    @Test
    void theShippedFileHasEightBankHolidaysEachYearFrom2024To2028() {
        BankHolidays shipped = BankHolidays.shipped();

        assertThat(shipped.perYear()).containsOnlyKeys(2024, 2025, 2026, 2027, 2028);
        assertThat(shipped.perYear().values()).containsOnly(8L);
        assertThat(shipped.days())
                .containsEntry(LocalDate.of(2026, 12, 28), "Boxing Day")
                .containsEntry(LocalDate.of(2027, 3, 26), "Good Friday")
                .containsEntry(LocalDate.of(2028, 1, 3), "New Year’s Day")
                .containsEntry(LocalDate.of(2028, 4, 17), "Easter Monday")
                .containsEntry(LocalDate.of(2028, 8, 28), "Summer bank holiday");
    }

    @Test
    void onlyTheEnglandAndWalesDivisionIsRead() throws BankHolidays.Invalid {
        BankHolidays days = BankHolidays.parse("""
                {"england-and-wales": {"division": "england-and-wales", "events": [
                  {"title": "Spring bank holiday", "date": "2029-05-28", "notes": "", "bunting": true}]},
                 "scotland": {"division": "scotland", "events": [
                  {"title": "St Andrew’s Day", "date": "2029-11-30", "notes": "", "bunting": true}]}}
                """);

        assertThat(days.days()).containsOnlyKeys(LocalDate.of(2029, 5, 28));
    }

    @Test
    void aFileNotInGovUksShapeIsRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> BankHolidays.parse("Date,Title")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> BankHolidays.parse("{\"scotland\": {\"events\": []}}"))
                .hasMessageContaining("\"england-and-wales\"");
        assertThatThrownBy(() -> BankHolidays.parse(events("{\"title\": \"Boxing Day\", \"date\": \"26/12/2029\"}")))
                .hasMessageContaining("Event 1 (Boxing Day) needs a date like 2027-05-31");
        assertThatThrownBy(() -> BankHolidays.parse(events("{\"title\": \"Boxing\\tDay\", \"date\": \"2029-12-26\"}")))
                .hasMessageContaining("Event 1 needs a title of one line");
        assertThatThrownBy(() -> BankHolidays.parse(events("{\"title\": \"Boxing Day\", \"date\": \"2029-12-26\"},"
                        + " {\"title\": \"Again\", \"date\": \"2029-12-26\"}")))
                .hasMessageContaining("repeats the date 2029-12-26");
        assertThatThrownBy(() -> BankHolidays.parse(events(""))).hasMessageContaining("lists no bank holidays");
    }

    private static String events(String events) {
        return "{\"england-and-wales\": {\"division\": \"england-and-wales\", \"events\": [" + events + "]}}";
    }
}

package uk.encounters.web.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TypedDateTest {

    static final LocalDate IDES_OF_MARCH = LocalDate.of(2027, 3, 15);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "15/03/2027",
                "15/3/2027",
                "15-03-2027",
                "15.03.2027",
                "15 March 2027",
                "15 Mar 2027",
                "15 mar 2027",
                "15th March 2027",
                "Mon 15 Mar 2027",
                "Monday, 15 March 2027",
                "2027-03-15",
                " 15/03/2027 "
            })
    void readsTheWaysPeopleInTheUkWriteADate(String typed) {
        assertThat(TypedDate.parse(typed)).contains(IDES_OF_MARCH);
    }

    @Test
    void readsTheDayFirst() {
        assertThat(TypedDate.parse("03/04/2027")).contains(LocalDate.of(2027, 4, 3));
    }

    @Test
    void readsSeptemberAsTheUkShortensIt() {
        assertThat(TypedDate.parse("8 Sept 2026")).contains(LocalDate.of(2026, 9, 8));
        assertThat(TypedDate.parse("8 Sep 2026")).contains(LocalDate.of(2026, 9, 8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "next tuesday", "31/02/2027", "15/13/2027", "15 Marchember 2027", "15/03/27", "2027-3"})
    void refusesWhatIsNotARealDate(String typed) {
        assertThat(TypedDate.parse(typed)).isEmpty();
    }
}

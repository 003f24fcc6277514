package uk.encounters.web.employer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.statement.EmployerYear;

class StatementFileNameTest {

    static EmployerYear of(String employer) {
        return new EmployerYear(
                1,
                employer,
                "Derby Careers Hub",
                new AcademicYear(2026),
                0,
                0,
                0,
                0,
                BigDecimal.ZERO,
                0,
                new EmployerYear.PupilAnswers(0, 0, 0, 0),
                new EmployerYear.SchoolRatings(0, null),
                List.of());
    }

    @Test
    void theFileIsNamedForTheEmployerAndTheYearInPlainLetters() {
        assertThat(StatementRoutes.fileName(of("Acme Ltd"))).isEqualTo("acme-ltd-2026-27-statement.pdf");
        assertThat(StatementRoutes.fileName(of("Café & Søn, Ltd."))).isEqualTo("cafe-s-n-ltd-2026-27-statement.pdf");
        assertThat(StatementRoutes.fileName(of("東京"))).isEqualTo("employer-2026-27-statement.pdf");
    }
}

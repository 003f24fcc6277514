package uk.encounters.matcher.solver;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.matcher.SmallHub.*;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.solver.EnvironmentMode;
import uk.encounters.matcher.domain.Cohort;
import uk.encounters.matcher.domain.Employer;
import uk.encounters.matcher.domain.MatchingProblem;
import uk.encounters.matcher.domain.ProblemBuilder;
import uk.encounters.matcher.domain.School;

class SmallSolveTest {

    @Test
    void solvesASmallHubInFullAssertMode() {
        School a = school(1, "Alvaston Academy", ALVASTON);
        School b = coldSpotSchool(2, "Mickleover School", MICKLEOVER);
        Cohort a9 = cohort(a, 9, 180, 40);
        Cohort b9 = cohort(b, 9, 150, 60);
        Employer rolls = employer(1, "Rolls-Royce");
        Employer smith = employer(2, "Smith & Co");
        MatchingProblem problem = new ProblemBuilder(MONDAY, MONDAY.plusDays(4),
                ProblemBuilder.weekdays(MONDAY, MONDAY.plusDays(4)), MatchingWeights.defaultWeights())
                .offer(talk(1, rolls, volunteer(1, "Ann"), MONDAY, MONDAY.plusDays(1)))
                .offer(talk(2, smith, volunteer(2, "Bob"), MONDAY))
                .request(talkRequest(1, a9, 60, 2))
                .request(talkRequest(2, b9, 60, 2))
                .build();
        SolverSettings settings = new SolverSettings(Duration.ofSeconds(3), null, EnvironmentMode.FULL_ASSERT);
        MatchingProblem solved = SolverFactory.<MatchingProblem>create(settings.toSolverConfig())
                .buildSolver().solve(problem);
        assertThat(solved.score().isFeasible()).isTrue();
        assertThat(solved.sessions()).filteredOn(s -> s.matched()).hasSize(2);
    }
}

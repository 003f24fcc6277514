package uk.encounters.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemoAreaTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void knowsTheOpportunityAreasAndEngland() {
        assertThat(DemoData.areas())
                .containsExactly("derby", "blackpool", "doncaster", "norwich", "west-somerset", "england");
    }

    @Test
    void refusesAnUnknownAreaNamingTheKnownOnes() {
        assertThatThrownBy(() -> DemoData.generate("atlantis", 1, TODAY, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown area 'atlantis'")
                .hasMessageContaining("derby, blackpool, doncaster, norwich, west-somerset, england");
    }

    @Test
    void refusesAnAreaThatNeedsThePublicDataWhenThereIsNone() {
        assertThatThrownBy(() -> DemoData.generate("blackpool", 1, TODAY, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("only 'derby' can be generated");
    }

    @Test
    void makesDerbyWithoutThePublicData() {
        assertThat(DemoData.generate("Derby", 1, TODAY, Optional.empty()))
                .singleElement()
                .satisfies(hub -> assertThat(hub.profile().name()).isEqualTo("Derby Careers Hub"));
    }
}

package uk.encounters.marketplace.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeprivationFileTest {

    @Test
    void fileOneOfTheIndicesReadsEachNeighbourhoodsDecile() {
        DeprivationFile file = DeprivationFile.read(RegisterExcerpt.derbyDeprivation());

        assertThat(file.loadable()).isTrue();
        assertThat(file.deciles())
                .hasSize(151)
                .containsEntry("E01013499", (short) 2)
                .containsEntry("E01013544", (short) 10);
    }

    @Test
    void theSnakeCaseExtractIsReadToo() {
        DeprivationFile file = DeprivationFile.read("lsoa11cd,lsoa11nm,imd_decile\nE01013499,Derby 028C,2\n");

        assertThat(file.deciles()).containsExactly(java.util.Map.entry("E01013499", (short) 2));
    }

    @Test
    void anotherFileOrABadLineLoadsNothing() {
        assertThat(DeprivationFile.read("urn,name\n1,A\n").missingColumns())
                .containsExactly("LSOA code (2021)", "Index of Multiple Deprivation (IMD) Decile");
        DeprivationFile bad = DeprivationFile.read(
                "LSOA code (2021),Index of Multiple Deprivation (IMD) Decile\nE01013499,2\nE01013500,11\nE01013499,3\n");
        assertThat(bad.loadable()).isFalse();
        assertThat(bad.problems()).extracting(RegisterFile.LineProblem::line).containsExactly(3, 4);
    }
}

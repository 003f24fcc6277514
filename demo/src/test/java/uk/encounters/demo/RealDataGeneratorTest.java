package uk.encounters.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Generation from the public data in shared/data. Skipped, with the reason, on a machine
 * without it (the parametric tests run everywhere).
 */
class RealDataGeneratorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static Path data;
    private static DemoHub derby;

    @BeforeAll
    static void generateDerby() {
        Optional<Path> located = SharedData.locate();
        if (located.isPresent()) {
            data = located.get();
            derby = DemoData.generate("derby", 42, TODAY, located).get(0);
        }
    }

    /** Each test is reported as skipped, with the reason, rather than the class vanishing from the report. */
    @BeforeEach
    void needsThePublicData() {
        Assumptions.assumeTrue(
                data != null,
                "shared/data not found (set SHARED_DATA_DIR): tests of generation from public data skipped");
    }

    /** The census rows of Derby (LA 831), read here independently of the generator. */
    private static Map<Integer, CsvFile.Row> derbyCensusRows() {
        Map<Integer, CsvFile.Row> rows = new HashMap<>();
        CsvFile.read(data.resolve(SharedData.SCHOOL_CENSUS), row -> {
            if (row.get("old_la_code").equals("831")
                    && (!row.get("phase_type_grouping").equals("State-funded primary")
                            || row.getInt("pupils_y7_13") >= 10)) {
                rows.put(row.getInt("urn"), row);
            }
        });
        return rows;
    }

    @Test
    void derbySchoolsAreTheDerbyRowsOfTheSchoolCensus() {
        Map<Integer, CsvFile.Row> census = derbyCensusRows();

        assertThat(derby.schools()).extracting(SchoolProfile::urn).containsExactlyInAnyOrderElementsOf(census.keySet());
        assertThat(derby.schools()).hasSize(24);
        assertThat(derby.profile().name()).isEqualTo("Derby Careers Hub");
        assertThat(derby.profile().area()).isEqualTo("derby");
    }

    @Test
    void pupilsOfEachSchoolAndYearGroupEqualTheCensusCounts() {
        Map<Integer, CsvFile.Row> census = derbyCensusRows();
        Map<String, Integer> generated = new HashMap<>();
        derby.forEachPupil(pupil ->
                generated.merge(derby.schools().get(pupil.school()).urn() + "/" + pupil.yearGroup(), 1, Integer::sum));

        census.forEach((urn, row) -> {
            for (int year = 7; year <= 13; year++) {
                assertThat(generated.getOrDefault(urn + "/" + year, 0))
                        .as("URN %d Year %d", urn, year)
                        .isEqualTo(row.getInt("pupils_y" + year));
            }
        });
    }

    @Test
    void disadvantagedShareOfEachSchoolTracksItsFreeSchoolMeals() {
        int[][] counts = new int[derby.schools().size()][2];
        derby.forEachPupil(pupil -> {
            counts[pupil.school()][1]++;
            counts[pupil.school()][0] += pupil.disadvantaged() ? 1 : 0;
        });
        for (int s = 0; s < counts.length; s++) {
            SchoolProfile school = derby.schools().get(s);
            if (counts[s][1] < 100) {
                continue; // a handful of pupils cannot show a percentage
            }
            double fsm = school.freeSchoolMealsPercent() / 100;
            assertThat((double) counts[s][0] / counts[s][1])
                    .as(school.name())
                    .isBetween(fsm - 0.01, Math.min(0.98, fsm * 1.15) + 0.02);
        }
    }

    @Test
    void employerSectorMixTracksDerbysBusinessCounts() {
        EnterpriseCounts counts = BusinessCounts.read(SharedData.at(data), "ladu", "Derby");
        Map<String, Double> engaged = new HashMap<>();
        counts.bySector()
                .forEach((sector, bands) -> bands.forEach((band, count) ->
                        engaged.merge(sector, count * EmployerGenerator.ENGAGED_SHARE.get(band), Double::sum)));
        double engagedTotal =
                engaged.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Long> generated = derby.employers().stream()
                .collect(Collectors.groupingBy(DemoHub.Employer::sector, Collectors.counting()));

        assertThat(generated.keySet()).isSubsetOf(engaged.keySet()).contains("Manufacturing", "Health");
        engaged.forEach((sector, expected) -> assertThat(generated.getOrDefault(sector, 0L)
                        / (double) derby.employers().size())
                .as(sector)
                .isCloseTo(expected / engagedTotal, within(0.02)));
    }

    @Test
    void derbyDeprivationDecilesComeFromTheSchoolsNeighbourhoods() {
        SchoolProfile littleover = derby.schools().stream()
                .filter(s -> s.urn() == 112956)
                .findFirst()
                .orElseThrow();
        Map<String, Integer> deciles = new HashMap<>();
        CsvFile.read(data.resolve(SharedData.DEPRIVATION), row -> {
            if (row.get("lsoa11nm").equals(littleover.neighbourhood())) {
                deciles.put(row.get("lsoa11nm"), row.getInt("imd_decile"));
            }
        });

        assertThat(littleover.neighbourhood()).startsWith("Derby ");
        assertThat(littleover.deprivationDecile()).isEqualTo(deciles.get(littleover.neighbourhood()));
        assertThat(derby.schools())
                .filteredOn(s -> s.deprivationDecile() != null)
                .hasSizeGreaterThan(20);
    }

    @Test
    void westSomersetIsTheThreeSchoolsOfTheFormerDistrictWithAShareOfItsBusinesses() {
        HubProfile westSomerset =
                DemoArea.WEST_SOMERSET.hubs(SharedData.at(data)).get(0);
        assertThat(westSomerset.schools())
                .extracting(SchoolProfile::name)
                .containsExactlyInAnyOrder(
                        "Minehead Middle School",
                        "West Somerset College",
                        "Danesfield Church of England Voluntary Controlled Community Middle School");
        EnterpriseCounts district = BusinessCounts.read(SharedData.at(data), "ladu", "Somerset West and Taunton");
        assertThat(westSomerset.enterprises().total() / district.total()).isBetween(0.15, 0.35);
    }

    @Test
    void norwichBlackpoolAndDoncasterTakeTheirCensusSchools() {
        SharedData shared = SharedData.at(data);
        assertThat(DemoArea.NORWICH.hubs(shared).get(0).schools())
                .hasSize(14)
                .allSatisfy(s -> assertThat(s.district()).isEqualTo("Norwich"));
        assertThat(DemoArea.BLACKPOOL.hubs(shared).get(0).schools()).hasSize(13);
        assertThat(DemoArea.DONCASTER.hubs(shared).get(0).schools()).hasSize(28);
    }

    @Test
    void englandHasOneHubPerLocalAuthorityWithEnterprisesInProportionToPupils() {
        List<HubProfile> hubs = DemoArea.ENGLAND.hubs(Optional.of(SharedData.at(data)), 42);
        List<String> authorities = new ArrayList<>();
        CsvFile.read(data.resolve(SharedData.SCHOOL_CENSUS), row -> authorities.add(row.get("la_name")));

        assertThat(hubs).hasSize((int) authorities.stream().distinct().count());
        assertThat(hubs)
                .extracting(HubProfile::name)
                .contains("Derby Careers Hub", "Kingston upon Hull Careers Hub")
                .doesNotHaveDuplicates();
        assertThat(hubs).allSatisfy(hub -> assertThat(hub.area()).isEqualTo("england"));
        assertThat(hubs.stream().mapToInt(HubProfile::pupils).sum()).isGreaterThan(3_500_000);
        HubProfile kent = hubs.stream()
                .filter(h -> h.name().equals("Kent Careers Hub"))
                .findFirst()
                .orElseThrow();
        HubProfile derbyHub = hubs.stream()
                .filter(h -> h.name().equals("Derby Careers Hub"))
                .findFirst()
                .orElseThrow();
        assertThat(kent.enterprises().total() / derbyHub.enterprises().total())
                .isCloseTo((double) kent.pupils() / derbyHub.pupils(), within(0.001));
    }
}

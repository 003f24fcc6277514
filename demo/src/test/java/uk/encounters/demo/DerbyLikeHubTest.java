package uk.encounters.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hub made from the seed documents' figures alone, for machines without the public data. */
class DerbyLikeHubTest {

    private static DemoHub hub;

    @BeforeAll
    static void generate() {
        hub = DemoData.generate("derby", 42, LocalDate.of(2026, 11, 23), Optional.empty())
                .get(0);
    }

    @Test
    void hasTwentyTwoSchoolsWithinAboutSevenKilometresOfDerby() {
        assertThat(hub.schools()).hasSize(22);
        assertThat(hub.schools()).allSatisfy(school -> {
            double km = Math.hypot(
                    (school.latitude() - 52.9225) * 111.2,
                    (school.longitude() + 1.4746) * 111.2 * Math.cos(Math.toRadians(52.9225)));
            assertThat(km).isLessThanOrEqualTo(7.1);
            assertThat(school.postcode()).matches("DE\\d{1,2} \\d[A-Z]{2}");
        });
    }

    @Test
    void hasAboutThreeThousandPupilsInEachOfYearsSevenToEleven() {
        for (int year = 7; year <= 11; year++) {
            int yearGroup = year;
            int pupils = hub.schools().stream()
                    .mapToInt(school -> school.pupilsIn(yearGroup))
                    .sum();
            assertThat(pupils).as("Year %d", year).isBetween(2850, 3150);
        }
    }

    @Test
    void hasTwoSpecialSchoolsAndSmallerSixthFormsAtOnlySomeSchools() {
        assertThat(hub.schools())
                .filteredOn(school -> school.phase().equals("special"))
                .hasSize(2);
        long withSixthForm =
                hub.schools().stream().filter(school -> school.pupilsIn(12) > 0).count();
        assertThat(withSixthForm).isBetween(5L, 16L);
        int year11 =
                hub.schools().stream().mapToInt(school -> school.pupilsIn(11)).sum();
        int year12 =
                hub.schools().stream().mapToInt(school -> school.pupilsIn(12)).sum();
        assertThat(year12).isLessThan(year11 / 2);
    }

    @Test
    void spreadsFreeSchoolMealsFromAboutTenToSixtyPercentWithDeprivedNeighbourhoodsCommonest() {
        assertThat(hub.schools())
                .allSatisfy(
                        school -> assertThat(school.freeSchoolMealsPercent()).isBetween(8.0, 63.0));
        double spread = hub.schools().stream()
                        .mapToDouble(SchoolProfile::freeSchoolMealsPercent)
                        .max()
                        .orElseThrow()
                - hub.schools().stream()
                        .mapToDouble(SchoolProfile::freeSchoolMealsPercent)
                        .min()
                        .orElseThrow();
        assertThat(spread).isGreaterThan(30);
        long deprivedHalf = hub.schools().stream()
                .filter(school -> school.deprivationDecile() <= 5)
                .count();
        assertThat(deprivedHalf).isGreaterThan(11);
    }

    @Test
    void mixesEmployerSectorsLikeDerbysJobs() {
        Map<String, Long> bySector = hub.employers().stream()
                .collect(Collectors.groupingBy(DemoHub.Employer::sector, Collectors.counting()));
        double employers = hub.employers().size();
        assertThat(bySector.get("Manufacturing") / employers).isCloseTo(0.199, within(0.02));
        assertThat(bySector.get("Health") / employers).isCloseTo(0.154, within(0.02));
        assertThat(bySector.get("Retail") / employers).isCloseTo(0.125, within(0.02));
        assertThat(bySector.get("Construction") / employers).isCloseTo(0.029, within(0.02));
    }

    @Test
    void engagesAboutTwoHundredAndFiftyEmployersWithAboutEightHundredAndFiftyVolunteers() {
        assertThat(hub.employers()).hasSizeBetween(230, 300);
        assertThat(hub.volunteers()).hasSizeBetween(750, 1000);
        assertThat(hub.employers()).filteredOn(DemoHub.Employer::cornerstone).hasSizeBetween(4, 8);
    }
}

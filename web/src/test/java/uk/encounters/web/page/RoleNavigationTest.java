package uk.encounters.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.encounters.marketplace.account.Account;
import uk.encounters.marketplace.account.Scope;

class RoleNavigationTest {

    static Account with(Scope... scopes) {
        return new Account(1, "p@example.org", "P", List.of(scopes), null, false);
    }

    @Test
    void aVisitorGetsTheHomePagesSections() {
        assertThat(RoleNavigation.of(null, "/"))
                .extracting(RoleNavigation.Link::href)
                .containsExactly("/#schools", "/#employers", "/#coordinators");
    }

    @Test
    void aCareersLeaderGetsTheirSchoolsPagesAndLandsOnItsProgress() {
        Account carla = with(Scope.careersLeader(7));
        assertThat(RoleNavigation.of(carla, "/schools/7/bookings"))
                .containsExactly(
                        new RoleNavigation.Link("Progress", "/schools/7/progress", false),
                        new RoleNavigation.Link("Requests", "/schools/7/requests", false),
                        new RoleNavigation.Link("Events", "/schools/7/events", false),
                        new RoleNavigation.Link("Bookings", "/schools/7/bookings", true),
                        new RoleNavigation.Link("Pupils", "/schools/7/pupils", false));
        assertThat(RoleNavigation.home(carla)).isEqualTo("/schools/7/progress");
    }

    @Test
    void aCoordinatorLandsOnTheDashboardAnEmployerOnItsPageAndSeveralPlacesOnTheAccountPage() {
        assertThat(RoleNavigation.home(with(Scope.coordinator(3)))).isEqualTo("/hubs/3/dashboard");
        assertThat(RoleNavigation.of(with(Scope.coordinator(3)), ""))
                .extracting(RoleNavigation.Link::label)
                .containsExactly(
                        "Dashboard", "Matching round", "Events", "Schools", "Organisations", "People", "Feedback");
        assertThat(RoleNavigation.home(with(Scope.employer(9)))).isEqualTo("/employers/9");
        Account both = with(Scope.employer(9), Scope.employer(10));
        assertThat(RoleNavigation.home(both)).isEqualTo("/account");
        assertThat(RoleNavigation.of(both, ""))
                .extracting(RoleNavigation.Link::label)
                .containsExactly("Your organisations");
        assertThat(RoleNavigation.home(with(Scope.admin()))).isEqualTo("/admin");
    }
}

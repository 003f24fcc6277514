package uk.encounters.web.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.RunningApp;
import uk.encounters.web.Visitor;
import uk.encounters.web.account.Links;

class DemoSignInsTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @Test
    void eachPrintedLinkSignsInAsItsRoleAndARestartPrintsFreshOnes() {
        TestData data = new TestData(db.dsl());
        long hub = data.hub("Derby Careers Hub");
        data.pupil(data.school(hub, "Littleover Community School"), 9);
        data.employer(hub, "Rolls Royce");
        DemoSignIns demo = new DemoSignIns(db.database(), new Links("http://localhost:8080"), Clock.systemUTC());

        List<DemoSignIns.SignInLink> links = demo.issue();
        List<DemoSignIns.SignInLink> again = demo.issue();

        assertThat(links)
                .extracting(DemoSignIns.SignInLink::role)
                .containsExactly("Administrator", "Enterprise coordinator", "Careers leader", "Employer");
        assertThat(again)
                .extracting(DemoSignIns.SignInLink::url)
                .doesNotContainAnyElementsOf(
                        links.stream().map(DemoSignIns.SignInLink::url).toList());
        try (RunningApp app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23))) {
            List<String> expected = List.of(
                    "Administer hubs",
                    "Enterprise coordinator for Derby Careers Hub",
                    "Careers leader at Littleover Community School",
                    "Contact for Rolls Royce");
            for (int i = 0; i < links.size(); i++) {
                Visitor visitor = new Visitor(app);
                String path = URI.create(links.get(i).url()).getPath();
                visitor.get(path);
                assertThat(visitor.post(path, java.util.Map.of()).statusCode()).isEqualTo(302);
                assertThat(visitor.get("/account").body()).contains(expected.get(i));
            }
        }
    }
}

package uk.encounters.web.home;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.hub.HubRepository;
import uk.encounters.marketplace.hub.HubSummary;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Blocking;
import uk.encounters.web.Waiting;

class HomeFiguresTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    final Vertx vertx = Vertx.vertx();

    @AfterEach
    void stop() {
        vertx.close().await();
    }

    @Test
    void freshFiguresAreShownAgainWithoutReadingTheDatabase() {
        new TestData(db.dsl()).hub("Derby Careers Hub");
        HomeFigures figures = new HomeFigures(new HubRepository(db.dsl()), new Blocking(vertx), Duration.ofHours(1));
        assertThat(names(figures.on(TODAY))).contains("Derby Careers Hub");

        new TestData(db.dsl()).hub("Norfolk Careers Hub");

        assertThat(names(figures.on(TODAY))).doesNotContain("Norfolk Careers Hub");
    }

    @Test
    void dueFiguresAreReadInTheBackgroundWhileTheOldOnesAreShown() {
        HomeFigures figures = new HomeFigures(new HubRepository(db.dsl()), new Blocking(vertx), Duration.ZERO);
        figures.on(TODAY);
        new TestData(db.dsl()).hub("Blackpool Careers Hub");

        assertThat(names(figures.on(TODAY))).as("shown at once, from before").doesNotContain("Blackpool Careers Hub");
        assertThat(eventually(figures, TODAY, names -> names.contains("Blackpool Careers Hub")))
                .isTrue();
    }

    @Test
    void aNewDayIsReadAgainEvenWhenTheFiguresAreRecent() {
        HomeFigures figures = new HomeFigures(new HubRepository(db.dsl()), new Blocking(vertx), Duration.ofHours(1));
        figures.on(TODAY);
        new TestData(db.dsl()).hub("Doncaster Careers Hub");

        assertThat(eventually(figures, TODAY.plusDays(1), names -> names.contains("Doncaster Careers Hub")))
                .isTrue();
    }

    /** Asks for the figures until they pass, for up to ten seconds. */
    private static boolean eventually(HomeFigures figures, LocalDate day, Predicate<List<String>> passes) {
        return Waiting.becomesTrue(Duration.ofSeconds(10), () -> passes.test(names(figures.on(day))));
    }

    private static List<String> names(List<HubSummary> hubs) {
        return hubs.stream().map(HubSummary::name).toList();
    }
}

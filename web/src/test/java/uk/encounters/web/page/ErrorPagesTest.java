package uk.encounters.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.RunningApp;

class ErrorPagesTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    static RunningApp app;

    @BeforeAll
    static void start() {
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void anUnknownAddressGetsANotFoundPageInTheLayout() {
        var page = app.get("/no-such-page");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("<h1>Page not found</h1>").contains("Skip to main content");
    }

    @Test
    void healthAnswersWithoutTouchingTheDatabase() {
        var health = app.get("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok\n");
    }

    @Test
    void theStylesheetIsServed() {
        var css = app.get("/static/site.css");

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/css"));
    }
}

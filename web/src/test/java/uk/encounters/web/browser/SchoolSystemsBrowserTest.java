package uk.encounters.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;

/** A careers leader finds the school's systems on a phone: linking Wonde, and the file for Compass+. */
@Tag("browser")
class SchoolSystemsBrowserTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final Browser browser = new Browser();

    static RunningApp app;
    static long school;

    @BeforeAll
    static void start() {
        TestData data = new TestData(db.dsl());
        school = data.school(data.hub("Derby Careers Hub"), "Bemrose School");
        Accounts.create(db.dsl(), "lee@bemrose.example", "Lee", Scope.careersLeader(school));
        // Wonde offered (nothing is pulled here: the page only)
        app = RunningApp.start(
                db.database(),
                LocalDate.of(2026, 11, 23),
                Map.of("WONDE_API_TOKEN", "test-token-not-real", "WONDE_API_URL", "http://127.0.0.1:9/v1.0"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theWondeLinkAndTheCompassPlusFileFitAPhone() {
        WebDriver driver = browser.driver();
        browser.signIn(app, "lee@bemrose.example", "/schools/" + school + "/pupils");

        assertThat(driver.findElement(By.id("wonde")).getText()).isEqualTo("Pupils from Wonde");
        browser.onAPhone("pupils-wonde-phone", By.id("wonde"));

        driver.get(app.url("/schools/" + school + "/evidence/compass-plus"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Encounters for Compass+");
        browser.screenshot("compass-plus-1280");
        browser.onAPhone("compass-plus-phone", By.xpath("//button[normalize-space()='Download the Compass+ file']"));
    }
}

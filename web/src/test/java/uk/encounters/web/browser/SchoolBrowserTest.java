package uk.encounters.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Passwords;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.RunningApp;

/** A careers leader reads their school's progress and posts the suggested request in one click. */
class SchoolBrowserTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final Browser browser = new Browser();

    static final String PASSWORD = "harvest beacon quill meadow";
    static RunningApp app;
    static long school;

    @BeforeAll
    static void aSchoolPartWayThroughTheYear() {
        TestData data = new TestData(db.dsl());
        school = data.school(data.hub("Derby Careers Hub"), "Bemrose School");
        for (int year = 7; year <= 13; year++) {
            for (int i = 0; i < 10; i++) {
                long pupil = data.pupil(school, year);
                for (int before = 0; before < year - 7 - (i % 3 == 0 ? 1 : 0); before++) {
                    data.encounter(pupil, LocalDate.of(2025 - before, 3, 1), true);
                }
                if (i % 2 == 0) {
                    data.encounter(pupil, LocalDate.of(2026, 10, 1), true);
                }
            }
        }
        new AccountRepository(db.dsl()).create("carla@bemrose.example", "Carla Leader", new Passwords().hash(PASSWORD),
                Scope.careersLeader(school));
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theCareersLeaderSeesWhereEachYearGroupStandsAndPostsWhatIsSuggested() {
        WebDriver driver = browser.driver();
        driver.get(app.url("/sign-in"));
        driver.findElement(By.id("email")).sendKeys("carla@bemrose.example");
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.clickThrough(By.cssSelector("main form button[type=submit]"));
        browser.clickThrough(By.partialLinkText("Progress at Bemrose School"));

        assertThat(driver.findElement(By.cssSelector("svg[role=img] title")).getAttribute("textContent"))
                .contains("on track");
        assertThat(driver.findElement(By.tagName("table")).getText()).contains("Year 7 10");
        browser.screenshot("school-progress");

        browser.clickThrough(By.cssSelector("#next + ul button[type=submit]"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("Posted");
        assertThat(driver.findElement(By.tagName("table")).getText()).contains("Careers talk");
        browser.screenshot("school-requests");
    }
}

package uk.encounters.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Passwords;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.RunningApp;

/** An administrator sets up a hub in a real browser, mistakes and all. */
@Tag("browser")
class AdminBrowserTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final Browser browser = new Browser();

    static final String PASSWORD = "harvest beacon quill meadow";
    static RunningApp app;

    @BeforeAll
    static void anAdministrator() {
        new AccountRepository(db.dsl())
                .create("ada@example.org", "Ada Admin", new Passwords().hash(PASSWORD), Scope.admin());
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anAdministratorSignsInCreatesAHubAfterAMistakeAndInvitesItsCoordinator() {
        WebDriver driver = browser.driver();
        driver.get(app.url("/admin"));
        assertThat(driver.getCurrentUrl()).as("signing in comes first").contains("/sign-in?next=");
        driver.findElement(By.id("email")).sendKeys("ada@example.org");
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.screenshot("sign-in");
        browser.clickThrough(By.cssSelector("form button[type=submit]"));
        assertThat(driver.getCurrentUrl()).endsWith("/admin");

        driver.findElement(By.id("name")).sendKeys("Derby Careers Hub");
        browser.clickThrough(By.cssSelector("main form button[type=submit]"));
        assertThat(driver.findElement(By.cssSelector(".error-summary")).getText())
                .contains("Enter the area it covers");
        assertThat(driver.getTitle()).startsWith("Error: ");
        assertThat(driver.switchTo().activeElement().getAttribute("class"))
                .as("the summary takes focus")
                .contains("error-summary");
        assertThat(driver.findElement(By.id("name")).getAttribute("value")).isEqualTo("Derby Careers Hub");
        assertThat(driver.findElement(By.id("area")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        browser.screenshot("admin-hub-form-error");

        driver.findElement(By.id("area")).sendKeys("derby");
        browser.clickThrough(By.cssSelector("main form button[type=submit]"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("Hub Derby Careers Hub created");

        driver.findElement(By.id("name")).sendKeys("Cora Ordinator");
        driver.findElement(By.id("email")).sendKeys("cora@derby.example.org");
        browser.clickThrough(By.cssSelector("main form button[type=submit]"));
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("Cora Ordinator (cora@derby.example.org)");
        browser.screenshot("admin-hub");

        driver.get(app.url("/admin/outbox"));
        browser.clickThrough(By.linkText("You are invited to Employer Encounters"));
        // the administrator reads the message but cannot follow its link and become the person invited
        assertThat(driver.findElement(By.cssSelector("pre.message-body")).getText())
                .contains("[link, made when the message is sent]")
                .doesNotContain("/invitation/");
        browser.screenshot("admin-outbox-message");
    }
}

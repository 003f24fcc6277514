package uk.encounters.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.account.SecondFactor;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;

/** A coordinator sets up two-step sign-in on a phone, then decides who joins an organisation, on a desk. */
class AccountSecurityBrowserTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final Browser browser = new Browser();

    static RunningApp app;
    static long hub;

    @BeforeAll
    static void start() {
        hub = new TestData(db.dsl()).hub("Derby Careers Hub");
        Accounts.create(db.dsl(), "cora@derby-hub.example", "Cora Ordinator", Scope.coordinator(hub));
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23), Map.of("SECOND_FACTOR_ROLES", "admin,coordinator"));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aCoordinatorSetsUpTwoStepSignInOnAPhone() {
        WebDriver driver = browser.driver();
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(app.url("/sign-in"));
        driver.findElement(By.id("email")).sendKeys("cora@derby-hub.example");
        driver.findElement(By.id("password")).sendKeys(Accounts.PASSWORD);
        browser.clickThrough(By.cssSelector("main form button[type=submit]"));
        driver.get(app.url("/hubs/" + hub + "/employers"));

        assertThat(driver.getCurrentUrl()).endsWith("/two-factor/setup");
        browser.screenshot("two-factor-setup-390");
        String secret = driver.findElement(By.cssSelector(".secret-key")).getText().replace(" ", "");
        driver.findElement(By.id("code")).sendKeys("000000".equals(code(secret)) ? "111111" : "000000");
        browser.clickThrough(By.cssSelector("main form button[type=submit]"));
        assertThat(driver.findElement(By.cssSelector(".error-summary")).getText()).contains("That code is not right");
        browser.screenshot("two-factor-setup-error-390");
        driver.findElement(By.id("code")).clear();
        driver.findElement(By.id("code")).sendKeys(code(secret));
        browser.clickThrough(By.cssSelector("main form button[type=submit]"));

        assertThat(driver.findElements(By.cssSelector(".recovery-codes li"))).hasSize(10);
        browser.screenshot("recovery-codes-390");
        assertThat(noWiderThanTheScreen(driver)).isTrue();
        browser.clickThrough(By.linkText("Continue to your account"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Two-step sign-in", "On: each sign-in asks",
                "Sign out everywhere");
        browser.screenshot("account-390");

        driver.manage().window().setSize(new Dimension(1280, 1000));
        browser.screenshot("account-1280");
        driver.get(app.url("/hubs/" + hub + "/employers"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Organisations");
    }

    private static boolean noWiderThanTheScreen(WebDriver driver) {
        Object wide = ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
        return Boolean.TRUE.equals(wide);
    }

    private static String code(String secret) {
        return SecondFactor.codeAt(secret, new SecondFactor(db.dsl(), Clock.systemUTC()).currentStep());
    }
}

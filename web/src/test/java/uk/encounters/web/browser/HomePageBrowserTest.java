package uk.encounters.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.RunningApp;

@Tag("browser")
class HomePageBrowserTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final Browser browser = new Browser();

    static RunningApp app;

    @BeforeAll
    static void oneHubWithAPupil() {
        TestData data = new TestData(db.dsl());
        long school = data.school(data.hub("Derby Careers Hub"), "Noel-Baker Academy");
        data.encounter(data.pupil(school, 7), LocalDate.of(2026, 10, 7), true);
        data.pupil(school, 8);
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23));
        app.awaitProgressSummaries();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aVisitorSeesTheHubFiguresAndCanSkipToTheContentByKeyboard() {
        WebDriver driver = browser.driver();
        driver.get(app.url("/"));

        assertThat(driver.getTitle()).contains("Seven employer encounters for every pupil");
        assertThat(driver.findElement(By.cssSelector("[data-figure=pupils]")).getText())
                .isEqualTo("2");
        assertThat(driver.findElement(By.cssSelector("[data-figure=on-track]")).getText())
                .isEqualTo("50%");
        assertThat(driver.findElement(By.cssSelector(".hub-name")).getText()).isEqualTo("Derby Careers Hub");

        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Skip to main content");
        assertThat(driver.switchTo().activeElement().isDisplayed())
                .as("the skip link shows when focused")
                .isTrue();

        // every header link, focused, reads black on the focus colour (white on yellow was 1.35:1)
        int headerLinks = 0;
        while (true) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
            WebElement focused = driver.switchTo().activeElement();
            if (!(Boolean) ((JavascriptExecutor) driver)
                    .executeScript("return arguments[0].closest('.site-header') !== null", focused)) {
                break;
            }
            assertThat(focused.getCssValue("color")).as(focused.getText()).isEqualTo("rgba(11, 12, 12, 1)");
            assertThat(focused.getCssValue("background-color"))
                    .as(focused.getText())
                    .isEqualTo("rgba(255, 221, 0, 1)");
            headerLinks++;
        }
        assertThat(headerLinks).as("the name, Sign in and three sections").isEqualTo(5);

        browser.screenshot("home");
    }
}

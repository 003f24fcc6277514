package uk.encounters.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.encounters.marketplace.testing.TestDatabase;

/**
 * The demo coordinator runs the Derby hub's weekly round in a real browser: watches the progress
 * update in place, reviews and publishes the proposal, and the demo administrator finds an
 * employer's digest in the outbox.
 */
@Tag("browser")
class RoundBrowserTest {

    @RegisterExtension
    @Order(1)
    static final TestDatabase db = new TestDatabase();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @RegisterExtension
    @Order(2)
    static final RunningDemo demo = new RunningDemo(db, TODAY);

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void theDemoCoordinatorRunsTheRoundWatchesItPublishesItAndTheDigestIsInTheOutbox() {
        WebDriver driver = browser.driver();
        signIn("Enterprise coordinator");
        driver.get(demo.app().url("/"));
        browser.clickThrough(By.linkText("Matching round"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Matching round");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Demand and supply");
        browser.screenshot("round-before");
        browser.onAPhone("round-before-phone");

        driver.findElement(By.id("seconds")).clear();
        driver.findElement(By.id("seconds")).sendKeys("6");
        browser.clickThrough(By.xpath("//button[normalize-space()='Run matching']"));
        assertThat(driver.findElement(By.id("progress-title")).getText()).contains("Matching");

        // the figures change in place: the page is not reloaded while it solves
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("window.stillThisPage = true;");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        // the first best plan's figures arrive once the problem is built and the first plan found
        wait.until(d -> d.findElement(By.cssSelector("[data-field=sessionsMatched]"))
                .getText()
                .matches("\\d+"));
        assertThat(js.executeScript("return window.stillThisPage === true")).isEqualTo(true);
        // plain figures only: no solver score ("0hard/2180740soft") reaches the coordinator
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("hard/", "score");
        browser.screenshot("round-progress");

        // when it ends the page shows the proposal
        // (the page reloads itself: Chrome may answer for the old page's nodes for a moment)
        new WebDriverWait(driver, Duration.ofSeconds(60))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> !d.findElements(By.id("proposal-title")).isEmpty()
                        && d.findElement(By.tagName("main")).getText() != null);
        String review = driver.findElement(By.tagName("main")).getText();
        assertThat(review).contains("Proposal", "By school", "Unmatched sessions", "Employer load", "Fairness");
        assertThat(review)
                .as("dates in the one style, no machine values")
                .doesNotContain("hard/", "Score", "worth ")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}")
                .containsPattern("planning (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \\d{1,2} [A-Z][a-z]{2} \\d{4} to");
        browser.screenshot("round-proposal");
        browser.onAPhone("round-proposal-phone");
        js.executeScript("document.getElementById('unmatched').scrollIntoView()");
        browser.screenshot("round-unmatched-and-load");
        String roundPage = driver.getCurrentUrl();
        // the summary leads; each school's bookings fold to a line, opened to change one
        assertThat(driver.findElement(By.id("summary")).getText()).contains("Sessions matched", "Pupil places");
        assertThat(driver.findElements(By.cssSelector("details.school-bookings[open]")))
                .isEmpty();
        driver.findElement(By.cssSelector("details.school-bookings > summary")).click();
        // each school's bookings are one form: the button clicked says which booking and what to do
        String firstBooking =
                driver.findElement(By.cssSelector("tr[id^=booking-]")).getAttribute("id");
        browser.clickThrough(By.cssSelector("#" + firstBooking + " button[name=pin]"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText())
                .isEqualTo("Pinned: re-solving keeps this booking.");
        // back at that school's bookings, still open
        assertThat(driver.getCurrentUrl()).contains("?school=").contains("#school-");
        assertThat(driver.findElement(By.cssSelector("#" + firstBooking + " button[name=unpin]"))
                        .getText())
                .startsWith("Unpin");
        browser.clickThrough(By.partialLinkText("Choose from suggestions"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Place a session by hand");
        browser.screenshot("round-suggestions");
        driver.get(roundPage);

        // Publish opens the check of what will be sent and who hears nothing; only its button publishes
        browser.clickThrough(By.xpath("//button[starts-with(normalize-space(), 'Publish')]"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Publish round");
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("Publishing makes", "employer digest", "cannot be undone");
        assertThat(driver.findElements(By.cssSelector(".flash"))).isEmpty();
        browser.screenshot("round-publish-check");
        browser.clickThrough(By.xpath("//button[starts-with(normalize-space(), 'Publish and send')]"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText())
                .startsWith("Published")
                .contains("employer digest");
        browser.screenshot("round-published");

        // the dashboard after the round: headline tiles, the detail folded; on a phone wide tables scroll in
        // their own regions, the page does not
        driver.get(roundPage.replaceFirst("/rounds/\\d+$", "/dashboard"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Dashboard for Derby");
        assertThat(driver.findElement(By.cssSelector(".headline-figures")).getText())
                .contains("Pupils on track", "Benchmark 5", "Encounters still needed");
        assertThat(driver.findElement(By.id("b5-caption")).isDisplayed()).isFalse();
        browser.screenshot("hub-dashboard");
        browser.onAPhone("hub-dashboard-phone");
        // printed, the folded tables print opened, and fold again after
        js.executeScript("window.dispatchEvent(new Event('beforeprint'))");
        assertThat(driver.findElements(By.cssSelector("details:not([open])"))).isEmpty();
        js.executeScript("window.dispatchEvent(new Event('afterprint'))");
        assertThat(driver.findElement(By.id("b5-caption")).isDisplayed()).isFalse();
        // unfolded, the shaded heat maps pass axe's contrast check too, and still fit a phone
        js.executeScript("document.querySelectorAll('main details').forEach(d => d.open = true)");
        assertThat(driver.findElement(By.id("b5-caption")).isDisplayed()).isTrue();
        assertThat(driver.findElements(By.cssSelector(".shade-met td[class*=share-band]")))
                .isNotEmpty();
        browser.screenshot("hub-dashboard-unfolded");
        browser.onAPhone("hub-dashboard-unfolded-phone");

        browser.clickThrough(By.xpath("//button[normalize-space()='Sign out']"));
        signIn("Administrator");
        driver.get(demo.app().url("/admin/outbox"));
        browser.clickThrough(By.partialLinkText("Requests from schools this week"));
        String digest = driver.findElement(By.cssSelector("pre.message-body")).getText();
        assertThat(digest)
                .contains(
                        "This is the only request the hub will send you this round",
                        "Confirm: [link, made when the message is sent]?answer=confirm")
                .doesNotContain("/reply/");
        assertThat(driver.findElement(By.cssSelector("ul.attachments")).getText())
                .contains("sessions.ics", "text/calendar");
        browser.screenshot("round-employer-digest");
    }

    private void signIn(String role) {
        browser.driver().get(demo.signInLink(role));
        browser.clickThrough(By.cssSelector("main form button[type=submit]"));
    }
}

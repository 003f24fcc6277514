package uk.encounters.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.ENCOUNTER;
import static uk.encounters.marketplace.jooq.Tables.HUB;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Passwords;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.marketplace.testing.WorkplaceData;
import uk.encounters.marketplace.testing.WorkplaceData.Where;
import uk.encounters.web.RunningApp;

/**
 * Hours of workplace experience as people meet them: a careers leader corrects a pupil's hours on a
 * placement's register on a phone and sees them on progress; a coordinator sets the hub's target of
 * hours; an employer offering online is asked whether pupils do tasks and talk with staff.
 */
@Tag("browser")
class WorkplaceHoursBrowserTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final Browser browser = new Browser();

    static final String PASSWORD = "harvest beacon quill meadow";
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 9);
    static RunningApp app;
    static long hub;
    static long school;
    static long placement;
    static final List<Long> placed = new ArrayList<>();

    @BeforeAll
    static void aYear10PlacementLastWeekAndAYear11WithSomeHours() {
        TestData data = new TestData(db.dsl());
        WorkplaceData workplace = new WorkplaceData(db.dsl());
        hub = data.hub("Derby Careers Hub");
        school = data.school(hub, "Bemrose School");
        long host = data.employer(hub, "Foundry Builders");
        for (int i = 0; i < 8; i++) {
            long pupil = data.pupil(school, 10);
            if (i < 4) {
                placed.add(pupil);
            }
        }
        String[] year11 = {null, "5", "12.5", "25", "30", "50", "60"};
        for (String hours : year11) {
            long pupil = data.pupil(school, 11);
            if (hours != null) {
                workplace.history(pupil, "work_experience", LocalDate.of(2026, 7, 6), hours);
            }
        }
        placement = workplace.booking(
                school, 10, host, "work_experience", Where.AT_WORKPLACE, false, MONDAY, MONDAY.plusDays(4), "all_day");
        placed.forEach(pupil -> data.choose(placement, pupil));
        AccountRepository accounts = new AccountRepository(db.dsl());
        String hash = new Passwords().hash(PASSWORD);
        accounts.create("carla@bemrose.example", "Carla Leader", hash, Scope.careersLeader(school));
        accounts.create("cora@derby.example", "Cora Coordinator", hash, Scope.coordinator(hub));
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theCareersLeaderCorrectsAPupilsHoursOnAPhoneAndSeesThemOnProgress() {
        WebDriver driver = signedIn("carla@bemrose.example");
        driver.manage().window().setSize(new Dimension(390, 844));
        try {
            driver.get(app.url("/schools/" + school + "/bookings/" + placement));
            assertThat(driver.findElement(By.id("hours-hint")).getText())
                    .contains("Hours each pupil spent there: 25 hours (5 days of 5 hours)");
            // the first missed the week; the second left early on the Thursday
            driver.findElement(By.id("present-" + placed.get(0))).click();
            WebElement hours = driver.findElement(By.id("hours-" + placed.get(1)));
            hours.clear();
            hours.sendKeys("17,5");
            browser.clickThrough(By.xpath("//button[normalize-space()='Record attendance']"));
            assertThat(driver.findElement(By.id("hours-" + placed.get(1) + "-error"))
                            .getText())
                    .contains("must be a number of hours, like 5 or 2.5");
            browser.onAPhone("hours-register-refused-phone", By.id("hours-" + placed.get(1)));
            hours = driver.findElement(By.id("hours-" + placed.get(1)));
            hours.clear();
            hours.sendKeys("17.5");
            browser.onAPhone("hours-register-phone", By.id("hours-" + placed.get(1)));
            browser.clickThrough(By.xpath("//button[normalize-space()='Record attendance']"));
            assertThat(driver.findElement(By.cssSelector(".flash")).getText())
                    .contains("3 attended, 1 absent")
                    .contains("Their hours count towards the hub's target.");
        } finally {
            driver.manage().window().setSize(new Dimension(1280, 1000));
        }
        assertThat(db.dsl()
                        .select(ENCOUNTER.HOURS)
                        .from(ENCOUNTER)
                        .where(ENCOUNTER.BOOKING_ID.eq(placement))
                        .and(ENCOUNTER.ATTENDED)
                        .fetch(ENCOUNTER.HOURS))
                .containsExactlyInAnyOrder(new BigDecimal("25.0"), new BigDecimal("25.0"), new BigDecimal("17.5"));

        driver.get(app.url("/schools/" + school + "/progress"));
        browser.onAPhone("hours-progress-folded-phone");
        browser.click(By.cssSelector("#workplace-detail > summary"));
        WebElement table =
                driver.findElement(By.xpath("//table[caption[contains(., 'Workplace experience and hours')]]"));
        assertThat(table.findElements(By.cssSelector("tbody tr")).get(3).getText())
                .as("Year 10: 8 pupils, 3 with one, none with two; 5 none, 1 under 25, 2 from 25, none at 50")
                .startsWith("Year 10 8 3 0 5 1 2 0");
        assertThat(table.findElements(By.cssSelector("tbody tr")).get(4).getText())
                .startsWith("Year 11 7 6 0 1 2 2 2");
        assertThat(driver.findElement(By.cssSelector(".figures")).getText())
                .contains("Year 11: 50 hours of workplace experience")
                .contains("2 of 7 pupils have 50 hours or more");
        browser.screenshot("hours-progress");
        browser.onAPhone("hours-progress-phone");

        browser.clickThrough(By.xpath("//a[normalize-space()='Hours of each pupil in Year 10']"));
        List<WebElement> rows = driver.findElements(By.cssSelector("main table tbody tr"));
        assertThat(rows).hasSize(8);
        assertThat(rows.get(5).getText()).contains("17.5 hours").contains("Under 25 hours");
        assertThat(rows.get(7).getText()).contains("25 hours").contains("25 hours up to 50");
        browser.screenshot("hours-each-pupil");
        browser.onAPhone("hours-each-pupil-phone");
    }

    @Test
    void theCoordinatorSetsTheHubsTargetOfHoursAndANonNumberIsShownBesideItsField() {
        WebDriver driver = signedIn("cora@derby.example");
        driver.get(app.url("/hubs/" + hub + "/calendar"));
        WebElement target = driver.findElement(By.id("hoursTarget"));
        assertThat(target.getAttribute("value")).isEqualTo("50");
        target.clear();
        target.sendKeys("0");
        browser.clickThrough(By.xpath("//button[normalize-space()='Save the dates and targets']"));
        assertThat(driver.findElement(By.id("hoursTarget-error")).getText())
                .contains("The target of hours must be between 1 and 200 hours");
        browser.onAPhone("hours-target-refused-phone", By.id("hoursTarget"));

        target = driver.findElement(By.id("hoursTarget"));
        target.clear();
        target.sendKeys("40");
        browser.clickThrough(By.xpath("//button[normalize-space()='Save the dates and targets']"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText())
                .contains("40 hours of workplace experience by the end of Year 11");
        assertThat(db.dsl().fetchValue(HUB.WORKPLACE_HOURS_TARGET, HUB.ID.eq(hub)))
                .isEqualTo((short) 40);
    }

    @Test
    void anEmployerOfferingOnlineIsAskedWhetherPupilsDoTasksAndTalkWithStaff() {
        WebDriver driver = browser.driver();
        driver.manage().deleteAllCookies();
        driver.get(app.url("/offer-a-talk"));
        WebElement question = driver.findElement(By.id("interactive"));
        assertThat(question.isDisplayed()).as("asked only of an online offer").isFalse();

        driver.findElement(By.id("online")).click();

        assertThat(question.isDisplayed()).isTrue();
        browser.onAPhone("hours-offer-online-phone", By.id("interactive"));
    }

    private static WebDriver signedIn(String email) {
        WebDriver driver = browser.driver();
        driver.manage().deleteAllCookies();
        driver.get(app.url("/sign-in"));
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.clickThrough(By.cssSelector("main form button[type=submit]"));
        return driver;
    }
}

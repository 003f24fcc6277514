package uk.encounters.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.REQUEST;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.encounters.marketplace.account.AccountRepository;
import uk.encounters.marketplace.account.Passwords;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.booking.BookingStatus;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.request.RequestStatus;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.RunningApp;

/** A careers leader reads their school's progress and posts the suggested request in one click. */
@Tag("browser")
class SchoolBrowserTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final Browser browser = new Browser();

    static final String PASSWORD = "harvest beacon quill meadow";
    static RunningApp app;
    static long school;
    static long pastBooking;
    static long comingBooking;

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
        // a Year 10 talk last week for ten pupils, waiting for its register
        long offer = data.offer(
                data.employer(data.hub("Elsewhere"), "Rolls-Royce"), OfferStatus.ACTIVE, LocalDate.of(2027, 3, 1));
        pastBooking = data.booking(
                data.request(school, 10, RequestStatus.MATCHED, LocalDate.of(2026, 11, 2)),
                offer,
                null,
                LocalDate.of(2026, 11, 16),
                BookingStatus.CONFIRMED);
        for (long pupil : db.dsl()
                .select(uk.encounters.marketplace.jooq.Tables.PUPIL.ID)
                .from(uk.encounters.marketplace.jooq.Tables.PUPIL)
                .where(uk.encounters.marketplace.jooq.Tables.PUPIL.SCHOOL_ID.eq(school))
                .and(uk.encounters.marketplace.jooq.Tables.PUPIL.YEAR_GROUP.eq((short) 10))
                .orderBy(uk.encounters.marketplace.jooq.Tables.PUPIL.ID)
                .limit(10)
                .fetch(uk.encounters.marketplace.jooq.Tables.PUPIL.ID)) {
            data.choose(pastBooking, pupil);
        }
        // a Year 9 talk in a fortnight for four pupils, nobody chosen yet
        comingBooking = data.booking(
                data.request(school, 9, RequestStatus.MATCHED, LocalDate.of(2026, 11, 16)),
                offer,
                null,
                LocalDate.of(2026, 12, 7),
                BookingStatus.CONFIRMED);
        db.dsl()
                .update(uk.encounters.marketplace.jooq.Tables.BOOKING)
                .set(uk.encounters.marketplace.jooq.Tables.BOOKING.PUPILS, 4)
                .where(uk.encounters.marketplace.jooq.Tables.BOOKING.ID.eq(comingBooking))
                .execute();
        new AccountRepository(db.dsl())
                .create(
                        "carla@bemrose.example",
                        "Carla Leader",
                        new Passwords().hash(PASSWORD),
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
        WebDriver driver = signedIn();
        assertThat(driver.getCurrentUrl())
                .as("a careers leader lands on their school's progress")
                .endsWith("/schools/" + school + "/progress");
        assertThat(driver.findElement(By.cssSelector(".site-nav a[aria-current=page]"))
                        .getText())
                .isEqualTo("Progress");

        assertThat(driver.findElement(By.cssSelector("svg[role=img] title")).getAttribute("textContent"))
                .contains("on track");
        assertThat(driver.findElement(By.tagName("table")).getText()).contains("Year 7 10");
        browser.screenshot("school-progress");
        browser.onAPhone("school-progress-phone");

        browser.clickThrough(By.cssSelector("#next ~ ul.suggestions button[type=submit]"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("Posted");
        assertThat(driver.getCurrentUrl()).as("back to the next suggestion").contains("/progress");
        browser.clickThrough(By.xpath("//nav[contains(@class,'site-nav')]//a[normalize-space()='Requests']"));
        assertThat(driver.findElement(By.tagName("table")).getText()).contains("Careers talk");
        browser.screenshot("school-requests");

        // a work placement for Year 10: places and the placement week
        browser.clickThrough(By.linkText("Request an encounter or work placements"));
        assertThat(driver.findElement(By.id("places")).isDisplayed())
                .as("a talk is chosen: the placement's fields are out of the way")
                .isFalse();
        driver.findElement(By.id("type-work_experience")).click();
        assertThat(driver.findElement(By.id("pupils")).isDisplayed())
                .as("a placement asks for places, not pupils per session")
                .isFalse();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("yearGroup"))).selectByValue("10");
        driver.findElement(By.id("places")).sendKeys("6");
        setDate(driver, "placementFrom", "2027-06-14");
        setDate(driver, "placementUntil", "2027-06-18");
        browser.onAPhone("school-request-placement-phone");
        browser.clickThrough(By.cssSelector("main form button[type=submit]"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("Posted");
        assertThat(driver.findElement(By.tagName("table")).getText()).contains("Work experience placement");

        // last week's talk: one pupil was absent
        String before = yearRow(driver, 10);
        driver.get(app.url("/schools/" + school + "/bookings/" + pastBooking));
        driver.findElements(By.cssSelector("input[name=present]")).getFirst().click();
        browser.screenshot("school-attendance");
        browser.clickThrough(By.cssSelector("main form button[type=submit]"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText()).contains("9 attended, 1 absent");

        driver.get(app.url("/schools/" + school + "/progress"));
        String after = yearRow(driver, 10);
        assertThat(after).as("the progress page counts the new encounters").isNotEqualTo(before);
        assertThat(after).startsWith("Year 10 10 ");
        browser.screenshot("school-progress-after");
    }

    @Test
    void theCareersLeaderRecordsTheSchoolsOwnFairThenPostsEverythingStillNeededInOneClick() {
        long lastRequest = db.dsl()
                .select(org.jooq.impl.DSL.coalesce(org.jooq.impl.DSL.max(REQUEST.ID), 0L))
                .from(REQUEST)
                .fetchSingle()
                .value1();
        WebDriver driver = signedIn();
        driver.get(app.url("/schools/" + school + "/progress"));
        browser.clickThrough(By.linkText("Record an activity your school arranged"));

        driver.findElement(By.id("provider")).sendKeys("Our Year 12 careers fair");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("type"))).selectByValue("careers_fair");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("yearGroup"))).selectByValue("12");
        setDate(driver, "date", "2026-11-18");
        driver.findElement(By.id("who-year-group")).click();
        browser.screenshot("school-activity-form");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.screenshot("school-activity-form-phone");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        browser.clickThrough(By.xpath("//button[normalize-space()='Record the activity']"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText())
                .contains(
                        "Recorded: Careers fair stall by Our Year 12 careers fair on Wed 18 Nov 2026, 10 pupils there");
        assertThat(driver.findElement(By.tagName("table")).getText()).contains("Our Year 12 careers fair");
        browser.screenshot("school-activities");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.screenshot("school-activities-phone");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));

        driver.get(app.url("/schools/" + school + "/progress"));
        assertThat(yearRow(driver, 12))
                .as("every Year 12 pupil has one this year now")
                .contains("100%");
        browser.clickThrough(By.partialLinkText("Check and post all"));
        String plan = driver.findElement(By.tagName("main")).getText();
        assertThat(plan)
                .contains("What to request next")
                .contains("no encounter this year")
                .doesNotContainPattern("of Year 12 [^\\n]*(has|have) no encounter this year");
        browser.screenshot("school-request-plan");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.screenshot("school-request-plan-phone");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        browser.clickThrough(By.xpath("//button[starts-with(normalize-space(), 'Post these')]"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText())
                .startsWith("Posted ")
                .contains("they go into the next matching round");
        driver.get(app.url("/schools/" + school + "/progress"));
        assertThat(driver.findElement(By.id("next"))
                        .findElement(By.xpath("following-sibling::p"))
                        .getText())
                .contains("Nothing to request now");
        // the other journey here starts from the suggestions: leave them as they were
        db.dsl().deleteFrom(REQUEST).where(REQUEST.ID.gt(lastRequest)).execute();
    }

    @Test
    void theCareersLeaderChoosesWhoGoesWithARunningCountAndFindsThemFirstAfterSaving() {
        WebDriver driver = signedIn();
        driver.get(app.url("/schools/" + school + "/bookings/" + comingBooking));
        WebElement count = driver.findElement(By.id("chosen-count"));
        assertThat(count.getText()).isEqualTo("4 of 4 places chosen");
        assertThat(count.getAttribute("aria-live")).isEqualTo("polite");
        browser.onAPhone("school-who-goes-phone");

        List<WebElement> going = driver.findElements(By.cssSelector("#pupil input[name=pupil]"));
        List<WebElement> others = driver.findElements(By.cssSelector("#others input[name=pupil]"));
        assertThat(going).hasSize(4).allMatch(WebElement::isSelected);
        assertThat(others).hasSize(6).noneMatch(WebElement::isSelected);
        going.getFirst().click();
        countReads(count, "3 of 4 places chosen, 1 left");
        others.get(0).click();
        others.get(1).click();
        countReads(count, "5 of 4 places chosen: 1 too many");
        assertThat(count.getAttribute("class")).contains("choice-count--over");

        // filtering in place keeps what is ticked and what is going in sight
        String wanted = others.get(2).getAttribute("id").replace("pupil-", "");
        String reference = driver.findElement(By.cssSelector("label[for=pupil-" + wanted + "]"))
                .getText()
                .split(" ")[0];
        driver.findElement(By.id("reference")).sendKeys(reference);
        new WebDriverWait(driver, Duration.ofSeconds(5))
                .until(d -> d.findElements(By.cssSelector("#others .checkbox")).stream()
                                .filter(WebElement::isDisplayed)
                                .count()
                        == 3);
        assertThat(others.get(2).isDisplayed()).isTrue();
        assertThat(others.get(3).isDisplayed()).isFalse();
        assertThat(going.get(1).isDisplayed()).isTrue();
        browser.screenshot("school-who-goes-filtered");

        others.get(1).click();
        countReads(count, "4 of 4 places chosen");
        List<String> chosen = java.util.stream.Stream.concat(
                        going.stream().skip(1), others.stream().limit(1))
                .map(e -> e.getAttribute("id"))
                .toList();
        browser.clickThrough(By.cssSelector("form[data-who-goes] .choice-bar button[type=submit]"));

        assertThat(driver.findElement(By.cssSelector(".flash")).getText())
                .isEqualTo("Saved: 4 pupils are going, of 4 places. They are listed first.");
        assertThat(driver.findElement(By.id("chosen-count")).getText()).isEqualTo("4 of 4 places chosen");
        List<String> goingNow = driver.findElements(By.cssSelector("#pupil input[name=pupil]")).stream()
                .map(e -> e.getAttribute("id"))
                .toList();
        assertThat(goingNow).as("listed first, as chosen").containsExactlyInAnyOrderElementsOf(chosen);
        browser.screenshot("school-who-goes-saved");
        browser.onAPhone("school-who-goes-saved-phone");

        browser.clickThrough(By.linkText("List for form tutors, to print"));
        assertThat(driver.findElements(By.cssSelector("table.who-goes-list tbody tr")))
                .hasSize(4);
        browser.onAPhone("school-who-goes-list-phone");
        db.dsl()
                .deleteFrom(uk.encounters.marketplace.jooq.Tables.BOOKING_PUPIL)
                .where(uk.encounters.marketplace.jooq.Tables.BOOKING_PUPIL.BOOKING_ID.eq(comingBooking))
                .execute();
    }

    /** The live count changes once ticking pauses. */
    private static void countReads(WebElement count, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                .until(d -> count.getText().equals(text));
    }

    /** The file goes up as the browser sends it, multipart with the file's name and type. */
    @Test
    void theCareersLeaderUploadsThePupilListExportedFromTheSchoolsSystem() throws Exception {
        Path export = Files.createTempFile("pupils", ".csv");
        Files.writeString(export, "Reference,Year Group,Disadvantaged\r\nB7001,7,Y\r\nB7002,7,N\r\nB7003,Year 7,\r\n");
        WebDriver driver = signedIn();
        driver.get(app.url("/schools/" + school + "/pupils"));

        driver.findElement(By.id("pupil-file")).sendKeys(export.toAbsolutePath().toString());
        browser.clickThrough(By.xpath("//button[normalize-space()='Check the pupils']"));
        assertThat(driver.findElement(By.id("preview-heading")).getText()).isEqualTo("Check your pupils before saving");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("All 3 rows are ready");
        browser.screenshot("school-pupil-upload");

        browser.clickThrough(By.xpath("//button[normalize-space()='Save 3 pupils']"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText())
                .contains("Imported 3 pupils: 3 new, 0 updated");
        Files.delete(export);
    }

    private WebDriver signedIn() {
        WebDriver driver = browser.driver();
        driver.manage().deleteAllCookies();
        driver.get(app.url("/sign-in"));
        driver.findElement(By.id("email")).sendKeys("carla@bemrose.example");
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.clickThrough(By.cssSelector("main form button[type=submit]"));
        return driver;
    }

    private String yearRow(WebDriver driver, int year) {
        driver.get(app.url("/schools/" + school + "/progress"));
        return driver.findElements(By.cssSelector("main table tbody tr"))
                .get(year - 7)
                .getText();
    }

    /** Date inputs take keystrokes in the browser's locale; setting the value is what a person's picker does. */
    private static void setDate(WebDriver driver, String id, String isoDate) {
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, isoDate);
    }
}

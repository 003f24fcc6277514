package uk.encounters.web.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.encounters.marketplace.jooq.Tables.PUPIL;

import java.time.LocalDate;
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

/** The coordinator finds the hub's report from the dashboard and chooses a year; a careers leader reads the school's on a phone. */
@Tag("browser")
class ReportBrowserTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final Browser browser = new Browser();

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static RunningApp app;
    static long hub;
    static long school;

    @BeforeAll
    static void start() {
        TestData data = new TestData(db.dsl());
        hub = data.hub("Derby Careers Hub");
        school = data.school(hub, "Littleover Community School");
        for (int yearGroup = 7; yearGroup <= 13; yearGroup++) {
            for (int i = 0; i < 3; i++) {
                long pupil = data.pupil(school, yearGroup);
                if (i == 0) {
                    data.encounter(pupil, LocalDate.of(2026, 10, 5), true);
                    db.dsl()
                            .update(PUPIL)
                            .set(PUPIL.DISADVANTAGED, true)
                            .where(PUPIL.ID.eq(pupil))
                            .execute();
                }
            }
        }
        Accounts.create(db.dsl(), "cora@derby.example", "Cora Ordinator", Scope.coordinator(hub));
        Accounts.create(db.dsl(), "cal@littleover.example", "Cal Leader", Scope.careersLeader(school));
        app = RunningApp.start(db.database(), TODAY);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theCoordinatorOpensTheReportAndLooksAtLastYear() {
        WebDriver driver = browser.driver();
        browser.signIn(app, "cora@derby.example", "/hubs/" + hub + "/dashboard");
        browser.clickThrough(By.linkText("Report to funders"));

        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Report for Derby Careers Hub, 2026/27");
        assertThat(driver.findElement(By.cssSelector("[data-figure=benchmark-5]"))
                        .getText())
                .isEqualTo("33%");
        browser.screenshot("hub-report-1280");
        browser.onAPhone("hub-report-phone", By.id("year"), By.partialLinkText("Download as a PDF"));

        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("year"))).selectByVisibleText("2025/26");
        browser.clickThrough(By.xpath("//button[normalize-space()='Show']"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Report for Derby Careers Hub, 2025/26");
        assertThat(driver.getPageSource()).contains("were not kept");
    }

    @Test
    void aCareersLeaderReadsTheGovernorsReportOnAPhone() {
        WebDriver driver = browser.driver();
        browser.signIn(app, "cal@littleover.example", "/schools/" + school + "/progress");
        browser.clickThrough(By.linkText("Report for governors"));

        assertThat(driver.findElement(By.tagName("h1")).getText())
                .isEqualTo("Report for Littleover Community School, 2026/27");
        browser.screenshot("school-report-1280");
        browser.onAPhone("school-report-phone", By.id("year"), By.partialLinkText("Download as a spreadsheet"));
    }
}

package uk.encounters.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.offer.OfferStatus;
import uk.encounters.marketplace.testing.SamplePaperwork;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;

/**
 * A host of work experience fills in its placement paperwork on a phone: from its page's one line to
 * the form, an insurance that has run out refused beside its date, then declared with its certificate.
 */
@Tag("browser")
class PlacementPaperworkBrowserTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final Browser browser = new Browser();

    static RunningApp app;
    static long acme;

    @BeforeAll
    static void aHostOfWorkExperience() {
        TestData data = new TestData(db.dsl());
        long derby = data.hub("Derby Careers Hub");
        acme = data.employer(derby, "Acme Engineering");
        data.workExperienceOffer(acme, OfferStatus.ACTIVE, LocalDate.of(2027, 7, 16));
        Accounts.create(db.dsl(), "ash@acme.example", "Ash", Scope.employer(acme));
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aHostDeclaresItsPaperworkWithACertificateOnAPhone() throws Exception {
        Path certificate = Files.createTempFile("EL-certificate", ".pdf");
        Files.write(certificate, SamplePaperwork.pdf());
        WebDriver driver = browser.driver();
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(app.url("/employers/" + acme));
        driver.findElement(By.id("email")).sendKeys("ash@acme.example");
        driver.findElement(By.id("password")).sendKeys(Accounts.PASSWORD);
        browser.clickThrough(By.cssSelector("main form button[type=submit]"));
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("Placement paperwork: needed before hosting a placement.");

        browser.clickThrough(By.linkText("Placement paperwork"));
        fillPaperwork(browser, certificate, "2026-11-01", "2026-09-01");
        browser.onAPhone(
                "placement-paperwork-form-phone", By.id("insuranceCertificate"), By.id("control-manual_handling"));
        driver.manage().window().setSize(new Dimension(390, 844));
        browser.clickThrough(By.xpath("//button[normalize-space()='Declare']"));

        assertThat(driver.findElement(By.id("insuranceExpiresOn-error")).getText())
                .contains("This insurance expired on Sun 1 Nov 2026");
        assertThat(driver.findElement(By.id("control-manual_handling")).getAttribute("value"))
                .as("what was typed is kept")
                .isEqualTo("Nothing over 5 kg; shown how to lift on the first morning");
        browser.onAPhone("placement-paperwork-refused-phone");
        driver.manage().window().setSize(new Dimension(390, 844));

        browser.setDate("insuranceExpiresOn", "2027-01-05");
        driver.findElement(By.id("insuranceCertificate"))
                .sendKeys(certificate.toAbsolutePath().toString());
        browser.clickThrough(By.xpath("//button[normalize-space()='Declare']"));

        assertThat(driver.findElement(By.cssSelector(".flash")).getText())
                .contains("Declared. Your placement paperwork is current until Tue 5 Jan 2027.");
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains(certificate.getFileName().toString())
                .contains("Lifting and carrying: Nothing over 5 kg");
        browser.onAPhone("placement-paperwork-declared-phone");

        // the second time, a year on: the form starts from the last declaration; the renewed policy's
        // end, its certificate and the reviewed assessment's date are all that change
        browser.resetClicks();
        driver.get(app.url("/employers/" + acme));
        browser.clickThrough(By.linkText("Placement paperwork"));
        assertThat(driver.findElement(By.id("supervisorName")).getAttribute("value"))
                .isEqualTo("Dan Price");
        browser.setDate("insuranceExpiresOn", "2028-01-05");
        driver.findElement(By.id("insuranceCertificate"))
                .sendKeys(certificate.toAbsolutePath().toString());
        browser.setDate("riskAssessedOn", "2026-11-20");
        browser.clickThrough(By.xpath("//button[normalize-space()='Declare']"));
        assertThat(driver.findElement(By.cssSelector(".flash")).getText())
                .contains("Declared. Your placement paperwork is current until Fri 19 Nov 2027.");
        System.out.printf(
                "Host's paperwork the second time: 3 fields, %d clicks (%s)%n",
                browser.clicks().size(), String.join(", ", browser.clicks()));
    }

    /**
     * Fills in the paperwork form as a host would, the risk assessment answered (lifting present),
     * insured until {@code insuranceEnds}; leaves it unsent.
     */
    static void fillPaperwork(Browser browser, Path certificate, String insuranceEnds, String riskAssessedOn) {
        WebDriver driver = browser.driver();
        driver.findElement(By.id("insurer")).sendKeys("Zurich Insurance");
        driver.findElement(By.id("policyNumber")).sendKeys("EL-123456");
        browser.setDate("insuranceExpiresOn", insuranceEnds);
        driver.findElement(By.id("insuranceCertificate"))
                .sendKeys(certificate.toAbsolutePath().toString());
        browser.click(By.id("riskAssessment"));
        browser.click(By.id("hazard-manual_handling"));
        driver.findElement(By.id("control-manual_handling"))
                .sendKeys("Nothing over 5 kg; shown how to lift on the first morning");
        browser.setDate("riskAssessedOn", riskAssessedOn);
        driver.findElement(By.id("healthSafetyStatement")).sendKeys("Every pupil is inducted on the first morning.");
        driver.findElement(By.id("supervisorName")).sendKeys("Dan Price");
        driver.findElement(By.id("supervisorPhone")).sendKeys("01332 123456");
        driver.findElement(By.id("hours")).sendKeys("9:00 to 15:30, Monday to Friday");
        driver.findElement(By.id("dressAndEquipment")).sendKeys("Own clothes; safety boots lent");
    }
}

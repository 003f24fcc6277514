package uk.encounters.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import uk.encounters.marketplace.account.Scope;
import uk.encounters.marketplace.testing.TestData;
import uk.encounters.marketplace.testing.TestDatabase;
import uk.encounters.web.Accounts;
import uk.encounters.web.RunningApp;
import uk.encounters.web.account.sso.TestOidcProvider;
import uk.encounters.web.account.sso.TestOidcProvider.Person;

/** A coordinator signs in with their organisation's account, through a real OpenID Connect provider, and back. */
@Tag("browser")
class SingleSignOnBrowserTest {

    @RegisterExtension
    static final TestDatabase db = new TestDatabase();

    @RegisterExtension
    static final Browser browser = new Browser();

    static TestOidcProvider provider;
    static RunningApp app;
    static long hub;

    @BeforeAll
    static void start() throws IOException {
        hub = new TestData(db.dsl()).hub("Derby Careers Hub");
        Accounts.create(db.dsl(), "cora@derby-hub.example", "Cora Ordinator", Scope.coordinator(hub));
        provider = TestOidcProvider.start().knows(new Person("entra-oid-cora", "cora@derby-hub.example", true));
        // the provider sends the browser back to the app's public address: the app must know its own port
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> env = new HashMap<>(provider.environment("microsoft"));
        env.put("PORT", String.valueOf(port));
        env.put("BASE_URL", "http://localhost:" + port);
        app = RunningApp.start(db.database(), LocalDate.of(2026, 11, 23), env);
    }

    @AfterAll
    static void stop() {
        app.close();
        provider.close();
    }

    @Test
    void aCoordinatorSignsInWithTheirOrganisationsAccountAndTheSignInPageFitsAPhone() {
        WebDriver driver = browser.driver();
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.get(app.url("/sign-in"));
        browser.screenshot("sign-in-with-sso-1280");
        browser.onAPhone("sign-in-with-sso-phone", By.linkText("Sign in with Test Identity"));

        browser.clickThrough(By.linkText("Sign in with Test Identity"));
        assertThat(driver.getCurrentUrl()).startsWith(provider.issuer() + "/authorize?");
        driver.findElement(By.id("email")).sendKeys("cora@derby-hub.example");
        browser.clickThrough(By.cssSelector("form button[type=submit]"));

        assertThat(driver.getCurrentUrl()).startsWith(app.url("/hubs/" + hub));
        driver.get(app.url("/account"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("cora@derby-hub.example");
        browser.screenshot("signed-in-with-sso-1280");
    }
}

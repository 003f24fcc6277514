package uk.encounters.web.browser;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The browser tests' accessibility gate itself: a page breaking a WCAG rule fails the test that visits it. */
@Tag("browser")
class AxeAuditBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @Test
    void aPageWithAnUnlabelledFieldAndAnImageWithoutAltTextFailsWithTheRulesAndWhere() {
        browser.driver()
                .get(page("<main><h1>Broken</h1><img src='x.png'><form><input id='name' type='text'></form></main>"));

        assertThatThrownBy(browser::assertEveryPageAccessible)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("image-alt (critical)")
                .hasMessageContaining("label (critical)")
                .hasMessageContaining("#name");
    }

    @Test
    void anAccessiblePagePasses() {
        browser.driver()
                .get(page("<main><h1>Fine</h1><form><label for='name'>Name</label>"
                        + "<input id='name' type='text'></form></main>"));

        assertThatCode(browser::assertEveryPageAccessible).doesNotThrowAnyException();
    }

    private static String page(String body) {
        String html =
                "<!doctype html><html lang='en'><head><title>A page</title></head><body>" + body + "</body></html>";
        return "data:text/html;charset=utf-8,"
                + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

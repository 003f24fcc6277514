package uk.encounters.web.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

/**
 * axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules run in the page the browser shows, each distinct
 * page once. What it finds is kept until {@link #failIfAnyFound()}, so one test reports every page's
 * violations at once. axe.min.js is a test resource (see its README): nothing is fetched at test time.
 */
final class AxeAudit {

    private static final String AXE = read("/axe/axe.min.js");

    /**
     * Runs axe and hands back one line per violation. Script arguments: the tags, then the callback
     * Selenium appends to executeAsyncScript.
     */
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
              .then(r => done(r.violations.map(v => ({
                  id: v.id, impact: v.impact || '', help: v.help,
                  targets: v.nodes.map(n => n.target.join(' ')) }))))
              .catch(e => done('axe failed: ' + e));
            """;

    /**
     * The page's name for the report (path and title), then what tells it from others on the same
     * path; null for what is not a web page (a CSV or calendar file shown as text).
     */
    private static final String PAGE = """
            if (document.contentType !== 'text/html') return null;
            const headings = [...document.querySelectorAll('h1, h2')].map(h => h.textContent.trim().replace(/\\s+/g, ' '));
            return [location.pathname + ' (' + document.title + ')',
              headings.join(' / ') + (document.querySelector('.error-summary') ? ' | with errors' : '')];
            """;

    private static final List<String> WCAG_A_AND_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private final WebDriver driver;
    private final Set<String> checked = new HashSet<>();
    private final List<String> found = new ArrayList<>();

    AxeAudit(WebDriver driver) {
        this.driver = driver;
    }

    /**
     * Checks the page now shown, unless a page with the same path, headings and error state was
     * checked already. Headings count as well as the path because a form's answer and the round
     * page's stages (set up, running, proposal) come back on one path.
     */
    void check() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        try {
            if (!(js.executeScript(PAGE) instanceof List<?> page) || !checked.add(page.toString())) {
                return;
            }
            String name = page.getFirst().toString();
            if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
                js.executeScript(AXE);
            }
            Object result = js.executeAsyncScript(RUN, WCAG_A_AND_AA);
            if (result instanceof List<?> violations) {
                for (Object v : violations) {
                    found.add(describe(name, (Map<?, ?>) v));
                }
            } else {
                found.add("- " + name + ": " + result);
            }
        } catch (WebDriverException e) {
            found.add("- " + driver.getCurrentUrl() + ": axe could not run: " + e.getMessage());
        }
    }

    /** Fails with every violation found since the last call, then forgets them. */
    void failIfAnyFound() {
        if (found.isEmpty()) {
            return;
        }
        String report = String.join("\n", found);
        int count = found.size();
        found.clear();
        throw new AssertionError("axe-core found " + count + " accessibility violation" + (count == 1 ? "" : "s")
                + " (WCAG 2.2 A and AA):\n" + report);
    }

    private static String describe(String page, Map<?, ?> violation) {
        return "- " + page + "\n    " + violation.get("id") + " (" + violation.get("impact") + "): "
                + violation.get("help") + "\n    at " + violation.get("targets");
    }

    private static String read(String resource) {
        try (InputStream in = AxeAudit.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

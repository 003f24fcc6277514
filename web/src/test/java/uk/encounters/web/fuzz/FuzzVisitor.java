package uk.encounters.web.fuzz;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import uk.encounters.web.RunningApp;

/**
 * A browser for the fuzz test: keeps its cookies (session, CSRF token), speaks HTTP/1.1 as browsers
 * do without TLS, and sends each request from a different address (X-Forwarded-For, with the app
 * behind a trusted proxy) so per-address rate limits let the bad input reach the forms' checks.
 */
final class FuzzVisitor {

    private static final String CSRF_COOKIE = "XSRF-TOKEN";

    private final RunningApp app;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final Random addresses;

    FuzzVisitor(RunningApp app, long seed) {
        this.app = app;
        this.addresses = new Random(seed);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> post(String path, BadInput.Post post) {
        HttpRequest.Builder request = request(path).POST(HttpRequest.BodyPublishers.ofByteArray(post.body()));
        if (post.contentType() != null) {
            request.header("Content-Type", post.contentType());
        }
        return send(request);
    }

    /** Signs in through the real form; false when refused (a rate limit, say). */
    boolean signIn(String email, String password) {
        get("/sign-in");
        String body = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&" + HarvestedForm.CSRF_FIELD + "="
                + URLEncoder.encode(csrfToken(), StandardCharsets.UTF_8);
        HttpResponse<String> response = send(request("/sign-in")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        return response.statusCode() == 302 || response.statusCode() == 303;
    }

    /** The CSRF token the app last gave this browser (its cookie, which the page's hidden field repeats). */
    String csrfToken() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(CSRF_COOKIE))
                .map(HttpCookie::getValue)
                .reduce((a, b) -> b)
                .orElse("none");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(app.url(path)))
                .timeout(Duration.ofSeconds(60))
                .header(
                        "X-Forwarded-For",
                        "10." + addresses.nextInt(256) + "." + addresses.nextInt(256) + "."
                                + (1 + addresses.nextInt(254)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

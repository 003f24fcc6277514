package uk.encounters.benchmark.load;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One person's browser: its own cookies (session and CSRF), no redirects followed, so each
 * timed request is exactly one page or one form post.
 */
final class LoadUser {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    record Response(int status, String body, long nanos) {}

    private final String baseUrl;
    private final HttpClient http;
    /** Sent as X-Forwarded-For: each simulated person comes from their own address. */
    private final String address;

    LoadUser(String baseUrl, String address) {
        this.baseUrl = baseUrl;
        this.address = address;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    Response get(String path) {
        return send(request(path).GET().build());
    }

    Response post(String path, Map<String, String> fields) {
        return post(path, fields, address);
    }

    /** A post from another address: an SME's offer comes from their own office, not the tester's. */
    Response post(String path, Map<String, String> fields, String fromAddress) {
        String body = fields.entrySet().stream()
                .map(f -> encode(f.getKey()) + "=" + encode(f.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path, fromAddress)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Opens a sign-in link and presses its button, as a person would: the session cookie is then set. */
    void signIn(String linkPath) {
        Response page = get(linkPath);
        HtmlForm form = HtmlForm.find(page.body(), linkPath)
                .orElseThrow(() ->
                        new IllegalStateException("No sign-in button at " + linkPath + " (" + page.status() + ")"));
        Response signedIn = post(linkPath, form.fields());
        if (signedIn.status() != 303 && signedIn.status() != 302) {
            throw new IllegalStateException("Signing in with " + linkPath + " answered " + signedIn.status());
        }
    }

    private HttpRequest.Builder request(String path) {
        return request(path, address);
    }

    private HttpRequest.Builder request(String path, String fromAddress) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(REQUEST_TIMEOUT)
                .header("X-Forwarded-For", fromAddress);
    }

    private Response send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), System.nanoTime() - start);
        } catch (IOException e) {
            return new Response(0, e.toString(), System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(0, "interrupted", System.nanoTime() - start);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

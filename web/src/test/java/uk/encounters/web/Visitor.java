package uk.encounters.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One person's browser, as far as HTTP goes: cookies kept, forms posted with the page's CSRF token. */
public final class Visitor {

    private static final Pattern CSRF = Pattern.compile("name=\"X-XSRF-TOKEN\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final Duration timeout;
    private String csrfToken;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public Visitor(RunningApp app) {
        this(app.url(""));
    }

    /** A browser talking to this address: one app instance's, or a load balancer's in front of several. */
    public Visitor(String baseUrl) {
        this(baseUrl, Duration.ofSeconds(20));
    }

    /** A visitor who gives up on a request after {@code timeout}: an {@link IllegalStateException} caused by HttpTimeoutException. */
    public Visitor(RunningApp app, Duration timeout) {
        this(app.url(""), timeout);
    }

    public Visitor(String baseUrl, Duration timeout) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public HttpResponse<String> get(String path) {
        return remember(send(HttpRequest.newBuilder(URI.create(url(path))).GET()));
    }

    /** Keeps the CSRF token of the page, as a browser keeps the page's hidden field. */
    private HttpResponse<String> remember(HttpResponse<String> response) {
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrfToken = m.group(1);
        }
        return response;
    }

    /** Posts a form with the CSRF token of the last page this visitor loaded. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        if (csrfToken != null) {
            withToken.putIfAbsent("X-XSRF-TOKEN", csrfToken);
        }
        return postExactly(path, withToken);
    }

    /** Posts fields that may repeat (a group of checkboxes), with the page's CSRF token. */
    public HttpResponse<String> postAll(String path, java.util.List<Map.Entry<String, String>> fields) {
        java.util.List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
        all.add(Map.entry("X-XSRF-TOKEN", csrfToken));
        return postEntries(path, all);
    }

    /** Posts exactly these fields, token or not. */
    public HttpResponse<String> postExactly(String path, Map<String, String> fields) {
        return postEntries(path, java.util.List.copyOf(fields.entrySet()));
    }

    private HttpResponse<String> postEntries(String path, java.util.List<Map.Entry<String, String>> fields) {
        String body = fields.stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return remember(send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    /** Posts a form with a file, as a browser sends an upload, with the page's CSRF token. */
    public HttpResponse<String> upload(String path, String fileField, String fileName, byte[] content) {
        return upload(path, fileField, fileName, content, Map.of());
    }

    /** Posts a form with a file and other fields (a button's value), with the page's CSRF token. */
    public HttpResponse<String> upload(
            String path, String fileField, String fileName, byte[] content, Map<String, String> fields) {
        String boundary = "----encounters" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        String token = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"X-XSRF-TOKEN\"\r\n\r\n" + csrfToken
                + "\r\n";
        fields.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        String file = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n";
        body.writeBytes(token.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return remember(send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))));
    }

    /** A file a form sends: its input's name, the name on the sender's computer, the type it declares, its bytes. */
    public record Upload(String field, String fileName, String contentType, byte[] content) {}

    /** Posts a form with several files and fields, as a browser sends it, with the page's CSRF token. */
    public HttpResponse<String> upload(String path, Map<String, String> fields, java.util.List<Upload> files) {
        String boundary = "----encounters" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        Map<String, String> withToken = new LinkedHashMap<>();
        withToken.put("X-XSRF-TOKEN", csrfToken);
        withToken.putAll(fields);
        withToken.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
        for (Upload file : files) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
                            + "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: " + file.contentType()
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return remember(send(HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))));
    }

    /** Downloads a file: its bytes exactly as sent. */
    public HttpResponse<byte[]> download(String path) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url(path))).GET();
        headers.forEach(request::header);
        try {
            return http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs in with a password through the real form. */
    public Visitor signIn(String email, String password) {
        get("/sign-in");
        HttpResponse<String> response = post("/sign-in", Map.of("email", email, "password", password));
        if (response.statusCode() != 303 && response.statusCode() != 302) {
            throw new IllegalStateException("Sign-in as " + email + " failed: " + response.statusCode());
        }
        get("/account");
        return this;
    }

    /** Sends this header with every request from now on, as a forger (or a browser extension) might. */
    public Visitor withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Presents a cookie this visitor did not get itself: a stolen or stale one. */
    public Visitor withCookie(String name, String value) {
        java.net.HttpCookie cookie = new java.net.HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(url("/")), cookie);
        return this;
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    private String url(String path) {
        return baseUrl + path;
    }

    public String csrfToken() {
        return csrfToken;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            headers.forEach(request::header);
            return http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

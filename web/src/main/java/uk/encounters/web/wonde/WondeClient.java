package uk.encounters.web.wonde;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a school's pupils from Wonde's students endpoint, page by page, following each page's
 * {@code meta.pagination.next} while {@code more} is true. Blocking: call it off the event loop.
 * Wonde's answers hold names and dates of birth, so neither a body nor a row is ever logged, and
 * a failure's message says only what went wrong.
 */
public final class WondeClient {

    /** Wonde's largest page, so a roll of 2,000 takes ten requests. */
    static final int PER_PAGE = 200;
    /** A school of 10,000 pupils and room to spare: a link that never ends is not followed for ever. */
    private static final int MOST_PAGES = 100;

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Wonde did not give the roll; the message is for the careers leader, and nothing was changed. */
    public static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    private final WondeSettings settings;
    private final HttpClient http;

    public WondeClient(WondeSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Every pupil Wonde lists for the school. */
    public List<WondeStudent> students(String wondeSchoolId) throws Unavailable {
        if (settings.token().isEmpty()) {
            throw new Unavailable("Wonde is not set up for this installation (no WONDE_API_TOKEN).");
        }
        List<WondeStudent> students = new ArrayList<>();
        URI page = URI.create(settings.apiUrl() + "/schools/" + URLEncoder.encode(wondeSchoolId, StandardCharsets.UTF_8)
                + "/students?include=education_details,extended_details,year&per_page=" + PER_PAGE);
        for (int pages = 1; page != null; pages++) {
            if (pages > MOST_PAGES) {
                throw new Unavailable("Wonde's list of pupils did not end after " + MOST_PAGES + " pages.");
            }
            JsonObject answer = get(page, wondeSchoolId);
            try {
                JsonArray data = answer.getJsonArray("data");
                if (data == null) {
                    throw new Unavailable("Wonde's answer had no list of pupils in it.");
                }
                for (Object student : data) {
                    if (student instanceof JsonObject s) {
                        students.add(WondeStudent.of(s));
                    }
                }
                page = next(answer);
            } catch (ClassCastException e) {
                throw new Unavailable("Wonde's answer was not in the shape its documentation gives.");
            }
        }
        return students;
    }

    /** The next page's address, or null after the last. Only Wonde's own address is followed: the token goes nowhere else. */
    private URI next(JsonObject answer) throws Unavailable {
        JsonObject meta = answer.getJsonObject("meta");
        JsonObject pagination = meta == null ? null : meta.getJsonObject("pagination");
        if (pagination == null || !Boolean.TRUE.equals(pagination.getValue("more"))) {
            return null;
        }
        String next = pagination.getString("next");
        if (next == null || !next.startsWith(settings.apiUrl() + "/")) {
            throw new Unavailable("Wonde's next page was not at Wonde's address, so it was not followed.");
        }
        try {
            return URI.create(next);
        } catch (IllegalArgumentException e) {
            throw new Unavailable("Wonde's next page had an address that could not be read.");
        }
    }

    private JsonObject get(URI page, String wondeSchoolId) throws Unavailable {
        HttpRequest request = HttpRequest.newBuilder(page)
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + settings.token().orElseThrow())
                .header("Accept", "application/json")
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new Unavailable("Wonde did not answer within " + TIMEOUT.toSeconds() + " seconds; try again later.");
        } catch (IOException e) {
            throw new Unavailable("Wonde could not be reached; try again later.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("The pull was stopped before Wonde answered.");
        }
        int status = response.statusCode();
        if (status == 401) {
            throw new Unavailable("Wonde refused this installation's token (401): the administrator needs to check"
                    + " WONDE_API_TOKEN.");
        }
        if (status == 403 || status == 404) {
            throw new Unavailable("Wonde has no school " + wondeSchoolId + " that has granted this app access to its"
                    + " pupils (" + status + "). Check the Wonde school id, and approve the app in Wonde.");
        }
        if (status == 429) {
            throw new Unavailable("Wonde asked for fewer requests (429); try again in a few minutes.");
        }
        if (status != 200) {
            throw new Unavailable("Wonde could not give the pupils (" + status + "); try again later.");
        }
        try {
            return new JsonObject(response.body());
        } catch (DecodeException | ClassCastException e) {
            throw new Unavailable("Wonde's answer could not be read.");
        }
    }
}

package uk.encounters.web.observe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The samples of one scrape in Prometheus text format, read as Prometheus reads them. */
record PrometheusScrape(String contentType, List<Sample> samples) {

    record Sample(String name, Map<String, String> labels, double value) {}

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static PrometheusScrape of(String url) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return parse(response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Could not scrape " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static PrometheusScrape parse(String contentType, String text) {
        List<Sample> samples = text.lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(line -> {
                    Matcher m = SAMPLE.matcher(line);
                    if (!m.matches()) {
                        throw new IllegalStateException("Not a Prometheus sample: " + line);
                    }
                    Map<String, String> labels = new LinkedHashMap<>();
                    if (m.group(2) != null) {
                        Matcher label = LABEL.matcher(m.group(2));
                        while (label.find()) {
                            labels.put(label.group(1), label.group(2));
                        }
                    }
                    return new Sample(
                            m.group(1), labels, Double.parseDouble(m.group(3).replace("Inf", "Infinity")));
                })
                .toList();
        return new PrometheusScrape(contentType, samples);
    }

    /** The samples of this name whose labels include all of {@code labels}. */
    List<Sample> find(String name, Map<String, String> labels) {
        return samples.stream()
                .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
    }

    /** The one sample of this name with these labels (among others). */
    double value(String name, Map<String, String> labels) {
        List<Sample> found = find(name, labels);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " samples of " + name + " " + labels + ": " + found);
        }
        return found.getFirst().value();
    }

    double value(String name) {
        return value(name, Map.of());
    }
}

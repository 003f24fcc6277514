package uk.encounters.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A posted form: read each field, validate it, and collect a message per bad field. When there
 * are errors the page is shown again with the person's input, a message beside each bad field
 * and a summary at the top (templates/partials/field.hbs and error-summary.hbs), and nothing is
 * written.
 */
public final class Form {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    private final MultiMap attributes;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();

    private Form(MultiMap attributes) {
        this.attributes = attributes;
    }

    public static Form of(RoutingContext ctx) {
        return new Form(ctx.request().formAttributes());
    }

    /** An empty form, for showing it the first time. */
    public static Form blank() {
        return new Form(MultiMap.caseInsensitiveMultiMap());
    }

    /** The trimmed value ("" when absent), refused when longer than {@code maxLength}. */
    public String text(String name, String label, int maxLength) {
        String value = attributes.get(name);
        value = value == null ? "" : value.strip();
        values.put(name, value);
        if (value.length() > maxLength) {
            error(name, label + " must be " + maxLength + " characters or fewer");
        }
        return value;
    }

    public String required(String name, String label, int maxLength) {
        String value = text(name, label, maxLength);
        if (value.isEmpty()) {
            error(name, "Enter " + label.toLowerCase());
        }
        return value;
    }

    public String email(String name, String label) {
        String value = required(name, label, 320);
        if (!value.isEmpty() && !errors.containsKey(name) && !EMAIL.matcher(value).matches()) {
            error(name, "Enter an email address in the right format, like name@example.org");
        }
        return value;
    }

    /** A secret such as a password: read as typed, never echoed back to the page. */
    public String secret(String name, String label, int maxLength) {
        String value = attributes.get(name);
        value = value == null ? "" : value;
        if (value.isEmpty()) {
            error(name, "Enter " + label.toLowerCase());
        } else if (value.length() > maxLength) {
            error(name, label + " must be " + maxLength + " characters or fewer");
        }
        return value;
    }

    /** A choice that must be one of {@code allowed}. */
    public String choice(String name, String label, List<String> allowed) {
        String value = text(name, label, 100);
        if (!allowed.contains(value)) {
            error(name, "Select " + label.toLowerCase());
        }
        return value;
    }

    /** Keeps the first message for a field: it is the one to fix first. */
    public void error(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void keep(String name, String value) {
        values.put(name, value);
    }

    /** What the templates read: values, fieldErrors (by field) and errors (in order, for the summary). */
    public Map<String, Object> model() {
        List<Map<String, String>> summary = new ArrayList<>();
        errors.forEach((field, message) -> summary.add(Map.of("field", field, "message", message)));
        return Map.of("values", values, "fieldErrors", errors, "errors", summary);
    }
}

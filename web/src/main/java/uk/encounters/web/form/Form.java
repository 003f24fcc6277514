package uk.encounters.web.form;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import uk.encounters.marketplace.TypedText;
import uk.encounters.marketplace.money.Pounds;
import uk.encounters.marketplace.pupil.Hours;

/**
 * A posted form: read each field, validate it, and collect a message per bad field. When there
 * are errors the page is shown again with the person's input, a message beside each bad field
 * and a summary at the top (templates/partials/field.hbs and error-summary.hbs), and nothing is
 * written.
 */
public final class Form {

    /** Joins a checkbox group's ticked values in {@link #model()}: never part of a value (sector names hold commas). */
    public static final String TICKED_SEPARATOR = "|";

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    // digits and spaces, an optional leading +: what the database's check allows too
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ]+$");

    private final MultiMap attributes;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();

    private Form(MultiMap attributes) {
        this.attributes = attributes;
    }

    public static Form of(RoutingContext ctx) {
        return new Form(ctx.request().formAttributes());
    }

    /** Fields from elsewhere than a request body: a CSV row checked by the form it stands in for. */
    public static Form of(MultiMap attributes) {
        return new Form(attributes);
    }

    /** A search form sent with GET: its fields are in the address, and its page has no CSRF token. */
    public static Form ofQuery(RoutingContext ctx) {
        return new Form(ctx.queryParams());
    }

    /** An empty form, for showing it the first time. */
    public static Form blank() {
        return new Form(MultiMap.caseInsensitiveMultiMap());
    }

    /** A form showing these starting values, for a form with sensible defaults. */
    public static Form withValues(Map<String, String> defaults) {
        Form form = new Form(MultiMap.caseInsensitiveMultiMap());
        form.values.putAll(defaults);
        return form;
    }

    /**
     * The trimmed value ("" when absent) of a one-line field, refused when longer than
     * {@code maxLength} or when it holds a line break, a tab or another character that is never
     * text ({@link TypedText}): such characters must never reach names, mail, CSV or calendars.
     */
    public String text(String name, String label, int maxLength) {
        return read(name, label, maxLength, TypedText.ONE_LINE);
    }

    /** The trimmed value of a field of several lines (notes, a description): line breaks are kept. */
    public String lines(String name, String label, int maxLength) {
        return read(name, label, maxLength, TypedText.LINES);
    }

    private String read(String name, String label, int maxLength, TypedText shape) {
        String value = attributes.get(name);
        value = value == null ? "" : value.strip();
        values.put(name, value);
        if (value.length() > maxLength) {
            error(name, label + " must be " + maxLength + " characters or fewer");
        } else if (!shape.accepts(value)) {
            error(name, shape.refusal(label));
        }
        return value;
    }

    /** A required one-line name (a provider, an organisation). */
    public String name(String name, String label, int maxLength) {
        return required(name, label, maxLength);
    }

    public String required(String name, String label, int maxLength) {
        return entered(name, label, text(name, label, maxLength));
    }

    /** A required field of several lines, such as a reason. */
    public String requiredLines(String name, String label, int maxLength) {
        return entered(name, label, lines(name, label, maxLength));
    }

    private String entered(String name, String label, String value) {
        if (value.isEmpty()) {
            error(name, "Enter " + label.toLowerCase());
        }
        return value;
    }

    public String email(String name, String label) {
        String value = required(name, label, 320);
        if (!value.isEmpty()
                && !errors.containsKey(name)
                && !EMAIL.matcher(value).matches()) {
            error(name, "Enter an email address in the right format, like name@example.org");
        }
        return value;
    }

    /** A phone number as people write it (digits, spaces, a leading +), or "" when left blank. */
    public String phone(String name, String label) {
        String value = text(name, label, 30);
        long digits = value.chars().filter(Character::isDigit).count();
        if (!value.isEmpty()
                && !errors.containsKey(name)
                && (!PHONE.matcher(value).matches() || digits < 6 || digits > 15)) {
            error(name, label + " must be a phone number of digits and spaces, like 01332 123456 or +44 1332 123456");
        }
        return value;
    }

    /** A time of day as a browser's time field sends it (09:00); null with a message when it is not one. */
    public LocalTime time(String name, String label) {
        String value = text(name, label, 8);
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            error(
                    name,
                    value.isEmpty() ? "Enter " + label.toLowerCase() : label + " must be a time, like 09:00 or 13:15");
            return null;
        }
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

    /** A whole number in [min, max]; {@code fallback} when the field is absent (not when it is blank). */
    public int integer(String name, String label, int min, int max) {
        String value = text(name, label, 12);
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                error(name, label + " must be between " + min + " and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            error(name, label + " must be a whole number, like " + min);
            return min;
        }
    }

    /** A number with up to two decimal places in [min, max], like 0.5 or 3. */
    public double decimal(String name, String label, double min, double max) {
        String value = text(name, label, 12);
        if (!value.matches("\\d{1,6}(\\.\\d{1,2})?")) {
            error(name, label + " must be a number like 0.5 or 3, with at most two decimal places");
            return min;
        }
        double number = Double.parseDouble(value);
        if (number < min || number > max) {
            error(name, label + " must be between " + plain(min) + " and " + plain(max));
        }
        return number;
    }

    /** A number as a person writes it: 3, not 3.0; 0.5 as it is. */
    public static String plain(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }

    /**
     * A search field left blank for "any": one of {@code allowed}, else null (with a message when
     * something else was sent, so nothing unknown reaches a query).
     */
    public String optionalChoice(String name, String label, List<String> allowed) {
        String value = text(name, label, 100);
        if (value.isEmpty()) {
            return null;
        }
        if (!allowed.contains(value)) {
            error(name, "Choose " + label.toLowerCase() + " from the list");
            return null;
        }
        return value;
    }

    /** A whole number in [min, max], or null when left blank. */
    public Integer optionalInteger(String name, String label, int min, int max) {
        return text(name, label, 12).isEmpty() ? null : integer(name, label, min, max);
    }

    /**
     * Hours as people type them ("5", "2.5", to a tenth of an hour), more than none and at most
     * {@code most}; null when left blank or not hours (with a message).
     */
    public Hours optionalHours(String name, String label, Hours most) {
        String value = text(name, label, 12);
        if (value.isEmpty() || errors.containsKey(name)) {
            return null;
        }
        Optional<Hours> hours = Hours.parse(value);
        if (hours.isEmpty()) {
            error(name, label + " must be a number of hours, like 5 or 2.5");
            return null;
        }
        if (hours.get().isZero() || most.isLessThan(hours.get())) {
            error(name, label + " must be more than 0 and at most " + most.figure());
            return null;
        }
        return hours.get();
    }

    /** A date, or null when left blank. */
    public LocalDate optionalDate(String name, String label) {
        return text(name, label, TypedDate.MAX_LENGTH).isEmpty() ? null : date(name, label);
    }

    /** Pounds as people write them ("45", "£45.50", "1,200"), in pence; null when left blank. */
    public Long pounds(String name, String label, long maxPounds) {
        String value = text(name, label, 20);
        if (value.isEmpty()) {
            return null;
        }
        Optional<Long> pence = Pounds.parse(value);
        if (pence.isEmpty()) {
            error(name, label + " must be an amount in pounds, like 45 or 45.50");
            return null;
        }
        if (pence.get() > maxPounds * 100) {
            error(name, label + " must be at most " + Pounds.format(maxPounds * 100));
        }
        return pence.get();
    }

    /**
     * A date as a browser's date field sends it (2027-03-15) or as a person types it where there is
     * no date picker or in a spreadsheet ({@link TypedDate}); null with a message when it is not one.
     * A date read is shown again as the date field expects it.
     */
    public LocalDate date(String name, String label) {
        String value = text(name, label, TypedDate.MAX_LENGTH);
        if (errors.containsKey(name)) {
            return null;
        }
        Optional<LocalDate> date = TypedDate.parse(value);
        if (date.isEmpty()) {
            error(
                    name,
                    value.isEmpty()
                            ? "Enter " + label.toLowerCase()
                            : label + " must be a real date, like " + TypedDate.EXAMPLE);
            return null;
        }
        values.put(name, date.get().toString());
        return date.get();
    }

    /** A checkbox: ticked when present. */
    public boolean checked(String name) {
        boolean ticked = attributes.contains(name);
        values.put(name, ticked ? "true" : "");
        return ticked;
    }

    /** The ticked options of a group of checkboxes sharing a name, each one of {@code allowed}. */
    public List<String> ticked(String name, String label, List<String> allowed) {
        List<String> chosen = attributes.getAll(name).stream()
                .filter(allowed::contains)
                .distinct()
                .toList();
        values.put(name, String.join(TICKED_SEPARATOR, chosen));
        if (chosen.size() != attributes.getAll(name).size()) {
            error(name, "Choose " + label.toLowerCase() + " from the list");
        }
        return chosen;
    }

    /** Every value sent under {@code name} (hidden fields carrying a list), as sent: check each before use. */
    public List<String> all(String name) {
        return attributes.getAll(name);
    }

    /** Keeps the first message for a field: it is the one to fix first. */
    public void error(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    /** The messages in the order the fields were read, for reports that list them together. */
    public List<String> messages() {
        return List.copyOf(errors.values());
    }

    /** The message beside a field, or null: for pages whose fields are built in a loop. */
    public String errorOf(String field) {
        return errors.get(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void keep(String name, String value) {
        values.put(name, value);
    }

    /** The value shown in a field: as typed, as read, or as given to start with; null when none. */
    public String value(String name) {
        return values.get(name);
    }

    /** What the templates read: values, fieldErrors (by field) and errors (in order, for the summary). */
    public Map<String, Object> model() {
        List<Map<String, String>> summary = new ArrayList<>();
        errors.forEach((field, message) -> summary.add(Map.of("field", field, "message", message)));
        return Map.of("values", values, "fieldErrors", errors, "errors", summary);
    }
}

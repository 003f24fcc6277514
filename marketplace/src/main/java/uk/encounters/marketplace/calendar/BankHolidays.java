package uk.encounters.marketplace.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import uk.encounters.marketplace.TypedText;

/**
 * England and Wales bank holidays, by date with their titles: from GOV.UK's bank-holidays.json
 * (its "england-and-wales" division), the copy shipped in the app or an administrator's upload.
 */
public record BankHolidays(NavigableMap<LocalDate, String> days) {

    /** Where the shipped copy lives; its README says which dates are GOV.UK's and which computed. */
    static final String SHIPPED = "bank-holidays.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TITLE = 200;
    private static final BankHolidays SHIPPED_DAYS = readShipped();

    public BankHolidays {
        days = Collections.unmodifiableNavigableMap(new TreeMap<>(days));
    }

    /** A file that is not GOV.UK's bank-holidays.json shape, with what is wrong in plain words. */
    public static final class Invalid extends Exception {
        public Invalid(String message) {
            super(message);
        }
    }

    /** The copy shipped in the app: 2024 to 2028. */
    public static BankHolidays shipped() {
        return SHIPPED_DAYS;
    }

    /**
     * Reads GOV.UK's format: {"england-and-wales": {"division": ..., "events": [{"title", "date",
     * "notes", "bunting"}]}}. Other divisions are ignored; every event needs a one-line title and a
     * real date, each date once.
     */
    public static BankHolidays parse(String json) throws Invalid {
        JsonNode root;
        try {
            root = JSON.readTree(json.startsWith("\uFEFF") ? json.substring(1) : json);
        } catch (JsonProcessingException e) {
            throw new Invalid("The file is not JSON: upload GOV.UK's bank-holidays.json as it is");
        }
        JsonNode events = root == null ? null : root.path("england-and-wales").get("events");
        if (events == null || !events.isArray()) {
            throw new Invalid("The file has no \"england-and-wales\" division with a list of \"events\","
                    + " as GOV.UK's bank-holidays.json has");
        }
        NavigableMap<LocalDate, String> days = new TreeMap<>();
        int number = 0;
        for (JsonNode event : events) {
            number++;
            String title = event.path("title").asText("").strip();
            String date = event.path("date").asText("");
            if (title.isEmpty() || title.length() > MAX_TITLE || !TypedText.ONE_LINE.accepts(title)) {
                throw new Invalid("Event " + number + " needs a title of one line, up to " + MAX_TITLE + " characters");
            }
            LocalDate day;
            try {
                day = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new Invalid("Event " + number + " (" + title + ") needs a date like 2027-05-31");
            }
            if (days.putIfAbsent(day, title) != null) {
                throw new Invalid("Event " + number + " (" + title + ") repeats the date " + day);
            }
        }
        if (days.isEmpty()) {
            throw new Invalid("The file lists no bank holidays for England and Wales");
        }
        return new BankHolidays(days);
    }

    public boolean contains(LocalDate day) {
        return days.containsKey(day);
    }

    /** How many bank holidays each calendar year has: eight in a usual year. */
    public Map<Integer, Long> perYear() {
        return days.keySet().stream()
                .collect(Collectors.groupingBy(LocalDate::getYear, TreeMap::new, Collectors.counting()));
    }

    private static BankHolidays readShipped() {
        try (InputStream in = BankHolidays.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("The shipped " + SHIPPED + " is missing from the app");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Invalid e) {
            throw new IllegalStateException("The shipped " + SHIPPED + " is not valid: " + e.getMessage(), e);
        }
    }
}

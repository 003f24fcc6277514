package uk.encounters.web.wonde;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import uk.encounters.marketplace.pupil.MisValue;

/**
 * One pupil as Wonde's students endpoint lists them (with education_details, extended_details and
 * year included), read for what this app keeps and nothing else: names, dates of birth and the
 * rest of Wonde's answer are never read into it.
 *
 * @param wondeId         Wonde's own id for the pupil, to name a refused row without naming the pupil
 * @param upn             as Wonde gives it; becomes a reference at once, never kept
 * @param admissionNumber for a pupil without a UPN
 * @param yearGroup       "9", "Year 9", "R" ... as Wonde gives it
 */
public record WondeStudent(
        String wondeId,
        Optional<String> upn,
        Optional<String> admissionNumber,
        String yearGroup,
        boolean disadvantaged,
        boolean send,
        boolean eal) {

    private static final Set<String> YES = Set.of("yes", "y", "true", "t", "1");

    /** Reads one element of the answer's {@code data}. */
    static WondeStudent of(JsonObject student) {
        JsonObject education = included(student, "education_details");
        JsonObject extended = included(student, "extended_details");
        JsonObject year = included(student, "year");
        String nationalCurriculumYear = text(education.getValue("current_nc_year"));
        return new WondeStudent(
                text(student.getValue("id")),
                optional(education.getValue("upn")),
                optional(education.getValue("admission_number")),
                nationalCurriculumYear.isEmpty() ? text(year.getValue("code")) : nationalCurriculumYear,
                // as the CSV import: pupil premium, or free school meals in the last six years
                yes(extended.getValue("premium_pupil_indicator")) || yes(extended.getValue("free_school_meals_6")),
                send(text(extended.getValue("sen_status"))),
                eal(extended));
    }

    /** A status Wonde's source system gave but we do not know is some need all the same: counted as SEND. */
    private static boolean send(String senStatus) {
        return MisValue.send(senStatus).orElse(!MisValue.words(senStatus).isEmpty());
    }

    /** Wonde's own EAL flag when it gives one, else the EAL status, else the first language. */
    private static boolean eal(JsonObject extended) {
        Object flag = extended.getValue("english_as_additional_language");
        if (flag instanceof Boolean b) {
            return b;
        }
        String status = MisValue.words(text(extended.getValue("english_as_additional_language_status")));
        if (!status.isEmpty()) {
            return MisValue.eal(status);
        }
        return MisValue.eal(text(extended.getValue("first_language")));
    }

    /** An include's {@code data} object; empty when Wonde left it out or sent null. */
    private static JsonObject included(JsonObject student, String include) {
        if (student.getValue(include) instanceof JsonObject wrapper
                && wrapper.getValue("data") instanceof JsonObject data) {
            return data;
        }
        return new JsonObject();
    }

    private static boolean yes(Object value) {
        return value instanceof Boolean b ? b : YES.contains(text(value).toLowerCase(Locale.ROOT));
    }

    private static Optional<String> optional(Object value) {
        String text = text(value);
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** A string or number as text, stripped; control characters never come through. */
    private static String text(Object value) {
        if (value instanceof String || value instanceof Number) {
            return value.toString().replaceAll("\\p{Cntrl}", "").strip();
        }
        return "";
    }

    /** "Education, Health and Care Plan" and "English (assumed)" as plain lower-case words. */
}

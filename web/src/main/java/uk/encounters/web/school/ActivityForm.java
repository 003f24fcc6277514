package uk.encounters.web.school;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.encounters.marketplace.pupil.Hours;
import uk.encounters.marketplace.pupil.SchoolActivityRepository;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.matcher.explain.DateStyle;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.CsvImport;
import uk.encounters.web.form.Form;
import uk.encounters.web.form.SelectOptions;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.PathId;

/**
 * The form for one activity: shown with the school's activities so far (and the file import
 * beside it), or correcting one; and read back into what happened and who was there.
 */
public final class ActivityForm {

    /** How far back an activity may be recorded: this school year and the last. */
    static final int YEARS_BACK = 2;

    /** The form for a new activity with the activities so far, or the form correcting one. */
    public record ActivitiesPage(
            long schoolId,
            SchoolActivityRepository.Activity existing,
            String action,
            List<SelectOptions.Option> types,
            List<SelectOptions.Option> years,
            boolean wholeYearGroup,
            List<SchoolActivityRepository.Activity> activities,
            CsvImport.Preview preview) {}

    /** One activity as the form gives it: what, and each pupil present or absent. */
    record Recorded(SchoolActivityRepository.Details details, Map<Long, Boolean> register) {

        String describe() {
            long present =
                    register.values().stream().filter(Boolean::booleanValue).count();
            return details.type().label() + " by " + details.provider() + " on "
                    + DateStyle.of(details.occurredOn()) + ", " + present + " pupils there"
                    + (present < register.size() ? ", " + (register.size() - present) + " absent" : "");
        }
    }

    private final SchoolActivityRepository activities;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    public ActivityForm(SchoolActivityRepository activities, Blocking blocking, Templates templates, Clock clock) {
        this.activities = activities;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /** The activity the form describes, or empty with each problem beside its field. */
    Optional<Recorded> read(Form form, long schoolId) {
        String provider = form.name("provider", "Who ran it", 200);
        String type = form.choice(
                "type",
                "What it was",
                Arrays.stream(EncounterType.values()).map(EncounterType::code).toList());
        LocalDate date = form.date("date", "The date");
        LocalDate today = LocalDate.now(clock);
        if (date != null && date.isAfter(today)) {
            form.error("date", "Record an activity once it has happened: the date must be today or earlier");
        } else if (date != null && date.isBefore(today.minusYears(YEARS_BACK))) {
            form.error("date", "Record activities of this school year and the last");
        }
        Hours hours = hours(form, type);
        ActivityRegister who = ActivityRegister.read(form);
        if (form.hasErrors()) {
            return Optional.empty();
        }
        Map<Long, Boolean> register = blocking.call(() -> who.pupils(activities, form, schoolId, date));
        if (form.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new Recorded(
                new SchoolActivityRepository.Details(
                        EncounterType.fromCode(type), provider, date, who.yearGroup(), hours),
                register));
    }

    /**
     * The hours each pupil there spent, for a workplace visit, shadowing or work experience (one
     * day: at most 24); none for any other encounter.
     */
    static Hours hours(Form form, String type) {
        Hours hours = form.optionalHours("hours", "Hours each pupil spent there", Hours.of(24));
        boolean workplace = EncounterType.named(type)
                .map(EncounterType::workplaceExperience)
                .orElse(false);
        if (workplace && hours == null && form.value("hours").isEmpty()) {
            form.error("hours", "Enter the hours each pupil spent there, like 5 for a school day or 3 for a morning");
        } else if (!workplace && hours != null) {
            form.error(
                    "hours",
                    "Hours are counted for workplace visits, shadowing and work experience only: leave this blank");
            return null;
        }
        return hours;
    }

    /**
     * @param existing the activity corrected, or null for a new one
     * @param preview a checked file, or null
     */
    void show(
            RoutingContext ctx,
            int status,
            Form form,
            SchoolActivityRepository.Activity existing,
            CsvImport.Preview preview) {
        long schoolId = PathId.required(ctx, "schoolId");
        ActivitiesPage page = new ActivitiesPage(
                schoolId,
                existing,
                existing == null
                        ? "/schools/" + schoolId + "/activities"
                        : "/schools/" + schoolId + "/activities/" + existing.id(),
                SelectOptions.encounterTypes(form.value("type")),
                SelectOptions.yearGroups(form.value("yearGroup")),
                !ActivityRegister.CLASS_LIST.equals(form.value("who")),
                existing == null ? blocking.call(() -> activities.forSchool(schoolId)) : List.of(),
                preview);
        templates.render(
                ctx,
                status,
                "school/activities",
                existing == null ? "Activities your school arranged" : "Correct an activity",
                page,
                form);
    }
}

package uk.encounters.web.school;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import uk.encounters.marketplace.csv.CsvTable;
import uk.encounters.marketplace.pupil.SchoolActivityRepository;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.CsvImport;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.form.SelectOptions;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathEntity;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * Activities a school arranged itself, recorded in about a minute: who ran it, what it was, when,
 * and who was there (the whole year group, or a class list, less anyone absent); or many at once
 * from a CSV, one row per pupil per activity. They count like the marketplace's encounters.
 */
public final class ActivityRoutes {

    /** How far back an activity may be recorded: this school year and the last. */
    static final int YEARS_BACK = 2;

    static final String WHOLE_YEAR_GROUP = "yearGroup";
    static final String CLASS_LIST = "list";

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

    public record DeletePage(long schoolId, SchoolActivityRepository.Activity activity) {}

    private final SchoolActivityRepository activities;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;
    private final PathEntity<SchoolActivityRepository.Activity> activity;

    public ActivityRoutes(SchoolActivityRepository activities, Blocking blocking, Templates templates, Clock clock) {
        this.activities = activities;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
        this.activity = new PathEntity<>(
                "activity",
                blocking,
                ctx -> activities.find(PathId.required(ctx, "schoolId"), PathId.required(ctx, "activityId")));
    }

    /** Its routes (under /schools/:schoolId). */
    public void mount(Routes routes) {
        Routes school = routes.school();
        school.get("/activities", this::showActivities);
        school.post("/activities", this::processNewActivity);
        Routes one = school.under("/activities/:activityId").loading(activity);
        one.get("/edit", this::initEditActivity);
        one.post("", this::processEditActivity);
        one.get("/delete", this::initDeleteActivity);
        one.post("/delete", this::processDeleteActivity);
        school.uploads().post("/import/activities", this::processActivityImport);
    }

    public void showActivities(RoutingContext ctx) {
        Map<String, String> defaults = new HashMap<>();
        defaults.put("type", EncounterType.CAREERS_TALK.code());
        defaults.put("date", LocalDate.now(clock).toString());
        defaults.put("yearGroup", "9");
        defaults.put("who", WHOLE_YEAR_GROUP);
        showForm(ctx, 200, Form.withValues(defaults), null, null);
    }

    public void processNewActivity(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        Form form = Form.of(ctx);
        Optional<Recorded> recorded = read(form, schoolId);
        if (recorded.isEmpty()) {
            showForm(ctx, 422, form, null, null);
            return;
        }
        blocking.call(() -> activities.record(
                CurrentUser.actor(ctx),
                schoolId,
                recorded.get().details(),
                recorded.get().register()));
        Flash.set(ctx, "Recorded: " + recorded.get().describe() + ".");
        ctx.redirect("/schools/" + schoolId + "/activities");
    }

    public void initEditActivity(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        SchoolActivityRepository.Activity a = activity.of(ctx);
        Map<String, Boolean> register = blocking.call(() -> activities.register(schoolId, a.id()));
        Map<String, String> values = new HashMap<>();
        values.put("provider", a.provider());
        values.put("type", a.type().code());
        values.put("date", a.occurredOn().toString());
        values.put("yearGroup", a.yearGroup() == null ? "" : String.valueOf(a.yearGroup()));
        values.put("who", CLASS_LIST);
        values.put("pupils", String.join(" ", register.keySet()));
        values.put(
                "absent",
                String.join(
                        " ",
                        register.entrySet().stream()
                                .filter(e -> !e.getValue())
                                .map(Map.Entry::getKey)
                                .toList()));
        showForm(ctx, 200, Form.withValues(values), a, null);
    }

    public void processEditActivity(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        SchoolActivityRepository.Activity existing = activity.of(ctx);
        Form form = Form.of(ctx);
        Optional<Recorded> recorded = read(form, schoolId);
        if (recorded.isEmpty()) {
            showForm(ctx, 422, form, existing, null);
            return;
        }
        boolean corrected = blocking.call(() -> activities.correct(
                CurrentUser.actor(ctx),
                schoolId,
                existing.id(),
                recorded.get().details(),
                recorded.get().register()));
        Flash.set(ctx, corrected ? "Corrected: " + recorded.get().describe() + "." : "That activity has been deleted.");
        ctx.redirect("/schools/" + schoolId + "/activities");
    }

    /** Deleting cannot be undone, so it is asked for on a page of its own. */
    public void initDeleteActivity(RoutingContext ctx) {
        templates.render(
                ctx,
                "school/activity-delete",
                "Delete an activity",
                new DeletePage(PathId.required(ctx, "schoolId"), activity.of(ctx)));
    }

    /** Deletes only what the confirmation page confirmed; any other post goes back to that page. */
    public void processDeleteActivity(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        long activityId = activity.of(ctx).id();
        if (!"yes".equals(Form.of(ctx).text("confirm", "Confirmation", 3))) {
            ctx.redirect("/schools/" + schoolId + "/activities/" + activityId + "/delete");
            return;
        }
        boolean deleted = blocking.call(() -> activities.delete(CurrentUser.actor(ctx), schoolId, activityId));
        if (!deleted) {
            // deleted meanwhile, by another click
            ctx.fail(404);
            return;
        }
        Flash.set(ctx, "Deleted the activity and its pupils' encounters.");
        ctx.redirect("/schools/" + schoolId + "/activities");
    }

    /**
     * Many activities from one file, one row per pupil per activity: rows with the same date,
     * type and provider are one activity. Checked row by row; saved whole, or not at all.
     */
    public void processActivityImport(RoutingContext ctx) {
        long schoolId = PathId.required(ctx, "schoolId");
        Form form = Form.of(ctx);
        Map<String, SchoolActivityRepository.Pupil> pupils = blocking.call(() -> activities.pupils(schoolId));
        CsvImport<Row> file = CsvImport.check(
                CsvImport.textOf(ctx, "file", "csv"),
                List.of("pupil_reference", "date", "type", "provider"),
                new Rows(pupils, LocalDate.now(clock)));
        if (!file.saveNow(form)) {
            int status = file.previewStatus(form);
            showForm(
                    ctx,
                    status,
                    Form.withValues(Map.of(
                            "type",
                            EncounterType.CAREERS_TALK.code(),
                            "who",
                            WHOLE_YEAR_GROUP,
                            "date",
                            LocalDate.now(clock).toString())),
                    null,
                    file.preview("activities", "/schools/" + schoolId + "/import/activities", status));
            return;
        }
        Map<SchoolActivityRepository.Details, Map<Long, Boolean>> grouped = group(file.valid());
        blocking.call(() -> activities.recordAll(CurrentUser.actor(ctx), schoolId, grouped));
        Flash.set(
                ctx,
                "Recorded " + grouped.size() + (grouped.size() == 1 ? " activity" : " activities") + " for "
                        + file.valid().size() + " pupil places.");
        ctx.redirect("/schools/" + schoolId + "/activities");
    }

    /** One activity as the form gives it: what, and each pupil present or absent. */
    record Recorded(SchoolActivityRepository.Details details, Map<Long, Boolean> register) {

        String describe() {
            long present =
                    register.values().stream().filter(Boolean::booleanValue).count();
            return details.type().label() + " by " + details.provider() + " on "
                    + details.occurredOn().format(Templates.DATE) + ", " + present + " pupils there"
                    + (present < register.size() ? ", " + (register.size() - present) + " absent" : "");
        }
    }

    private Optional<Recorded> read(Form form, long schoolId) {
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
        int yearGroup = form.integer("yearGroup", "Year group", 7, 13);
        String who = form.choice("who", "Who was there", List.of(WHOLE_YEAR_GROUP, CLASS_LIST));
        Set<String> listed = references(form.lines("pupils", "The class list", 20_000));
        Set<String> absent = references(form.lines("absent", "Pupils absent", 20_000));
        if (form.hasErrors()) {
            return Optional.empty();
        }
        Map<Long, Boolean> register =
                blocking.call(() -> register(form, schoolId, yearGroup, who, listed, absent, date));
        if (form.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new Recorded(
                new SchoolActivityRepository.Details(EncounterType.fromCode(type), provider, date, yearGroup),
                register));
    }

    private Map<Long, Boolean> register(
            Form form,
            long schoolId,
            int yearGroup,
            String who,
            Set<String> listed,
            Set<String> absent,
            LocalDate date) {
        SchoolActivityRepository repository = activities;
        Map<String, SchoolActivityRepository.Pupil> there = new LinkedHashMap<>();
        if (WHOLE_YEAR_GROUP.equals(who)) {
            repository.yearGroup(schoolId, yearGroup, date).forEach(p -> there.put(p.reference(), p));
            if (there.isEmpty()) {
                form.error(
                        "yearGroup",
                        "Year " + yearGroup + " has no pupils on roll on that date: add your pupils first");
            }
        } else if (listed.isEmpty()) {
            form.error("pupils", "List the pupils who were there by their references, or choose the whole year group");
        } else {
            Map<String, SchoolActivityRepository.Pupil> known = repository.pupils(schoolId, listed);
            List<String> unknown =
                    listed.stream().filter(r -> !known.containsKey(r)).toList();
            List<String> otherYears = known.values().stream()
                    .filter(p -> p.yearGroup() != yearGroup)
                    .map(SchoolActivityRepository.Pupil::reference)
                    .sorted()
                    .toList();
            if (!unknown.isEmpty()) {
                form.error(
                        "pupils", "No pupil here has the reference" + (unknown.size() > 1 ? "s " : " ") + few(unknown));
            } else if (!otherYears.isEmpty()) {
                form.error("pupils", "Not in Year " + yearGroup + ": " + few(otherYears));
            }
            listed.forEach(r -> there.put(r, known.get(r)));
        }
        List<String> notThere =
                absent.stream().filter(r -> !there.containsKey(r)).toList();
        if (!notThere.isEmpty() && !form.hasErrors()) {
            form.error("absent", "Absent pupils must be among those listed: " + few(notThere));
        }
        Map<Long, Boolean> register = new LinkedHashMap<>();
        if (!form.hasErrors()) {
            there.forEach((reference, pupil) -> register.put(pupil.id(), !absent.contains(reference)));
        }
        return register;
    }

    /** References typed or pasted: separated by spaces, commas, semicolons or new lines. */
    static Set<String> references(String text) {
        Set<String> references = new LinkedHashSet<>();
        for (String reference : text.split("[\\s,;]+")) {
            if (!reference.isBlank()) {
                references.add(reference.strip());
            }
        }
        return references;
    }

    private static String few(List<String> references) {
        return String.join(", ", references.subList(0, Math.min(5, references.size())))
                + (references.size() > 5 ? " and " + (references.size() - 5) + " more" : "");
    }

    /**
     * @param existing the activity corrected, or null for a new one
     * @param preview a checked file, or null
     */
    private void showForm(
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
                !CLASS_LIST.equals(form.value("who")),
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

    /** A CSV row: one pupil at one activity. */
    record Row(SchoolActivityRepository.Details details, long pupilId, int yearGroup, boolean attended) {}

    /** Rows with the same date, type and provider make one activity; its year group when they share one. */
    static Map<SchoolActivityRepository.Details, Map<Long, Boolean>> group(List<Row> rows) {
        Map<SchoolActivityRepository.Details, Map<Long, Boolean>> registers = new LinkedHashMap<>();
        Map<SchoolActivityRepository.Details, Set<Integer>> years = new LinkedHashMap<>();
        for (Row row : rows) {
            registers.computeIfAbsent(row.details(), d -> new LinkedHashMap<>()).put(row.pupilId(), row.attended());
            years.computeIfAbsent(row.details(), d -> new TreeSet<>()).add(row.yearGroup());
        }
        Map<SchoolActivityRepository.Details, Map<Long, Boolean>> grouped = new LinkedHashMap<>();
        registers.forEach((details, register) -> {
            Set<Integer> yearGroups = years.get(details);
            grouped.put(
                    new SchoolActivityRepository.Details(
                            details.type(),
                            details.provider(),
                            details.occurredOn(),
                            yearGroups.size() == 1 ? yearGroups.iterator().next() : null),
                    register);
        });
        return grouped;
    }

    /** The rows of an activities file, checked as the form checks one activity. */
    private static final class Rows implements CsvImport.RowShape<Row> {

        private final Map<String, SchoolActivityRepository.Pupil> pupils;
        private final LocalDate today;

        Rows(Map<String, SchoolActivityRepository.Pupil> pupils, LocalDate today) {
            this.pupils = pupils;
            this.today = today;
        }

        @Override
        public MultiMap fields(CsvTable.Row row) {
            return MultiMap.caseInsensitiveMultiMap()
                    .add("pupil_reference", row.get("pupil_reference"))
                    .add("date", row.get("date"))
                    .add("provider", row.get("provider"));
        }

        @Override
        public Optional<Row> read(Form form, CsvTable.Row row) {
            String reference = form.required("pupil_reference", "The pupil's reference", 40);
            SchoolActivityRepository.Pupil pupil = pupils.get(reference);
            if (!reference.isEmpty() && pupil == null) {
                form.error("pupil_reference", "No pupil here has the reference " + reference);
            }
            LocalDate date = form.date("date", "Date");
            if (date != null && (date.isAfter(today) || date.isBefore(today.minusYears(YEARS_BACK)))) {
                form.error("date", "The date must be in this school year or the last, and not after today");
            }
            String provider = form.name("provider", "Provider", 200);
            Optional<EncounterType> type = EncounterType.named(row.get("type"));
            if (type.isEmpty()) {
                form.error("type", "The type \"" + row.get("type") + "\" is not an encounter type this app records");
            }
            String attended = row.get("attended").strip().toLowerCase(java.util.Locale.ROOT);
            if (!List.of("", "yes", "no", "y", "n").contains(attended)) {
                form.error("attended", "Attended must be yes or no");
            }
            return form.hasErrors()
                    ? Optional.empty()
                    : Optional.of(new Row(
                            new SchoolActivityRepository.Details(type.get(), provider, date, null),
                            pupil.id(),
                            pupil.yearGroup(),
                            !attended.startsWith("n")));
        }

        @Override
        public String summary(CsvTable.Row row) {
            return row.get("pupil_reference") + ", " + row.get("date") + ", " + row.get("type") + ", "
                    + row.get("provider");
        }
    }
}

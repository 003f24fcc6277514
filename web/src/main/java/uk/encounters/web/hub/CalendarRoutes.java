package uk.encounters.web.hub;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import uk.encounters.marketplace.calendar.AcademicYear;
import uk.encounters.marketplace.calendar.HubCalendarSettings;
import uk.encounters.marketplace.calendar.SchoolCalendar;
import uk.encounters.marketplace.calendar.Term;
import uk.encounters.marketplace.calendar.TermDates;
import uk.encounters.marketplace.pupil.EncounterTarget;
import uk.encounters.marketplace.pupil.WorkplaceHoursTarget;
import uk.encounters.web.Blocking;
import uk.encounters.web.form.Flash;
import uk.encounters.web.form.Form;
import uk.encounters.web.page.Templates;
import uk.encounters.web.security.CurrentUser;
import uk.encounters.web.security.PathId;
import uk.encounters.web.security.Routes;

/**
 * The hub's calendar and targets: its term dates for this and next school year (England's pattern
 * until the coordinator checks them against the local authority's), its INSET days, whether pupils
 * are judged against seven encounters by the end of Year 13 or four, and the hours of workplace
 * experience each should have by the end of Year 11. Rounds, request windows and progress all
 * follow what is saved here. Fields are named by part and year ("autumnStart2026").
 */
public final class CalendarRoutes {

    public record CalendarPage(
            long hubId, List<YearSection> years, List<TargetChoice> targets, String targetError, Field hoursTarget) {}

    /** One school year's dates, as saved (checked) or England's pattern, and the fields to change them. */
    public record YearSection(
            String label,
            boolean checked,
            List<TermRow> terms,
            List<InsetDay> insetDays,
            Field newInset,
            List<BankHoliday> bankHolidays) {}

    public record TermRow(String label, TermShown shown, Field start, Field end, Field halfStart, Field halfEnd) {}

    /** What the calendar holds now, for the page to show in the house date style. */
    public record TermShown(LocalDate start, LocalDate end, LocalDate halfTermStart, LocalDate halfTermEnd) {}

    public record Field(String name, String label, String value, String error) {}

    public record InsetDay(String name, String removeName, LocalDate day, String value) {}

    public record BankHoliday(LocalDate day, String title) {}

    public record TargetChoice(int value, String label, boolean checked) {}

    private static final List<String> PARTS = List.of("Start", "End", "HalfStart", "HalfEnd");

    private final HubCalendarSettings settings;
    private final Blocking blocking;
    private final Templates templates;
    private final Clock clock;

    public CalendarRoutes(HubCalendarSettings settings, Blocking blocking, Templates templates, Clock clock) {
        this.settings = settings;
        this.blocking = blocking;
        this.templates = templates;
        this.clock = clock;
    }

    /** Its routes (under /hubs/:hubId). */
    public void mount(Routes routes) {
        Routes hub = routes.hub();
        hub.get("/calendar", this::showCalendar);
        hub.post("/calendar", this::processCalendar);
    }

    public void showCalendar(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        SchoolCalendar calendar = blocking.call(() -> settings.calendarOf(hubId));
        EncounterTarget target = blocking.call(() -> settings.targetOf(hubId));
        Form form = Form.blank();
        List<TermDates> years = new ArrayList<>();
        for (AcademicYear year : years()) {
            TermDates dates = calendar.termDates(year);
            years.add(dates);
            for (Term term : dates.terms()) {
                keep(form, term, year);
            }
        }
        form.keep("target", String.valueOf(target.byEndOfYear13()));
        form.keep(
                "hoursTarget",
                String.valueOf(
                        blocking.call(() -> settings.hoursTargetOf(hubId)).hours()));
        render(ctx, 200, hubId, calendar, years, form);
    }

    public void processCalendar(RoutingContext ctx) {
        long hubId = PathId.required(ctx, "hubId");
        Form form = Form.of(ctx);
        String chosen = form.choice("target", "The hub's target", List.of("7", "4"));
        Integer hours = hoursTarget(form);
        List<TermDates> years = new ArrayList<>();
        List<TermDates> shown = new ArrayList<>();
        SchoolCalendar calendar = blocking.call(() -> settings.calendarOf(hubId));
        for (AcademicYear year : years()) {
            TermDates read = read(form, year);
            shown.add(read == null ? calendar.termDates(year) : read);
            if (read != null) {
                // an INSET day's problem is shown beside the field that adds one
                read.problems()
                        .forEach((field, message) ->
                                form.error((field.equals("inset") ? "newInset" : field) + year.startYear(), message));
                years.add(read);
            }
        }
        if (form.hasErrors()) {
            render(ctx, 422, hubId, calendar, shown, form);
            return;
        }
        EncounterTarget target = EncounterTarget.of(Integer.parseInt(chosen));
        WorkplaceHoursTarget hoursTarget = new WorkplaceHoursTarget(hours);
        blocking.call(() -> {
            settings.save(hubId, years, target, hoursTarget, CurrentUser.actor(ctx));
            return null;
        });
        Flash.set(
                ctx,
                "Saved: rounds and request windows follow these dates, and pupils are judged against "
                        + target.inWords() + " encounters by the end of Year 13 and " + hoursTarget.words()
                        + " of workplace experience by the end of Year 11.");
        ctx.redirect("/hubs/" + hubId + "/calendar");
    }

    /** The hub's target of hours of workplace experience: whole hours, 1 to 200; null with a message when not. */
    private static Integer hoursTarget(Form form) {
        String typed = form.text("hoursTarget", "The target of hours", 12);
        String problem = null;
        Integer hours = null;
        if (typed.isEmpty()) {
            problem = "Enter the target of hours, like 50";
        } else if (!typed.matches("\\d{1,9}")) {
            problem = "The target of hours must be a whole number of hours, like 50";
        } else {
            hours = Integer.parseInt(typed);
            if (hours < WorkplaceHoursTarget.MIN || hours > WorkplaceHoursTarget.MAX) {
                problem = "The target of hours must be between " + WorkplaceHoursTarget.MIN + " and "
                        + WorkplaceHoursTarget.MAX + " hours";
            }
        }
        if (problem != null) {
            form.error("hoursTarget", problem);
        }
        return problem == null ? hours : null;
    }

    /** This school year and the next. */
    private List<AcademicYear> years() {
        AcademicYear now = AcademicYear.containing(LocalDate.now(clock));
        return List.of(now, now.next());
    }

    /** The year's dates as posted, or null when a field is not a date (its message is on the form). */
    private static TermDates read(Form form, AcademicYear year) {
        int y = year.startYear();
        List<Term> terms = new ArrayList<>();
        boolean complete = true;
        for (Term.Name name : Term.Name.values()) {
            LocalDate[] parts = new LocalDate[PARTS.size()];
            for (int i = 0; i < PARTS.size(); i++) {
                // the message names the term and year: the summary lists fields of six terms
                String what = name.label() + " " + year.label() + ": "
                        + label(PARTS.get(i)).toLowerCase(Locale.ROOT);
                parts[i] = form.date(name.code() + PARTS.get(i) + y, what);
            }
            if (parts[0] == null || parts[1] == null || parts[2] == null || parts[3] == null) {
                complete = false;
            } else {
                terms.add(new Term(name, parts[0], parts[1], parts[2], parts[3]));
            }
        }
        NavigableSet<LocalDate> inset = new TreeSet<>();
        List<String> removed = form.ticked("removeInset" + y, "INSET days to remove", insetValues(form, y));
        for (String day : insetValues(form, y)) {
            if (!removed.contains(day)) {
                inset.add(LocalDate.parse(day));
            }
        }
        LocalDate added = form.optionalDate("newInset" + y, "INSET day to add");
        if (added != null) {
            inset.add(added);
        }
        return complete ? new TermDates(year, terms, inset, true) : null;
    }

    /** The INSET days the page carried (hidden fields), those that are dates. */
    private static List<String> insetValues(Form form, int year) {
        List<String> days = new ArrayList<>();
        for (String value : form.all("inset" + year)) {
            try {
                days.add(LocalDate.parse(value).toString());
            } catch (DateTimeParseException e) {
                // a tampered hidden field: not a day the page showed, so nothing to keep
            }
        }
        return days;
    }

    private static void keep(Form form, Term term, AcademicYear year) {
        int y = year.startYear();
        String code = term.name().code();
        form.keep(code + "Start" + y, term.start().toString());
        form.keep(code + "End" + y, term.end().toString());
        form.keep(code + "HalfStart" + y, term.halfTermStart().toString());
        form.keep(code + "HalfEnd" + y, term.halfTermEnd().toString());
    }

    private static String label(String part) {
        return switch (part) {
            case "Start" -> "First day";
            case "End" -> "Last day";
            case "HalfStart" -> "First day of half term";
            default -> "Last day of half term";
        };
    }

    private void render(
            RoutingContext ctx, int status, long hubId, SchoolCalendar calendar, List<TermDates> shown, Form form) {
        Map<?, ?> values = (Map<?, ?>) form.model().get("values");
        Map<?, ?> errors = (Map<?, ?>) form.model().get("fieldErrors");
        List<YearSection> sections = new ArrayList<>();
        for (TermDates dates : shown) {
            int y = dates.year().startYear();
            List<TermRow> rows = new ArrayList<>();
            for (Term term : dates.terms()) {
                String code = term.name().code();
                List<Field> fields = PARTS.stream()
                        .map(part ->
                                new Field(code + part + y, label(part), (String) values.get(code + part + y), (String)
                                        errors.get(code + part + y)))
                        .toList();
                rows.add(new TermRow(
                        term.name().label(),
                        new TermShown(term.start(), term.end(), term.halfTermStart(), term.halfTermEnd()),
                        fields.get(0),
                        fields.get(1),
                        fields.get(2),
                        fields.get(3)));
            }
            String adding = (String) values.get("newInset" + y);
            List<InsetDay> inset = dates.insetDays().stream()
                    .filter(day -> !day.toString().equals(adding))
                    .map(day -> new InsetDay("inset" + y, "removeInset" + y, day, day.toString()))
                    .toList();
            Field newInset = new Field("newInset" + y, "Add an INSET day", (String) values.get("newInset" + y), (String)
                    errors.get("newInset" + y));
            List<BankHoliday> holidays = calendar.bankHolidays().days().entrySet().stream()
                    .filter(e -> dates.year().contains(e.getKey()))
                    .map(e -> new BankHoliday(e.getKey(), e.getValue()))
                    .toList();
            sections.add(new YearSection(dates.year().label(), dates.checked(), rows, inset, newInset, holidays));
        }
        String target = (String) values.get("target");
        List<TargetChoice> targets = List.of(
                new TargetChoice(
                        7,
                        "Seven: one in each year from Year 7 to Year 13 (the Careers Strategy)",
                        !"4".equals(target)),
                new TargetChoice(
                        4, "Four: the number linked to pupils being less likely to become NEET", "4".equals(target)));
        templates.render(
                ctx,
                status,
                "hub/calendar",
                "Term dates and targets",
                new CalendarPage(
                        hubId,
                        sections,
                        targets,
                        (String) errors.get("target"),
                        new Field(
                                "hoursTarget",
                                "The hub's target of hours of workplace experience by the end of Year 11",
                                (String) values.get("hoursTarget"),
                                (String) errors.get("hoursTarget"))),
                form);
    }
}

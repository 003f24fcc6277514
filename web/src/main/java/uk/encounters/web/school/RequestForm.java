package uk.encounters.web.school;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.encounters.marketplace.offer.Sectors;
import uk.encounters.marketplace.request.RequestDetails;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.web.form.Form;

/**
 * The fields of a school's request (templates/school/request-form.hbs), which branch on what is
 * needed: sessions (pupils per session, how many, the dates between which, the time of day and the
 * place) or a work placement (places and the placement's dates). The two groups have fields of
 * their own names, since a page without JavaScript sends both, and only the chosen type's are read.
 */
final class RequestForm {

    /** The type whose fields are the placement's. */
    static final EncounterType PLACEMENT = EncounterType.WORK_EXPERIENCE;

    private RequestForm() {}

    /**
     * A careers talk for 30 of Year 9, mornings or afternoons in school, within six weeks from a
     * fortnight ahead; the placement's own fields start empty, since they have no sensible default.
     */
    static Map<String, String> defaults(LocalDate today) {
        Map<String, String> defaults = new HashMap<>();
        defaults.put("type", EncounterType.CAREERS_TALK.code());
        defaults.put("yearGroup", "9");
        defaults.put("pupils", "30");
        defaults.put("sessions", "1");
        defaults.put("from", today.plusWeeks(2).toString());
        defaults.put("until", today.plusWeeks(8).toString());
        defaults.put("morning", "true");
        defaults.put("afternoon", "true");
        defaults.put("inSchool", "true");
        defaults.put("places", "");
        defaults.put("placementFrom", "");
        defaults.put("placementUntil", "");
        defaults.put("sector", "");
        return defaults;
    }

    /** An existing request's values, in its type's group; the other group keeps its defaults. */
    static Map<String, String> values(RequestDetails r, LocalDate today) {
        Map<String, String> values = defaults(today);
        values.put("type", r.type().code());
        values.put("yearGroup", String.valueOf(r.yearGroup()));
        if (r.placement()) {
            values.put("places", String.valueOf(r.pupils()));
            values.put("placementFrom", r.windowStart().toString());
            values.put("placementUntil", r.windowEnd().toString());
        } else {
            values.put("pupils", String.valueOf(r.pupils()));
            values.put("sessions", String.valueOf(r.sessions()));
            values.put("from", r.windowStart().toString());
            values.put("until", r.windowEnd().toString());
            values.put("morning", r.mornings() ? "true" : "");
            values.put("afternoon", r.afternoons() ? "true" : "");
            values.put("inSchool", r.inSchool() ? "true" : "");
            values.put("atWorkplace", r.atWorkplace() ? "true" : "");
            values.put("online", r.online() ? "true" : "");
        }
        values.put("sector", String.join(Form.TICKED_SEPARATOR, r.preferredSectors()));
        values.put("preferredEmployer", r.preferredEmployerId() == null ? "" : String.valueOf(r.preferredEmployerId()));
        values.put("sendAdjustments", r.sendAdjustments());
        values.put("notes", r.notes());
        values.put("notesForVolunteer", r.notesForVolunteer());
        return values;
    }

    /** How many, when and where: the chosen group's answer. */
    private record Shape(
            int pupils,
            int sessions,
            LocalDate from,
            LocalDate until,
            boolean mornings,
            boolean afternoons,
            boolean inSchool,
            boolean atWorkplace,
            boolean online) {}

    /** The posted request, checked against today and the employers the school has worked with. */
    static Optional<RequestDetails> read(Form form, LocalDate today, boolean isNew, Map<Long, String> employers) {
        String type = form.choice(
                "type",
                "What you need",
                Arrays.stream(EncounterType.values()).map(EncounterType::code).toList());
        int year = form.integer("yearGroup", "Year group", 7, 13);
        Shape shape = PLACEMENT.code().equals(type) ? placement(form, today, isNew) : sessions(form, today, isNew);
        List<String> sectors = form.ticked("sector", "Preferred sectors", Sectors.ALL);
        Long employerId = preferredEmployer(form, employers);
        String send = form.lines("sendAdjustments", "Adjustments for pupils with SEND", 1000);
        String notes = form.lines("notes", "Notes", 2000);
        String forVolunteer = form.lines("notesForVolunteer", "Notes for the volunteer", 1000);
        if (form.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new RequestDetails(
                EncounterType.fromCode(type),
                year,
                shape.pupils(),
                shape.sessions(),
                shape.from(),
                shape.until(),
                shape.mornings(),
                shape.afternoons(),
                shape.inSchool(),
                shape.atWorkplace(),
                shape.online(),
                sectors,
                employerId,
                send,
                notes,
                forVolunteer));
    }

    /** Talks, workshops, visits: pupils per session, how many, between which dates, when and where. */
    private static Shape sessions(Form form, LocalDate today, boolean isNew) {
        int pupils = form.integer("pupils", "Pupils per session", 1, 300);
        int sessions = form.integer("sessions", "Number of sessions", 1, 20);
        Window window = window(form, today, isNew, "from", "until", "The first date", "The last date");
        boolean mornings = form.checked("morning");
        boolean afternoons = form.checked("afternoon");
        if (!mornings && !afternoons) {
            form.error("morning", "Choose mornings, afternoons or both");
        }
        boolean inSchool = form.checked("inSchool");
        boolean atWorkplace = form.checked("atWorkplace");
        boolean online = form.checked("online");
        if (!inSchool && !atWorkplace && !online) {
            form.error("inSchool", "Choose at least one: in school, at a workplace or online");
        }
        return new Shape(
                pupils, sessions, window.from(), window.until(), mornings, afternoons, inSchool, atWorkplace, online);
    }

    /** A placement: one, of so many places, whole days at the employer's between its first and last day. */
    private static Shape placement(Form form, LocalDate today, boolean isNew) {
        int places = form.integer("places", "Number of places", 1, 300);
        Window window = window(
                form,
                today,
                isNew,
                "placementFrom",
                "placementUntil",
                "The placement's first day",
                "The placement's last day");
        // a placement takes whole days at the employer's: the matcher books it all day, at the workplace
        return new Shape(places, 1, window.from(), window.until(), true, true, false, true, false);
    }

    /** The first and last dates; either is null when it is not a date. */
    private record Window(LocalDate from, LocalDate until) {}

    /** The first and last dates, each message beside its own field. */
    private static Window window(
            Form form,
            LocalDate today,
            boolean isNew,
            String fromField,
            String untilField,
            String fromLabel,
            String untilLabel) {
        LocalDate from = form.date(fromField, fromLabel);
        LocalDate until = form.date(untilField, untilLabel);
        if (isNew && from != null && from.isBefore(today)) {
            form.error(fromField, fromLabel + " must be today or later");
        }
        if (from != null && until != null && until.isBefore(from)) {
            form.error(untilField, untilLabel + " must be the same as or after the first");
        }
        if (from != null && until != null && until.isAfter(from.plusYears(1))) {
            form.error(untilField, "Ask for dates within a year; post another request for later");
        }
        return new Window(from, until);
    }

    private static Long preferredEmployer(Form form, Map<Long, String> employers) {
        String employer = form.text("preferredEmployer", "Preferred employer", 20);
        if (employer.isEmpty()) {
            return null;
        }
        Optional<Long> id = employers.keySet().stream()
                .filter(e -> String.valueOf(e).equals(employer))
                .findFirst();
        if (id.isEmpty()) {
            form.error("preferredEmployer", "Choose an employer your school has worked with, or none");
        }
        return id.orElse(null);
    }
}

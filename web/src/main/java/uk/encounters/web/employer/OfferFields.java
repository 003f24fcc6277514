package uk.encounters.web.employer;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uk.encounters.marketplace.money.Pounds;
import uk.encounters.marketplace.offer.OfferDetails;
import uk.encounters.marketplace.offer.Sectors;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.web.form.Form;
import uk.encounters.web.form.SelectOptions;
import uk.encounters.web.form.TypedDate;

/**
 * The fields that say what an offer gives, to whom and when (templates/partials/offer-fields.hbs):
 * shared by the public "Offer a talk" form, the employer's own offer form and the CSV import, so
 * an offer is checked by the same rules however it arrives.
 */
public final class OfferFields {

    /** The options templates/partials/offer-fields.hbs offers, with the form's choices marked. */
    public record Choices(
            List<SelectOptions.Option> types,
            List<SelectOptions.Option> sectors,
            List<SelectOptions.Option> yearsFrom,
            List<SelectOptions.Option> yearsTo,
            List<Weekday> weekdays,
            MoreOptions more) {}

    /** A weekday's checkbox. */
    public record Weekday(String value, String label, boolean checked) {}

    static final List<String> WEEKDAYS = List.of("1", "2", "3", "4", "5");

    private OfferFields() {}

    /** A one-off careers talk, any weekday morning or afternoon, from a fortnight ahead for a term. */
    static Map<String, String> defaults(LocalDate today) {
        Map<String, String> defaults = new HashMap<>();
        defaults.put("type", EncounterType.CAREERS_TALK.code());
        defaults.put("yearFrom", "7");
        defaults.put("yearTo", "13");
        defaults.put("pupils", "30");
        defaults.put("sessions", "1");
        defaults.put("inSchool", "true");
        TravelDistance.shown(10).into(defaults);
        defaults.put("from", today.plusWeeks(2).toString());
        defaults.put("until", today.plusMonths(4).toString());
        defaults.put("weekday", String.join(Form.TICKED_SEPARATOR, WEEKDAYS));
        defaults.put("morning", "true");
        defaults.put("afternoon", "true");
        return defaults;
    }

    /** The form's values for an offer already saved, for editing it. */
    static Map<String, String> values(OfferDetails offer) {
        Map<String, String> values = new HashMap<>();
        values.put("type", offer.type().code());
        values.put("title", offer.title());
        values.put("topics", offer.topics());
        values.put("sector", offer.sector());
        values.put("yearFrom", String.valueOf(offer.yearGroupFrom()));
        values.put("yearTo", String.valueOf(offer.yearGroupTo()));
        values.put("pupils", String.valueOf(offer.pupilsPerSession()));
        values.put("sessions", String.valueOf(offer.sessions()));
        values.put("inSchool", offer.inSchool() ? "true" : "");
        values.put("atWorkplace", offer.atWorkplace() ? "true" : "");
        values.put("online", offer.online() ? "true" : "");
        values.put("interactive", offer.interactive() ? "true" : "");
        values.put("sharedOnline", offer.sharedOnline() ? "true" : "");
        TravelDistance.shown(offer.travelRadiusKm()).into(values);
        values.put("from", offer.availableFrom().toString());
        values.put("until", offer.availableUntil().toString());
        values.put(
                "weekday",
                offer.weekdays().stream()
                        .sorted()
                        .map(d -> String.valueOf(d.getValue()))
                        .collect(Collectors.joining(Form.TICKED_SEPARATOR)));
        values.put("morning", offer.mornings() ? "true" : "");
        values.put("afternoon", offer.afternoons() ? "true" : "");
        values.put(
                "dates",
                offer.specificDates().stream().map(TypedDate.AS_TYPED::format).collect(Collectors.joining("\n")));
        values.put("sendAdaptable", offer.sendAdaptable() ? "true" : "");
        values.put("cost", offer.costPerSessionPence() == null ? "" : Pounds.plain(offer.costPerSessionPence()));
        values.put("requirements", offer.requirements());
        return values;
    }

    static String sector(Form form) {
        return form.choice("sector", "Sector", Sectors.ALL);
    }

    /**
     * Reads and checks the offer's fields. A new offer starts today or later; one being edited
     * may have started already, so only its end must lie ahead.
     */
    static Optional<OfferDetails> read(
            Form form, LocalDate today, boolean newOffer, String organisation, String sector) {
        String type = form.choice(
                "type",
                "What you can offer",
                Arrays.stream(EncounterType.values()).map(EncounterType::code).toList());
        String title = form.text("title", "Title", 200);
        String topics = form.lines("topics", "Topics", 500);
        Audience audience = audience(form);
        Where where = where(form);
        Availability availability =
                availability(form, today, newOffer, type.equals(EncounterType.WORK_EXPERIENCE.code()));
        boolean sendAdaptable = form.checked("sendAdaptable");
        Integer cost = cost(form);
        String requirements = form.lines("requirements", "Requirements", 1000);
        if (form.hasErrors()) {
            return Optional.empty();
        }
        EncounterType encounterType = EncounterType.fromCode(type);
        return Optional.of(new OfferDetails(
                encounterType,
                title.isEmpty() ? OfferDetails.defaultTitle(encounterType, topics, organisation) : title,
                topics,
                sector,
                audience.yearFrom(),
                audience.yearTo(),
                audience.pupils(),
                audience.sessions(),
                where.inSchool(),
                where.atWorkplace(),
                where.online(),
                where.interactive(),
                where.sharedOnline(),
                where.radius(),
                availability.from(),
                availability.until(),
                availability.days(),
                availability.mornings(),
                availability.afternoons(),
                availability.dates(),
                sendAdaptable,
                cost,
                requirements));
    }

    /** Whom the offer is for and how many: year groups, pupils per session, sessions. */
    private record Audience(int yearFrom, int yearTo, int pupils, int sessions) {}

    /**
     * Where it can happen, and how far the employer will travel to a school; online, whether the
     * pupils do tasks and talk with staff (then an online workplace experience counts as one).
     */
    private record Where(
            boolean inSchool,
            boolean atWorkplace,
            boolean online,
            boolean interactive,
            boolean sharedOnline,
            int radius) {}

    /** When it can happen: between two dates, on weekdays at parts of the day, or on particular dates. */
    private record Availability(
            LocalDate from,
            LocalDate until,
            List<String> weekdays,
            boolean mornings,
            boolean afternoons,
            List<LocalDate> dates) {

        Set<DayOfWeek> days() {
            return weekdays.stream().map(d -> DayOfWeek.of(Integer.parseInt(d))).collect(Collectors.toSet());
        }
    }

    private static Audience audience(Form form) {
        int yearFrom = form.integer("yearFrom", "The youngest year group", 7, 13);
        int yearTo = form.integer("yearTo", "The oldest year group", 7, 13);
        if (yearTo < yearFrom) {
            form.error("yearTo", "The oldest year group must be the same as or after the youngest");
        }
        int pupils = form.integer("pupils", "Pupils per session (places, for work experience)", 1, 500);
        int sessions = form.integer("sessions", "How many times you could do it", 1, 50);
        return new Audience(yearFrom, yearTo, pupils, sessions);
    }

    private static Where where(Form form) {
        boolean inSchool = form.checked("inSchool");
        boolean atWorkplace = form.checked("atWorkplace");
        boolean online = form.checked("online");
        if (!inSchool && !atWorkplace && !online) {
            form.error("inSchool", "Choose at least one: in school, at your workplace or online");
        }
        boolean interactive = form.checked("interactive");
        if (interactive && !online) {
            form.error(
                    "interactive", "Tick Online as well, or untick this: only an online session is interactive or not");
        }
        boolean sharedOnline = form.checked("sharedOnline");
        if (sharedOnline && !online) {
            form.error("sharedOnline", "Tick Online as well, or untick this: only an online session can be shared");
        }
        return new Where(
                inSchool,
                atWorkplace,
                online,
                interactive,
                sharedOnline,
                travel(form).km());
    }

    /** The distance in the unit chosen; kilometres when none is sent (a spreadsheet's travel_km). */
    private static TravelDistance travel(Form form) {
        String unit = form.text("radiusUnit", "Miles or kilometres", 10);
        if (unit.isEmpty()) {
            unit = TravelDistance.KM;
        } else if (!List.of(TravelDistance.MILES, TravelDistance.KM).contains(unit)) {
            form.error("radiusUnit", "Choose miles or kilometres");
            unit = TravelDistance.KM;
        }
        int amount = form.integer("radius", "How far you will travel (" + unit + ")", 0, TravelDistance.max(unit));
        return new TravelDistance(amount, unit);
    }

    /** A placement takes whole weeks from their Mondays, so its time of day is not asked for. */
    private static Availability availability(Form form, LocalDate today, boolean newOffer, boolean placement) {
        LocalDate from = form.date("from", "The first date you could do");
        LocalDate until = form.date("until", "The last date you could do");
        if (newOffer && from != null && from.isBefore(today)) {
            form.error("from", "The first date must be today or later");
        }
        if (!newOffer && until != null && until.isBefore(today)) {
            form.error("until", "The last date must be today or later");
        }
        if (from != null && until != null && until.isBefore(from)) {
            form.error("until", "The last date must be the same as or after the first");
        }
        if (from != null && until != null && until.isAfter(from.plusYears(1))) {
            form.error("until", "Offer up to a year ahead; you can offer again later");
        }
        List<String> weekdays = form.ticked("weekday", "Days", WEEKDAYS);
        boolean mornings = form.checked("morning");
        boolean afternoons = form.checked("afternoon");
        if (!mornings && !afternoons && !placement) {
            form.error("morning", "Choose mornings, afternoons or both");
        }
        List<LocalDate> dates = specificDates(form, from, until);
        if (weekdays.isEmpty() && dates.isEmpty()) {
            form.error("weekday", "Choose the days you could come, or give particular dates");
        }
        return new Availability(from, until, weekdays, mornings, afternoons, dates);
    }

    /** The select and checkbox options the partial shows, with the form's choices marked. */
    static Choices choices(Form form) {
        Map<String, String> values = values(form);
        Set<String> ticked = Set.of(values.getOrDefault("weekday", "").split(Pattern.quote(Form.TICKED_SEPARATOR)));
        return new Choices(
                SelectOptions.encounterTypes(values.get("type")),
                SelectOptions.sectors(values.get("sector")),
                SelectOptions.yearGroups(values.get("yearFrom")),
                SelectOptions.yearGroups(values.get("yearTo")),
                WEEKDAYS.stream()
                        .map(d -> new Weekday(
                                d,
                                DayOfWeek.of(Integer.parseInt(d)).getDisplayName(TextStyle.FULL, Locale.UK),
                                ticked.contains(d)))
                        .toList(),
                MoreOptions.of(form, values));
    }

    /** What the form holds (typed, or its starting values), by field. */
    @SuppressWarnings("unchecked")
    static Map<String, String> values(Form form) {
        return (Map<String, String>) form.model().get("values");
    }

    /** Particular dates, one per line, within the dates given. */
    private static List<LocalDate> specificDates(Form form, LocalDate from, LocalDate until) {
        String text = form.lines("dates", "Particular dates", 2000);
        List<LocalDate> dates = new ArrayList<>();
        for (String line : text.split("[\\r\\n,;]+")) {
            if (line.isBlank()) {
                continue;
            }
            Optional<LocalDate> typed = TypedDate.parse(line);
            if (typed.isEmpty()) {
                form.error("dates", "Write each particular date like " + TypedDate.EXAMPLE + ", one per line");
                continue;
            }
            LocalDate date = typed.get();
            if (from != null && until != null && (date.isBefore(from) || date.isAfter(until))) {
                form.error("dates", "Each particular date must fall between your first and last dates");
            }
            if (!dates.contains(date)) {
                dates.add(date);
            }
        }
        return dates;
    }

    /** Pounds per session, for paid providers; blank when it is free. */
    private static Integer cost(Form form) {
        Long pence = form.pounds("cost", "Cost per session", 100_000);
        return pence == null || pence == 0 ? null : pence.intValue();
    }
}

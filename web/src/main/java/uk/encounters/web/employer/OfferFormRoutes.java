package uk.encounters.web.employer;

import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import uk.encounters.marketplace.Database;
import uk.encounters.marketplace.employer.PostcodeDistrict;
import uk.encounters.marketplace.hub.HubRepository;
import uk.encounters.marketplace.offer.OfferSubmission;
import uk.encounters.marketplace.offer.Sectors;
import uk.encounters.marketplace.offer.SubmitOffer;
import uk.encounters.marketplace.outbox.Outbox;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.web.Blocking;
import uk.encounters.web.Form;
import uk.encounters.web.Templates;
import uk.encounters.web.account.Links;
import uk.encounters.web.security.RateLimit;

/**
 * "Offer a talk": the one short public form through which an SME offers an encounter, with no
 * account. Defaults make a one-off careers talk a one-minute job.
 */
public final class OfferFormRoutes {

    static final Map<String, String> SIZE_BANDS = sizeBands();

    private static final List<String> WEEKDAYS = List.of("1", "2", "3", "4", "5");

    private final Database database;
    private final Blocking blocking;
    private final Templates templates;
    private final RateLimit rateLimit;
    private final Links links;
    private final Clock clock;

    public OfferFormRoutes(Database database, Blocking blocking, Templates templates, RateLimit rateLimit, Links links,
                           Clock clock) {
        this.database = database;
        this.blocking = blocking;
        this.templates = templates;
        this.rateLimit = rateLimit;
        this.links = links;
        this.clock = clock;
    }

    public void initOfferForm(RoutingContext ctx) {
        LocalDate today = LocalDate.now(clock);
        Map<String, String> defaults = new HashMap<>();
        defaults.put("type", EncounterType.CAREERS_TALK.code());
        defaults.put("yearFrom", "7");
        defaults.put("yearTo", "13");
        defaults.put("pupils", "30");
        defaults.put("sessions", "1");
        defaults.put("inSchool", "true");
        defaults.put("radius", "10");
        defaults.put("from", today.plusWeeks(2).toString());
        defaults.put("until", today.plusMonths(4).toString());
        defaults.put("weekday", String.join(",", WEEKDAYS));
        defaults.put("morning", "true");
        defaults.put("afternoon", "true");
        showForm(ctx, 200, Form.withValues(defaults));
    }

    public void processOfferForm(RoutingContext ctx) {
        Form form = Form.of(ctx);
        String email = form.email("email", "Your email address");
        if (!rateLimit.allow(ctx, "public-form", email)) {
            return;
        }
        List<HubRepository.Hub> hubs = blocking.call(() -> new HubRepository(database.dsl()).findAll());
        Optional<OfferSubmission> offer = read(form, email, hubs);
        if (offer.isEmpty()) {
            showForm(ctx, 422, form);
            return;
        }
        String ip = RateLimit.clientAddress(ctx);
        SubmitOffer.Result result = blocking.call(() -> database.dsl().transactionResult(c -> {
            SubmitOffer.Result submitted = new SubmitOffer(clock).submit(c.dsl(), offer.get(), ip);
            new Outbox(c.dsl()).enqueue(links.offerConfirmation(offer.get().email(), offer.get().contactName(),
                    submitted.offerId(), submitted.confirmation()));
            return submitted;
        }));
        templates.render(ctx, "employer/offer-sent", "Check your email", Map.of(
                "email", offer.get().email(),
                "joinedOrganisation", result.joined().map(j -> j.name()).orElse("")));
    }

    private Optional<OfferSubmission> read(Form form, String email, List<HubRepository.Hub> hubs) {
        String organisation = form.required("organisation", "The name of your organisation", 200);
        String contact = form.required("contactName", "Your name", 200);
        String postcode = form.required("postcode", "Your postcode", 10);
        Optional<String> normalisedPostcode = PostcodeDistrict.normalisePostcode(postcode);
        if (!postcode.isEmpty() && normalisedPostcode.isEmpty()) {
            form.error("postcode", "Enter a UK postcode, like DE1 2AB");
        }
        String sector = form.choice("sector", "Your sector", Sectors.ALL);
        String size = form.choice("size", "How many people work for you", List.copyOf(SIZE_BANDS.keySet()));
        String type = form.choice("type", "What you can offer",
                Arrays.stream(EncounterType.values()).map(EncounterType::code).toList());
        String topics = form.text("topics", "Topics", 500);
        int yearFrom = form.integer("yearFrom", "The youngest year group", 7, 13);
        int yearTo = form.integer("yearTo", "The oldest year group", 7, 13);
        if (yearTo < yearFrom) {
            form.error("yearTo", "The oldest year group must be the same as or after the youngest");
        }
        int pupils = form.integer("pupils", "Pupils per session (places, for work experience)", 1, 500);
        int sessions = form.integer("sessions", "How many times you could do it", 1, 50);
        boolean inSchool = form.checked("inSchool");
        boolean atWorkplace = form.checked("atWorkplace");
        boolean online = form.checked("online");
        if (!inSchool && !atWorkplace && !online) {
            form.error("inSchool", "Choose at least one: in school, at your workplace or online");
        }
        int radius = form.integer("radius", "How far you will travel", 0, 100);
        LocalDate today = LocalDate.now(clock);
        LocalDate from = form.date("from", "The first date you could do");
        LocalDate until = form.date("until", "The last date you could do");
        if (from != null && from.isBefore(today)) {
            form.error("from", "The first date must be today or later");
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
        if (!mornings && !afternoons) {
            form.error("morning", "Choose mornings, afternoons or both");
        }
        List<LocalDate> dates = specificDates(form, from, until);
        if (weekdays.isEmpty() && dates.isEmpty()) {
            form.error("weekday", "Choose the days you could come, or give particular dates");
        }
        boolean checked = form.checked("safeguarding");
        LocalDate checkedUntil = null;
        if (checked) {
            String value = form.text("safeguardingUntil", "When your check runs out", 10);
            // DBS certificates have no expiry; organisations commonly renew them every three years.
            checkedUntil = value.isEmpty() ? today.plusYears(3) : form.date("safeguardingUntil", "When your check runs out");
            if (checkedUntil != null && checkedUntil.isBefore(today)) {
                form.error("safeguardingUntil", "That date has passed: leave the box unticked until your check is renewed");
            }
        }
        boolean sendAdaptable = form.checked("sendAdaptable");
        long hubId = hubs.size() == 1 ? hubs.getFirst().id() : Long.parseLong(firstOr(form.choice("hub", "Your area",
                hubs.stream().map(h -> String.valueOf(h.id())).toList()), "0"));
        if (hubs.isEmpty()) {
            form.error("organisation", "We are not taking offers yet: no Careers Hub has been set up");
        }
        if (form.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new OfferSubmission(hubId, organisation, contact, email, normalisedPostcode.get(), sector, size,
                EncounterType.fromCode(type), topics, yearFrom, yearTo, pupils, sessions, inSchool, atWorkplace, online,
                radius, from, until, weekdays.stream().map(d -> DayOfWeek.of(Integer.parseInt(d))).collect(Collectors.toSet()),
                mornings, afternoons, dates, checkedUntil, sendAdaptable));
    }

    /** Particular dates, one per line, within the dates given. */
    private static List<LocalDate> specificDates(Form form, LocalDate from, LocalDate until) {
        String text = form.text("dates", "Particular dates", 2000);
        List<LocalDate> dates = new ArrayList<>();
        for (String line : text.split("[\\r\\n,]+")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                LocalDate date = LocalDate.parse(line.strip());
                if (from != null && until != null && (date.isBefore(from) || date.isAfter(until))) {
                    form.error("dates", "Each particular date must fall between your first and last dates");
                }
                dates.add(date);
            } catch (DateTimeParseException e) {
                form.error("dates", "Write each particular date like 2027-03-15, one per line");
            }
        }
        return dates;
    }

    private static Map<String, String> sizeBands() {
        Map<String, String> bands = new LinkedHashMap<>();
        bands.put("micro", "1 to 9 people");
        bands.put("small", "10 to 49");
        bands.put("medium", "50 to 249");
        bands.put("large", "250 or more");
        return bands;
    }

    private static String firstOr(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    private void showForm(RoutingContext ctx, int status, Form form) {
        Map<String, Object> model = new HashMap<>(form.model());
        @SuppressWarnings("unchecked")
        Map<String, String> values = (Map<String, String>) model.get("values");
        List<HubRepository.Hub> hubs = blocking.call(() -> new HubRepository(database.dsl()).findAll());
        model.put("types", options(Arrays.stream(EncounterType.values())
                .collect(Collectors.toMap(EncounterType::code, EncounterType::label, (a, b) -> a, LinkedHashMap::new)), values.get("type")));
        model.put("sectors", options(Sectors.ALL.stream().collect(Collectors.toMap(s -> s, s -> s, (a, b) -> a, LinkedHashMap::new)),
                values.get("sector")));
        model.put("sizes", options(SIZE_BANDS, values.get("size")));
        Map<String, String> years = new LinkedHashMap<>();
        for (int y = 7; y <= 13; y++) {
            years.put(String.valueOf(y), "Year " + y);
        }
        model.put("yearsFrom", options(years, values.get("yearFrom")));
        model.put("yearsTo", options(years, values.get("yearTo")));
        Set<String> ticked = Set.of(values.getOrDefault("weekday", "").split(","));
        model.put("weekdays", WEEKDAYS.stream().map(d -> Map.of("value", d,
                "label", DayOfWeek.of(Integer.parseInt(d)).getDisplayName(TextStyle.FULL, Locale.UK),
                "checked", ticked.contains(d))).toList());
        model.put("hubs", hubs.size() > 1 ? options(hubs.stream().collect(Collectors.toMap(h -> String.valueOf(h.id()),
                HubRepository.Hub::name, (a, b) -> a, LinkedHashMap::new)), values.get("hub")) : List.of());
        templates.render(ctx, status, "employer/offer-form", "Offer a talk to local pupils", model);
    }

    private static List<Map<String, Object>> options(Map<String, String> valueToLabel, String selected) {
        return valueToLabel.entrySet().stream().map(e -> Map.<String, Object>of(
                "value", e.getKey(), "label", e.getValue(), "selected", e.getKey().equals(selected))).toList();
    }
}

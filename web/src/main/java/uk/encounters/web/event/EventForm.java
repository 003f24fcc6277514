package uk.encounters.web.event;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.encounters.marketplace.booking.SchoolDay;
import uk.encounters.marketplace.employer.PostcodeDistrict;
import uk.encounters.marketplace.event.EventDetails;
import uk.encounters.marketplace.event.EventKind;
import uk.encounters.marketplace.event.EventRepository;
import uk.encounters.marketplace.event.StallsWanted;
import uk.encounters.marketplace.event.YearGroupGoing;
import uk.encounters.marketplace.offer.Sectors;
import uk.encounters.matcher.domain.Period;
import uk.encounters.web.form.Form;
import uk.encounters.web.form.SelectOptions;

/**
 * The fields of an event (templates/event/event-form.hbs): what, when, and the stalls wanted, from
 * any sector and from up to {@link #SECTOR_ROWS} named ones; a school's event says how many of each
 * year group go, a hub's where it is and how many pupils it takes.
 */
public final class EventForm {

    static final int SECTOR_ROWS = 3;
    static final List<Integer> YEAR_GROUPS = List.of(7, 8, 9, 10, 11, 12, 13);
    private static final List<String> PERIODS =
            List.of(Period.MORNING.code(), Period.AFTERNOON.code(), Period.ALL_DAY.code());

    /** What a posted form says. */
    public record Posted(EventDetails details, List<YearGroupGoing> going) {}

    /** The form's page: a school's (year groups going) or a hub's (venue, capacity, sign-up date). */
    public record FormPage(
            String action,
            String backTo,
            boolean hubEvent,
            boolean changing,
            List<SelectOptions.Option> kinds,
            List<SelectOptions.Option> periods,
            List<YearField> years,
            List<SectorRow> sectorRows) {}

    /** One year group's "how many pupils go" field. */
    public record YearField(String name, String label, String value, String error) {}

    /** One "stalls from this sector" row. */
    public record SectorRow(
            String sectorField,
            String stallsField,
            int row,
            List<SelectOptions.Option> sectors,
            String sectorError,
            String stalls,
            String stallsError) {}

    public static FormPage page(Form form, String action, String backTo, boolean hubEvent) {
        return page(form, action, backTo, hubEvent, false);
    }

    /** The form for a change to an event already posted ({@code changing}), or for a new one. */
    public static FormPage page(Form form, String action, String backTo, boolean hubEvent, boolean changing) {
        return new FormPage(
                action,
                backTo,
                hubEvent,
                changing,
                SelectOptions.of(
                        Arrays.asList(EventKind.values()),
                        EventKind::getLiteral,
                        EventKind::tagLabel,
                        form.value("kind")),
                SelectOptions.of(PERIODS, p -> p, SchoolDay::label, form.value("period")),
                YEAR_GROUPS.stream()
                        .map(y -> new YearField(
                                "pupils" + y, "Year " + y, form.value("pupils" + y), form.errorOf("pupils" + y)))
                        .toList(),
                java.util.stream.IntStream.rangeClosed(1, SECTOR_ROWS)
                        .mapToObj(row -> new SectorRow(
                                "sector" + row,
                                "stalls" + row,
                                row,
                                SelectOptions.sectors(form.value("sector" + row)),
                                form.errorOf("sector" + row),
                                form.value("stalls" + row),
                                form.errorOf("stalls" + row)))
                        .toList());
    }

    private EventForm() {}

    /** A careers fair four weeks ahead, in the morning, with eight stalls from any sector. */
    public static Map<String, String> defaults(LocalDate today) {
        Map<String, String> values = new HashMap<>();
        values.put("kind", EventKind.CAREERS_FAIR.getLiteral());
        values.put("heldOn", today.plusWeeks(4).toString());
        values.put("period", Period.MORNING.code());
        values.put("stallsAny", "8");
        return values;
    }

    /** The fields of an event as posted, to change it: a school's event with its own year groups going. */
    public static Map<String, String> values(EventRepository.EventView event) {
        Map<String, String> values = new HashMap<>();
        values.put("kind", event.kind().getLiteral());
        values.put("title", event.title());
        values.put("heldOn", event.heldOn().toString());
        values.put("period", event.period());
        if (event.hubEvent()) {
            values.put("venueName", java.util.Objects.toString(event.venueName(), ""));
            values.put("venuePostcode", java.util.Objects.toString(event.venuePostcode(), ""));
            if (event.online()) {
                values.put("online", "true");
            }
            values.put(
                    "capacity", event.capacity() == null ? "" : event.capacity().toString());
            values.put(
                    "signUpBy", event.signUpBy() == null ? "" : event.signUpBy().toString());
        } else {
            event.signUps().forEach(s -> values.put("pupils" + s.yearGroup(), String.valueOf(s.pupils())));
        }
        int row = 0;
        for (StallsWanted stalls : event.stallsWanted()) {
            if (stalls.sector() == null) {
                values.put("stallsAny", String.valueOf(stalls.stalls()));
            } else if (row < SECTOR_ROWS) {
                row++;
                values.put("sector" + row, stalls.sector());
                values.put("stalls" + row, String.valueOf(stalls.stalls()));
            }
        }
        return values;
    }

    public static Optional<Posted> read(Form form, LocalDate today, boolean hubEvent) {
        String kind = form.choice(
                "kind",
                "What kind of event",
                Arrays.stream(EventKind.values()).map(EventKind::getLiteral).toList());
        String title = form.required("title", "Its name", 200);
        LocalDate heldOn = form.date("heldOn", "The date");
        if (heldOn != null && !heldOn.isAfter(today)) {
            form.error("heldOn", "The date must be after today: employers need time to say yes");
        }
        String period = form.choice("period", "Time of day", PERIODS);
        List<YearGroupGoing> going = hubEvent ? List.of() : yearGroups(form);
        String venueName = null;
        String postcode = null;
        boolean online = false;
        Integer capacity = null;
        LocalDate signUpBy = null;
        if (hubEvent) {
            online = form.checked("online");
            venueName = form.text("venueName", "The venue", 200);
            String typed = form.text("venuePostcode", "The venue's postcode", 10);
            if (!online && venueName.isEmpty()) {
                form.error("venueName", "Enter the venue, or tick online");
            }
            if (!typed.isEmpty()) {
                postcode = PostcodeDistrict.normalisePostcode(typed).orElse(null);
                if (postcode == null) {
                    form.error("venuePostcode", "Enter a UK postcode, like DE1 2FS");
                }
            } else if (!online) {
                form.error("venuePostcode", "Enter the venue's postcode: employers are asked by how far they travel");
            }
            capacity = form.optionalInteger("capacity", "Pupils it takes", 1, 10_000);
            signUpBy = form.optionalDate("signUpBy", "Schools sign up by");
            if (signUpBy != null && heldOn != null && !signUpBy.isBefore(heldOn)) {
                form.error("signUpBy", "Schools must sign up before the day");
            }
        }
        List<StallsWanted> stalls = stalls(form);
        if (form.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new Posted(
                new EventDetails(
                        EventKind.valueOf(kind.toUpperCase()),
                        title,
                        heldOn,
                        Period.fromCode(period),
                        online ? null : venueName,
                        online ? null : postcode,
                        online,
                        capacity,
                        signUpBy,
                        stalls),
                going));
    }

    /** Pupils of each year group going, a field a year: at least one. */
    private static List<YearGroupGoing> yearGroups(Form form) {
        List<YearGroupGoing> going = new ArrayList<>();
        for (int year : YEAR_GROUPS) {
            Integer pupils = form.optionalInteger("pupils" + year, "Pupils from Year " + year, 1, 400);
            // a number out of range comes back with its message beside the field: not a year group going
            if (pupils != null && pupils >= 1 && pupils <= 400) {
                going.add(new YearGroupGoing(year, pupils));
            }
        }
        boolean allBlank = YEAR_GROUPS.stream()
                .allMatch(y ->
                        java.util.Objects.toString(form.value("pupils" + y), "").isEmpty());
        if (allBlank) {
            form.error("pupils9", "Enter how many pupils of at least one year group go");
        }
        return going;
    }

    /** Stalls from any sector, and from each sector named once. */
    private static List<StallsWanted> stalls(Form form) {
        List<StallsWanted> stalls = new ArrayList<>();
        Integer any = form.optionalInteger("stallsAny", "Stalls from any sector", 1, 200);
        if (any != null) {
            stalls.add(new StallsWanted(null, any));
        }
        Set<String> named = new HashSet<>();
        for (int row = 1; row <= SECTOR_ROWS; row++) {
            String sector = form.optionalChoice("sector" + row, "Sector", Sectors.ALL);
            Integer count = form.optionalInteger("stalls" + row, "Stalls from this sector", 1, 200);
            if (sector == null && count == null) {
                continue;
            }
            if (sector == null) {
                form.error("sector" + row, "Choose the sector these stalls are from");
            } else if (count == null) {
                form.error("stalls" + row, "Enter how many stalls from " + sector);
            } else if (!named.add(sector)) {
                form.error("sector" + row, sector + " is named twice: add its stalls together");
            } else {
                stalls.add(new StallsWanted(sector, count));
            }
        }
        if (stalls.isEmpty() && !form.hasErrors()) {
            form.error("stallsAny", "Enter how many stalls the event wants");
        }
        return stalls;
    }
}

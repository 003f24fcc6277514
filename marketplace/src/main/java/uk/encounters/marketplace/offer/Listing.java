package uk.encounters.marketplace.offer;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.encounters.marketplace.money.Pounds;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.matcher.explain.DateStyle;

/**
 * One offer as the {@link OfferDirectory} shows it: the organisation and its postcode district,
 * never a volunteer. Distance is null when there is no origin or the employer's place is unknown.
 */
public record Listing(
        long offerId,
        String employerName,
        String postcodeDistrict,
        String title,
        String topics,
        EncounterType type,
        String sector,
        int yearGroupMin,
        int yearGroupMax,
        boolean inSchool,
        boolean atWorkplace,
        boolean online,
        int pupilsMin,
        int pupilsMax,
        LocalDate availableFrom,
        LocalDate availableUntil,
        List<DayOfWeek> weekdays,
        List<LocalDate> dates,
        Double distanceKm,
        Integer costPerSessionPence,
        boolean sendAdaptable) {

    /** Particular dates shown before "and 3 more dates". */
    private static final int DATES_SHOWN = 5;

    public String typeLabel() {
        return type.label();
    }

    public String yearGroups() {
        return yearGroupMin == yearGroupMax ? "Year " + yearGroupMin : "Years " + yearGroupMin + " to " + yearGroupMax;
    }

    public String delivery() {
        List<String> modes = new ArrayList<>();
        if (inSchool) {
            modes.add("In school");
        }
        if (atWorkplace) {
            modes.add(modes.isEmpty() ? "At the workplace" : "at the workplace");
        }
        if (online) {
            modes.add(modes.isEmpty() ? "Online" : "online");
        }
        return String.join(", ", modes);
    }

    public String pupils() {
        if (pupilsMin == pupilsMax) {
            return String.valueOf(pupilsMax);
        }
        return pupilsMin <= 1 ? "Up to " + pupilsMax : pupilsMin + " to " + pupilsMax;
    }

    public String dateRange() {
        return DateStyle.range(availableFrom, availableUntil);
    }

    /** "Tuesdays, Thursdays" and any particular dates. */
    public String days() {
        List<String> days = new ArrayList<>(weekdays.stream()
                .map(d -> d.getDisplayName(TextStyle.FULL, Locale.UK) + "s")
                .toList());
        dates.stream().limit(DATES_SHOWN).map(DateStyle::of).forEach(days::add);
        String more = dates.size() > DATES_SHOWN ? " and " + (dates.size() - DATES_SHOWN) + " more dates" : "";
        return String.join(", ", days) + more;
    }

    public String distance() {
        return distanceKm == null ? "" : String.format(Locale.UK, "%.1f km", distanceKm);
    }

    /** Most volunteers come free; a paid provider's price is per session. */
    public String cost() {
        if (costPerSessionPence == null || costPerSessionPence == 0) {
            return "Free";
        }
        return Pounds.format(costPerSessionPence);
    }
}

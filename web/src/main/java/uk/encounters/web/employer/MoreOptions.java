package uk.encounters.web.employer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import uk.encounters.web.form.Form;

/**
 * The fold "More options (optional)" under an offer form's essentials (partials/offer-fields.hbs):
 * what its fields hold now, said in its summary, and open when one of them has an error, so the
 * message is seen beside its field.
 *
 * @param miles whether the travel distance is in miles (else kilometres)
 */
public record MoreOptions(boolean open, String summary, boolean miles) {

    /**
     * Fields with a default or optional, folded so the form asks the essentials first: about you,
     * what, for which years, where and when.
     */
    static final List<String> FOLDED = List.of(
            "pupils",
            "sessions",
            "radius",
            "radiusUnit",
            "dates",
            "sendAdaptable",
            "safeguarding",
            "safeguardingUntil",
            "title",
            "volunteer",
            "cost",
            "requirements");

    /** For the form as it stands: {@code values} as typed or as they start. */
    @SuppressWarnings("unchecked")
    static MoreOptions of(Form form, Map<String, String> values) {
        Map<String, String> errors = (Map<String, String>) form.model().get("fieldErrors");
        boolean open = FOLDED.stream().anyMatch(errors::containsKey);
        String sessions = values.getOrDefault("sessions", "");
        List<String> now = new ArrayList<>();
        now.add("up to " + values.getOrDefault("pupils", "") + " pupils a session");
        now.add("1".equals(sessions) ? "once" : sessions + " times");
        String unit = TravelDistance.MILES.equals(values.get("radiusUnit")) ? TravelDistance.MILES : TravelDistance.KM;
        try {
            int amount = Integer.parseInt(values.getOrDefault("radius", ""));
            now.add("within " + new TravelDistance(amount, unit).words() + " of your postcode");
        } catch (NumberFormatException e) {
            // a distance typed wrongly has its message beside the field, and the fold is open
        }
        return new MoreOptions(
                open, "Unless you change them: " + String.join(", ", now) + ".", TravelDistance.MILES.equals(unit));
    }
}

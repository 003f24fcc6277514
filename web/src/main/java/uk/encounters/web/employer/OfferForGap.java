package uk.encounters.web.employer;

import io.vertx.core.MultiMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import uk.encounters.marketplace.hub.GapsNearby;
import uk.encounters.marketplace.hub.RecruitmentTarget;
import uk.encounters.marketplace.offer.Sectors;
import uk.encounters.matcher.domain.EncounterType;
import uk.encounters.web.form.Form;
import uk.encounters.web.form.SelectOptions;

/**
 * An offer shaped like a supply gap: the "Offer this" link beside each gap an employer is shown,
 * whose address carries the gap's encounter type, sector, year groups and whether it is online,
 * and the reading of those back into an offer form's starting values. The address is anyone's to
 * change, so a value the form would not offer is ignored, never shown or reported.
 */
public final class OfferForGap {

    /** What the hub's schools near a place ("DE23") need, the largest first (templates/partials/gaps-nearby.hbs). */
    public record Needs(String place, List<GapRow> gaps) {

        public String heading() {
            return "What schools near " + place + " need";
        }
    }

    /** A gap as an employer sees it: what is needed, how far away, and the link that offers it. */
    public record GapRow(String wording, String distance, String offerLink) {}

    private static final List<String> TYPES =
            Arrays.stream(EncounterType.values()).map(EncounterType::code).toList();

    private OfferForGap() {}

    /** The gaps near {@code place}, each linking to {@code link} applied to the gap's fields as a query string. */
    static Needs needs(String place, List<GapsNearby.NearbyGap> gaps, UnaryOperator<String> link) {
        return new Needs(
                place,
                gaps.stream()
                        .map(g -> new GapRow(g.target().wording(), distance(g.km()), link.apply(query(g.target()))))
                        .toList());
    }

    /** "type=careers_talk&sector=Manufacturing&yearFrom=8&yearTo=9", and "&online=true" for an online-only gap. */
    static String query(RecruitmentTarget gap) {
        StringBuilder query = new StringBuilder("type=").append(gap.type().code());
        // several sectors preferred: any of them would do, so the employer's own stays
        if (gap.sectors().size() == 1) {
            query.append("&sector=").append(URLEncoder.encode(gap.sectors().getFirst(), StandardCharsets.UTF_8));
        }
        query.append("&yearFrom=").append(gap.yearFrom()).append("&yearTo=").append(gap.yearTo());
        if (gap.onlineOnly()) {
            query.append("&online=true");
        }
        return query.toString();
    }

    /**
     * Sets the form's starting values from a gap's link: each field only when it holds a value the
     * form offers, the year groups only as a pair in order. Where it happens follows: online for an
     * online-only gap, at the workplace for a workplace experience, else in school as by default.
     */
    static void fill(MultiMap query, Form form) {
        String type = query.get("type");
        if (offered(TYPES, type)) {
            form.keep("type", type);
            if (EncounterType.fromCode(type).workplaceExperience()) {
                form.keep("inSchool", "");
                form.keep("atWorkplace", "true");
            }
        }
        String sector = query.get("sector");
        if (offered(Sectors.ALL, sector)) {
            form.keep("sector", sector);
        }
        String from = query.get("yearFrom");
        String to = query.get("yearTo");
        if (offered(SelectOptions.YEAR_GROUPS, from)
                && offered(SelectOptions.YEAR_GROUPS, to)
                && Integer.parseInt(from) <= Integer.parseInt(to)) {
            form.keep("yearFrom", from);
            form.keep("yearTo", to);
        }
        if ("true".equals(query.get("online"))) {
            form.keep("inSchool", "");
            form.keep("atWorkplace", "");
            form.keep("online", "true");
        }
    }

    /** Whether the address holds one of the form's values ({@code List.of} lists refuse to look for null). */
    private static boolean offered(List<String> values, String value) {
        return value != null && values.contains(value);
    }

    /** Plain words: the schools' district is measured from, so "about" is all it can say. */
    private static String distance(Double km) {
        if (km == null) {
            return "Online";
        }
        return km < 1 ? "Under 1 km from you" : String.format(Locale.UK, "About %d km from you", Math.round(km));
    }
}

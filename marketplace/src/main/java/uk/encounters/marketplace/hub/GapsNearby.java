package uk.encounters.marketplace.hub;

import static org.jooq.Records.mapping;
import static uk.encounters.marketplace.jooq.Tables.SCHOOL;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import uk.encounters.marketplace.employer.PostcodeDistrict;
import uk.encounters.matcher.domain.Location;

/**
 * A hub's supply gaps as employers are shown them (on the public offer form and their own page):
 * the hub's {@link SupplyGaps} with where each is, so the ones an employer at a place could fill
 * are picked without another query. Only what a gap is and where is kept: no school names, no
 * reasons, no pupils. A gap of schools with no postcode has a school's name for its area, so it is
 * left out; so is one whose district no school of the hub has a position in, as nearness is unknown.
 *
 * @param gaps      the gaps with a postcode district, the largest first
 * @param districts the average position of the hub's schools in each district (as employers are placed)
 * @param centre    the average position of all its schools; null when none has one
 */
public record GapsNearby(List<RecruitmentTarget> gaps, Map<String, Location> districts, Location centre) {

    /** How many gaps an employer is shown: a few to act on, not a report. */
    public static final int MAX_SHOWN = 5;

    /** A gap an employer could fill, and how far its schools are; {@code km} is null for an online-only gap. */
    public record NearbyGap(RecruitmentTarget target, Double km) {}

    public GapsNearby {
        gaps = List.copyOf(gaps);
        districts = Map.copyOf(districts);
    }

    public static GapsNearby forHub(DSLContext dsl, long hubId, LocalDate today) {
        List<SchoolPlace> schools = dsl.select(SCHOOL.POSTCODE, SCHOOL.LATITUDE, SCHOOL.LONGITUDE)
                .from(SCHOOL)
                .where(SCHOOL.HUB_ID.eq(hubId))
                .fetch(mapping((postcode, latitude, longitude) -> new SchoolPlace(
                        postcode == null ? null : PostcodeDistrict.of(postcode),
                        latitude == null || longitude == null ? null : new Location(latitude, longitude))));
        Set<String> hubDistricts = schools.stream()
                .map(SchoolPlace::district)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Map<String, Location> districts = schools.stream()
                .filter(s -> s.district() != null && s.at() != null)
                .collect(Collectors.groupingBy(
                        SchoolPlace::district,
                        Collectors.collectingAndThen(
                                Collectors.mapping(SchoolPlace::at, Collectors.toList()), GapsNearby::average)));
        List<Location> located =
                schools.stream().map(SchoolPlace::at).filter(Objects::nonNull).toList();
        List<RecruitmentTarget> gaps = SupplyGaps.forHub(dsl, hubId, today).targets().stream()
                .filter(t -> hubDistricts.contains(t.area()))
                .filter(t -> t.onlineOnly() || districts.containsKey(t.area()))
                .map(RecruitmentTarget::withoutReasons)
                .toList();
        return new GapsNearby(gaps, districts, located.isEmpty() ? null : average(located));
    }

    /** A school's postcode district and position, either null when unknown. */
    private record SchoolPlace(String district, Location at) {}

    /**
     * The gaps near a postcode or district typed, placed as a new employer there would be: at the
     * hub's schools in that district, else at the hub's schools as a whole.
     */
    public List<NearbyGap> near(String district) {
        return near(Optional.ofNullable(districts.get(district)).orElse(centre));
    }

    /**
     * The gaps whose schools are within their travel limit of {@code place}, and every online-only
     * gap, the largest first, at most {@link #MAX_SHOWN}. With no place, only the online-only ones.
     */
    public List<NearbyGap> near(Location place) {
        List<NearbyGap> near = new ArrayList<>();
        for (RecruitmentTarget gap : gaps) {
            if (gap.onlineOnly()) {
                near.add(new NearbyGap(gap, null));
            } else if (place != null) {
                double km = districts.get(gap.area()).kmTo(place);
                if (km <= gap.withinKm()) {
                    near.add(new NearbyGap(gap, km));
                }
            }
            if (near.size() == MAX_SHOWN) {
                break;
            }
        }
        return near;
    }

    private static Location average(List<Location> points) {
        return new Location(
                points.stream().mapToDouble(Location::latitude).average().orElseThrow(),
                points.stream().mapToDouble(Location::longitude).average().orElseThrow());
    }
}

package uk.encounters.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The areas demo data can be generated for: the Opportunity Areas of the seed documents, each one
 * hub, and the whole of England, one hub per local authority.
 */
public enum DemoArea {
    DERBY("derby", "Derby", "Derby", school -> school.localAuthorityCode().equals("831")),
    BLACKPOOL(
            "blackpool",
            "Blackpool",
            "Blackpool",
            school -> school.localAuthorityCode().equals("890")),
    DONCASTER(
            "doncaster",
            "Doncaster",
            "Doncaster",
            school -> school.localAuthorityCode().equals("371")),
    NORWICH(
            "norwich",
            "Norwich",
            "Norwich",
            school -> school.localAuthority().equals("Norfolk") && "Norwich".equals(school.district())),
    /**
     * West Somerset was merged away in 2019; only the 2011 LSOA names still carry it, so a school is
     * in it when its neighbourhood's name is. Its business counts are those of the merged
     * district, Somerset West and Taunton, cut to West Somerset's share of the population.
     */
    WEST_SOMERSET(
            "west-somerset",
            "West Somerset",
            "Somerset West and Taunton",
            school -> school.localAuthority().equals("Somerset")
                    && school.neighbourhood() != null
                    && school.neighbourhood().startsWith("West Somerset")),
    ENGLAND("england", "England", "England", school -> true);

    private final String code;
    private final String placeName;
    private final String businessArea;
    private final Predicate<SchoolProfile> includes;

    DemoArea(String code, String placeName, String businessArea, Predicate<SchoolProfile> includes) {
        this.code = code;
        this.placeName = placeName;
        this.businessArea = businessArea;
        this.includes = includes;
    }

    public String code() {
        return code;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(DemoArea::code).toList();
    }

    public static DemoArea named(String name) {
        return Arrays.stream(values())
                .filter(area -> area.code.equalsIgnoreCase(name.trim()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown area '" + name + "'; known areas: " + String.join(", ", names())));
    }

    /** Whether a school of the census belongs to this area. */
    public boolean includes(SchoolProfile school) {
        return includes.test(school);
    }

    /**
     * The hubs of this area. Without the public data only Derby can be made, from the figures of
     * the seed documents ({@link DerbyLikeHub}); the seed then places its schools too.
     */
    public List<HubProfile> hubs(Optional<SharedData> data, long seed) {
        if (data.isPresent()) {
            return hubs(data.get());
        }
        if (this == DERBY) {
            return List.of(DerbyLikeHub.profile(new Seed(seed)));
        }
        throw new IllegalArgumentException("Area '" + code + "' is made from the public data in shared/data, "
                + "which was not found (set SHARED_DATA_DIR); without it only 'derby' can be generated");
    }

    List<HubProfile> hubs(SharedData data) {
        List<SchoolProfile> schools =
                SchoolCensus.read(data).stream().filter(this::includes).toList();
        if (this == ENGLAND) {
            return englandHubs(data, schools);
        }
        EnterpriseCounts enterprises = BusinessCounts.read(data, "ladu", businessArea);
        if (this == WEST_SOMERSET) {
            enterprises = enterprises.scaled(Neighbourhoods.populationShare(data, businessArea, "West Somerset"));
        }
        return List.of(new HubProfile(placeName + " Careers Hub", code, placeName, schools, enterprises));
    }

    /**
     * One hub per local authority. Business counts are published per district while schools are
     * counted per county or unitary authority, and the two geographies do not nest everywhere, so
     * each hub gets England's sector and size mix scaled by its share of England's pupils.
     */
    private static List<HubProfile> englandHubs(SharedData data, List<SchoolProfile> schools) {
        EnterpriseCounts england = BusinessCounts.read(data, "country", "England");
        double englandPupils = schools.stream().mapToInt(SchoolProfile::pupils).sum();
        Map<String, List<SchoolProfile>> byAuthority = schools.stream()
                .collect(Collectors.groupingBy(SchoolProfile::localAuthority, TreeMap::new, Collectors.toList()));
        List<HubProfile> hubs = new ArrayList<>();
        byAuthority.forEach((authority, authoritySchools) -> {
            String place = authority.replaceFirst(", (City|County) of$", "");
            double pupils =
                    authoritySchools.stream().mapToInt(SchoolProfile::pupils).sum();
            hubs.add(new HubProfile(
                    place + " Careers Hub",
                    ENGLAND.code,
                    place,
                    authoritySchools,
                    england.scaled(pupils / englandPupils)));
        });
        return hubs;
    }
}

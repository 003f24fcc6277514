package uk.encounters.demo;

import java.util.List;

/**
 * What a hub is generated from: its schools and the enterprises of its area.
 *
 * @param name      the hub's name, unique in the database ("Derby Careers Hub")
 * @param area      hub.area: the demo area it was drawn from ("derby", "england")
 * @param placeName the place employers are named after ("Derby", "Kingston upon Hull")
 */
public record HubProfile(
        String name, String area, String placeName, List<SchoolProfile> schools, EnterpriseCounts enterprises) {

    public HubProfile {
        schools = List.copyOf(schools);
    }

    public int pupils() {
        return schools.stream().mapToInt(SchoolProfile::pupils).sum();
    }
}

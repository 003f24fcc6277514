package uk.encounters.demo;

import java.util.List;

/**
 * One school as the demo sees it before pupils are made up: who it is, where, how deprived its
 * neighbourhood is, and how many pupils it has in each year group 7-13.
 *
 * @param phase                 the school.phase vocabulary: secondary, all_through, special,
 *                              alternative_provision, middle or sixth_form
 * @param deprivationDecile     national IMD 2019 decile of the school's LSOA, 1 = most deprived; null when unknown
 * @param neighbourhood         the 2011 LSOA name (e.g. "West Somerset 002A"), null when unknown
 * @param pupilsPerYearGroup    seven counts, Year 7 first
 */
public record SchoolProfile(
        int urn,
        String name,
        String phase,
        String postcode,
        Double latitude,
        Double longitude,
        double freeSchoolMealsPercent,
        Integer deprivationDecile,
        String localAuthorityCode,
        String localAuthority,
        String district,
        String neighbourhood,
        List<Integer> pupilsPerYearGroup) {

    public SchoolProfile {
        if (pupilsPerYearGroup.size() != 7) {
            throw new IllegalArgumentException("Seven year groups (7-13) expected, got " + pupilsPerYearGroup);
        }
        pupilsPerYearGroup = List.copyOf(pupilsPerYearGroup);
    }

    public int pupilsIn(int yearGroup) {
        return pupilsPerYearGroup.get(yearGroup - 7);
    }

    public int pupils() {
        return pupilsPerYearGroup.stream().mapToInt(Integer::intValue).sum();
    }

    /** Special schools and alternative provision: nearly every pupil has SEND, activities must be adapted. */
    public boolean specialOrAlternative() {
        return phase.equals("special") || phase.equals("alternative_provision");
    }

    public boolean located() {
        return latitude != null && longitude != null;
    }

    /** The postcode district ("DE23" of "DE23 8GX"), null without a postcode. */
    String postcodeDistrict() {
        if (postcode == null || !postcode.contains(" ")) {
            return null;
        }
        return postcode.substring(0, postcode.indexOf(' '));
    }
}

package uk.encounters.marketplace.hub;

import java.util.List;
import java.util.Locale;
import uk.encounters.matcher.domain.EncounterType;

/**
 * Demand no employer met, worded as what to recruit: "12 more engineering talks for Years 8-9
 * within 20 km of DE23".
 *
 * @param sectors     the sectors the schools preferred; empty when any will do
 * @param area        the schools' postcode district, or the school's name when its postcode is unknown
 * @param withinKm    how far from the area a recruit may be: the schools' travel limit in matching
 * @param onlineOnly  the schools asked for online sessions only, so distance does not matter
 * @param needed      sessions still unmatched (for work experience, places)
 * @param reasons     why the latest round left these requests unmatched, commonest first
 */
public record RecruitmentTarget(
        EncounterType type,
        List<String> sectors,
        int yearFrom,
        int yearTo,
        String area,
        double withinKm,
        boolean onlineOnly,
        int needed,
        int requests,
        int schools,
        List<String> reasons) {

    public RecruitmentTarget {
        sectors = List.copyOf(sectors);
        reasons = List.copyOf(reasons);
    }

    /** The same demand without the round's reasons, which name schools' cohorts: for employers' eyes. */
    public RecruitmentTarget withoutReasons() {
        return new RecruitmentTarget(
                type, sectors, yearFrom, yearTo, area, withinKm, onlineOnly, needed, requests, schools, List.of());
    }

    public String wording() {
        return needed + " more " + what() + " for " + yearGroups()
                + (onlineOnly ? " online, for schools in " + area : " within " + kilometres() + " km of " + area);
    }

    /** "engineering talks", "careers talks", "manufacturing work experience places" */
    public String what() {
        String sector = sectors.isEmpty() ? "" : String.join(" or ", sectors).toLowerCase(Locale.UK) + " ";
        return sector + noun(type, !sectors.isEmpty()) + (needed == 1 ? "" : "s");
    }

    /** "Year 8", "Years 8-9" */
    public String yearGroups() {
        return yearFrom == yearTo ? "Year " + yearFrom : "Years " + yearFrom + "-" + yearTo;
    }

    /** "any" when the schools did not mind. */
    public String sector() {
        return sectors.isEmpty() ? "any" : String.join("; ", sectors);
    }

    public String kilometres() {
        return withinKm == Math.rint(withinKm) ? String.valueOf((long) withinKm) : String.valueOf(withinKm);
    }

    /** What one unit of the demand is called: a session, or for work experience a pupil's place. */
    private static String noun(EncounterType type, boolean sectorNamed) {
        return switch (type) {
            case CAREERS_TALK -> sectorNamed ? "talk" : "careers talk";
            case CAREERS_FAIR -> "careers fair stall";
            case MOCK_INTERVIEWS -> "mock interview session";
            case ENTERPRISE_CHALLENGE -> "enterprise challenge";
            case MENTORING -> "mentoring session";
            case WORKPLACE_VISIT -> "workplace visit";
            case WORK_SHADOWING -> "work shadowing session";
            case WORK_EXPERIENCE -> "work experience place";
            case ONLINE_INSIGHT -> "online insight session";
        };
    }
}
